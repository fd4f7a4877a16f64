import type {
  Day, DiagnosisEntry, DiagnosisSupport, FrequencyFamily, FrequencyLimit, ModifierEntry, PayerProfile,
  PayerProfileId, PlaceOfServiceEntry, PriorAuthEntry, ProcedureEntry, ProcedureFamily, PtpEdit, SpinalRegion,
} from './codesets/types.ts';

/**
 * What the pure core needs from the outside world. Implementations live in lib/adapters/
 * (filesystem for the CLI; S3 and DynamoDB for Lambda) so the same core runs everywhere.
 */

/** How text becomes bytes: 'latin1' (the default) for X12, 'utf8' for JSON and HTML. */
export type TextEncoding = 'latin1' | 'utf8';

/** A place objects are read from and written to: a folder, an S3 bucket. */
export interface ObjectStore {
  /** Streams an object's bytes; rejects with {@link ObjectNotFoundError} when it is absent. */
  read(key: string): AsyncIterable<Uint8Array>;
  /**
   * Writes an object from text chunks; it appears whole or not at all, when the chunks end.
   * X12 is written as Latin-1 (one character is one byte, so the sender's bytes round-trip);
   * reports as UTF-8.
   */
  write(key: string, body: string | AsyncIterable<string>, encoding?: TextEncoding): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  readonly code = 'OBJECT_NOT_FOUND';
  constructor(readonly key: string) {
    super(`${key}: no such file or object`);
    this.name = 'ObjectNotFoundError';
  }
}

/** An incremental SHA-256 (node:crypto lives in the adapters). */
export interface Hasher {
  update(bytes: Uint8Array): void;
  /** Lower-case hex digest. */
  digest(): string;
}

// ---- Code tables (issue: coding rule engine) -------------------------------------------------

/** What one claim needs from the tables, so a remote store can fetch it in one batch. */
export interface CodeNeeds {
  readonly procedures: readonly string[];
  readonly diagnoses: readonly string[];
}

/** A code's standing on a date of service. */
export type Lookup<T> =
  | { readonly status: 'active'; readonly entry: T }
  /** Known, but not on that date: deleted (effectiveTo before) or not yet effective. */
  | { readonly status: 'inactive'; readonly entry: T }
  /** Not in the loaded table. */
  | { readonly status: 'unknown' };

/**
 * The code tables the rules read. Lookups are synchronous so rules stay pure; `prefetch` lets a
 * remote store (DynamoDB) load what a claim needs first (in memory it does nothing).
 */
export interface CodeTables {
  prefetch(needs: CodeNeeds): Promise<void>;
  procedure(code: string, dos: Day): Lookup<ProcedureEntry>;
  /** True when the procedure table is declared complete (then an unknown code is an error). */
  readonly proceduresComplete: boolean;
  diagnosis(code: string, dos: Day): Lookup<DiagnosisEntry>;
  /** True when the full CMS ICD-10-CM list for the fiscal year of `dos` is loaded. */
  diagnosesComplete(dos: Day): boolean;
  modifier(code: string, dos: Day): Lookup<ModifierEntry>;
  /** True when the modifier table is declared complete (then an unknown modifier is an error). */
  readonly modifiersComplete: boolean;
  placeOfService(code: string, dos: Day): Lookup<PlaceOfServiceEntry>;
  /** The PTP edit with `column1` and `column2` in force on `dos`, if any. */
  ptp(column1: string, column2: string, dos: Day): PtpEdit | null;
  diagnosisSupport(family: ProcedureFamily, dos: Day): DiagnosisSupport | null;
  priorAuth(profile: PayerProfileId, code: string, dos: Day): readonly PriorAuthEntry[];
  frequencyLimit(profile: PayerProfileId, family: FrequencyFamily, dos: Day): FrequencyLimit | null;
  profile(id: PayerProfileId): PayerProfile;
}

// ---- Frequency ledger ---------------------------------------------------------------------------

/**
 * One counted session of a frequency family (pain-coding-rules §6.1). No PHI: the patient is a
 * keyed hash. `key` is unique per interchange, claim and line, so recording is idempotent and a
 * claim never counts against itself.
 */
export interface Session {
  readonly patientKey: string;
  readonly payerGroup: string;
  /** A frequency family, or VISIT: any professional service (for the new-patient check). */
  readonly family: FrequencyFamily | 'VISIT';
  /** Billing provider NPI (VISIT sessions are per provider). */
  readonly provider: string;
  readonly region: SpinalRegion | 'SI' | 'NA';
  readonly dos: Day;
  /** "<ISA13>#<CLM01>#<LX01>". */
  readonly key: string;
  readonly side: 'L' | 'R' | 'B' | null;
  readonly codes: readonly string[];
  /** Joints (level + side) ablated, for the RFA repeat interval. */
  readonly joints: readonly string[];
}

export interface SessionQuery {
  readonly patientKey: string;
  readonly payerGroup: string;
  readonly family: Session['family'];
  readonly region: Session['region'];
  readonly from: Day;
  readonly to: Day;
}

/**
 * The ledger moved under us: another validation recorded a session for the same patient and
 * counter after we read it. The engine re-reads the history and judges the claim again.
 */
export class LedgerConflictError extends Error {
  readonly code = 'LEDGER_CONFLICT';
  constructor(message = 'the frequency ledger changed since it was read') {
    super(message);
    this.name = 'LedgerConflictError';
  }
}

export interface FrequencyLedger {
  /** Sessions of one patient, payer group, family and region with from ≤ dos ≤ to. */
  sessions(query: SessionQuery): Promise<readonly Session[]>;
  /**
   * Records sessions; a session whose key is already recorded is left as it is. A store shared
   * by concurrent validations (DynamoDB) records only if nothing it read for these sessions'
   * counters has changed since the last `sessions` call, else throws {@link LedgerConflictError}.
   */
  record(sessions: readonly Session[]): Promise<void>;
  /** VISIT sessions of a patient with one billing provider, from ≤ dos ≤ to (new-patient check). */
  visits(patientKey: string, provider: string, from: Day, to: Day): Promise<readonly Session[]>;
}

/** Keys a patient without storing PHI: HMAC-SHA-256(secret, payer id + member id + birth date). */
export type PatientKeyer = (payerId: string, memberId: string, birthDate: string) => string;
