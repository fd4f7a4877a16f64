import type { DiagnosisEntry, DiagnosisSupport, FrequencyLimit, ModifierEntry, PayerProfile, PlaceOfServiceEntry, PriorAuthEntry, ProcedureEntry, PtpEdit } from './types.ts';

/**
 * The shape of one file in codesets/ (see codesets/README.md): provenance for the whole file,
 * then dated entries. A code may appear more than once with non-overlapping date ranges.
 */
export interface CodeSetFile<T> {
  readonly id: string;
  readonly title: string;
  /** Where the data comes from (CMS file and version, CPT year, brief section). */
  readonly source: string;
  /** Data version, e.g. "2026Q4". */
  readonly version: string;
  /** When the source was read, YYYY-MM-DD. */
  readonly retrieved: string;
  /** True when the file holds the whole code set (an unknown code is then invalid, not just unknown). */
  readonly complete: boolean;
  /** When `complete` holds only for some dates of service (a loaded ICD-10-CM fiscal year), those dates. */
  readonly completePeriod?: { readonly from: string; readonly to: string | null };
  readonly entries: readonly T[];
}

/** Every code set the rules read, by file id. */
export interface CodeSets {
  readonly procedures: CodeSetFile<ProcedureEntry>;
  readonly diagnoses: CodeSetFile<DiagnosisEntry>;
  readonly modifiers: CodeSetFile<ModifierEntry>;
  readonly placesOfService: CodeSetFile<PlaceOfServiceEntry>;
  readonly ptp: CodeSetFile<PtpEdit>;
  readonly diagnosisSupport: CodeSetFile<DiagnosisSupport>;
  readonly priorAuth: CodeSetFile<PriorAuthEntry>;
  readonly frequencyLimits: CodeSetFile<FrequencyLimit>;
  readonly profiles: CodeSetFile<PayerProfile>;
}

/** File names in codesets/, by key. */
export const CODE_SET_FILES: { readonly [K in keyof CodeSets]: string } = {
  procedures: 'procedures.json',
  diagnoses: 'diagnoses.json',
  modifiers: 'modifiers.json',
  placesOfService: 'places-of-service.json',
  ptp: 'ncci-ptp.json',
  diagnosisSupport: 'diagnosis-support.json',
  priorAuth: 'prior-auth.json',
  frequencyLimits: 'frequency-limits.json',
  profiles: 'payer-profiles.json',
};
