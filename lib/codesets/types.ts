/**
 * Code-table entries as the rules see them. The data lives in codesets/*.json (versioned, every
 * entry with its source and effective dates); these types are the contract between that data,
 * its loaders and adapters (files, DynamoDB) and the rules. Values the domain brief marks
 * "unconfirmed" are data here, never constants in a rule.
 */

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

/** Every entry says where it comes from and when it applies. */
export interface Dated {
  /** First day the entry applies (inclusive). */
  readonly effectiveFrom: Day;
  /** Last day the entry applies (inclusive), or null while it is current. */
  readonly effectiveTo: Day | null;
  /** Source key or reference (e.g. "S26 NCCI PTP v32.2", "CPT 2020"). */
  readonly source: string;
}

/** Procedure families the pain rules and the frequency ledger count by. */
export type ProcedureFamily =
  | 'EM' | 'PROLONGED' | 'ESI' | 'FACET' | 'RFA' | 'SIJ' | 'SIJ_RFA' | 'TPI' | 'JOINT' | 'NERVE'
  | 'SYMP' | 'SCS' | 'PUMP' | 'IMAGING' | 'PT' | 'PSYCH' | 'DRUG' | 'OTHER';

/** CT = cervical/thoracic, LS = lumbar/sacral (the LCDs' two spinal regions). */
export type SpinalRegion = 'CT' | 'LS';

export interface ProcedureEntry extends Dated {
  readonly code: string;
  /** Our own short paraphrase (CPT descriptors are AMA-copyrighted). */
  readonly description: string;
  readonly family: ProcedureFamily;
  /** Spinal region for spinal procedures ("SI" and peripheral codes have none). */
  readonly region: SpinalRegion | null;
  /** For add-on codes: the primaries one of which must be billed the same day. */
  readonly addOnOf: readonly string[];
  /** The descriptor includes imaging guidance (no separate 77002/77003/77012/76942). */
  readonly imagingIncluded: boolean;
  /** A separately reported guidance code (77002, 77003, 77012, 76942, 77021). */
  readonly guidance: boolean;
  /** MPFS bilateral surgery indicator (0 no 50, 1 50 allowed, 2 already bilateral, 3 50 allowed, 9 n/a); null when unknown. */
  readonly bilateralIndicator: '0' | '1' | '2' | '3' | '9' | null;
  /** Unilateral-eligible (a side must be given: LT, RT or 50). */
  readonly sided: boolean;
  /** Has a professional/technical split (26/TC allowed). */
  readonly pcTc: boolean;
  /** Global surgery days; null when unknown. */
  readonly globalDays: '000' | '010' | '090' | 'XXX' | 'ZZZ' | 'YYY' | null;
  /** Medically unlikely edit (practitioner), null when not confirmed. MAI 1 per line, 2/3 per date. */
  readonly mue: { readonly units: number; readonly mai: 1 | 2 | 3 } | null;
  readonly telehealth: boolean;
  /** An unlisted code (needs a description in SV101-7). */
  readonly unlisted: boolean;
}

export interface DiagnosisEntry extends Dated {
  /** ICD-10-CM without the decimal point, as sent in HI (M48061). */
  readonly code: string;
  readonly description: string;
  /** A leaf code; headers (M48.06, M51.36, M54.5 …) are not billable. */
  readonly billable: boolean;
  /** The spinal region the diagnosis names (M54.12 cervical → CT), when it names one. */
  readonly region: SpinalRegion | null;
  /** Too unspecific to support an interventional procedure (R52, M54.9 …). */
  readonly unspecified: boolean;
}

export interface ModifierEntry extends Dated {
  readonly code: string;
  readonly description: string;
  /** How the modifier behaves in the rules. */
  readonly kind: 'side' | 'bilateral' | 'distinct' | 'em' | 'pc-tc' | 'telehealth' | 'therapy' | 'drug' | 'coverage' | 'other';
}

export interface PlaceOfServiceEntry extends Dated {
  readonly code: string;
  readonly description: string;
  readonly telehealth: boolean;
  readonly facility: boolean;
}

/** One NCCI procedure-to-procedure edit: column 2 is denied with column 1 the same day. */
export interface PtpEdit extends Dated {
  readonly column1: string;
  readonly column2: string;
  /** 0 never bypassed, 1 bypassed by an NCCI-associated modifier, 9 edit deleted/not applied. */
  readonly modifierIndicator: '0' | '1' | '9';
}

/** Diagnosis groups that support a procedure family (ICD-10-CM prefixes, no decimal point). */
export interface DiagnosisSupport extends Dated {
  readonly family: ProcedureFamily;
  readonly covered: readonly string[];
  /** Prefixes that do not support the family on their own (axial pain for ESI …). */
  readonly notSupporting: readonly string[];
}

export type PayerProfileId = 'medicare' | 'commercial';

export interface PriorAuthEntry extends Dated {
  readonly profile: PayerProfileId;
  readonly code: string;
  /** Places of service where the requirement applies; empty = everywhere. */
  readonly placesOfService: readonly string[];
  /** States of service (2310C/2010AA N402) where it applies; empty = everywhere (WISeR is six states). */
  readonly states: readonly string[];
  readonly program: string;
}

/** Frequency family keys of the ledger (pain-coding-rules §6.1). */
export type FrequencyFamily = 'ESI' | 'FACET_DX' | 'FACET_TX' | 'RFA' | 'SIJ_DX' | 'SIJ_TX' | 'TPI';

export interface FrequencyLimit extends Dated {
  readonly profile: PayerProfileId;
  readonly family: FrequencyFamily;
  /** Sessions (distinct dates of service) allowed in the window, per region. */
  readonly maxSessions: number;
  readonly windowDays: number;
  /** RFA: minimum days between ablations of the same joint (level and side); null = no check. */
  readonly repeatIntervalDays: number | null;
}

/** How a payer profile changes the rules: severities, disabled rules, conventions. */
export interface PayerProfile {
  readonly id: PayerProfileId;
  readonly description: string;
  /** rule id → severity or 'off'. */
  readonly severities: Readonly<Record<string, 'error' | 'warning' | 'info' | 'off'>>;
  /** SBR09 claim filing indicator codes that select this profile. */
  readonly filingIndicators: readonly string[];
}
