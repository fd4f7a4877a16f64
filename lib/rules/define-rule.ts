import type { Day, PayerProfile } from '../codesets/types.ts';
import type { ClaimView, ServiceLineView } from '../model/claim-view.ts';
import type { LoopedSegment } from '../model/claim.ts';
import type { Severity } from '../findings.ts';
import type { CodeTables, Session } from '../ports.ts';

/** WEDI SNIP type of a rule (3 balancing … 7 trading-partner specific). */
export type SnipLevel = 3 | 4 | 5 | 6 | 7;

/** The 277CA STC01 composite a rejection is reported with (category 507, status 508, entity). */
export interface Ack277 {
  readonly category: 'A3' | 'A6' | 'A7' | 'A8';
  readonly status: string;
  readonly entity?: string;
}

/**
 * A deterministic correction the corrected-837 writer may apply. Only fixes that invent no
 * data: the value comes from the claim itself or from a rule of X12/CPT.
 */
export type SafeFix =
  /** Drop a service line (e.g. 77003 billed with an ESI whose code includes imaging); CLM02 is reduced by its charge. */
  | { readonly kind: 'drop-line'; readonly line: number; readonly reason: string }
  /** Replace one element or component value of a segment (e.g. "M48.061" → "M48061", "rt" → "RT"). */
  | { readonly kind: 'replace'; readonly segment: LoopedSegment; readonly element: number; readonly component?: number; readonly value: string; readonly reason: string };

/** What a rule reports; the engine adds the rule id, severity, source and acknowledgment. */
export interface RuleFinding {
  /** Plain English: what is wrong, with the codes involved. */
  readonly message: string;
  /** The segment the finding points at (its position goes in the report). */
  readonly segment: LoopedSegment;
  /** Element reference such as "SV101-3" or "HI01-2"; null for the segment as a whole. */
  readonly element: string | null;
  /** The service line that causes the rejection (277CA 2220D), or null for a claim-level finding. */
  readonly line: ServiceLineView | null;
  /** Overrides the rule's default acknowledgment code for this finding. */
  readonly ack?: Ack277;
  /**
   * Overrides the rule's default severity for this finding (before the payer profile grades
   * it), e.g. code/procedure: a well-formed code missing from an incomplete table is a warning.
   */
  readonly severity?: Severity;
  /** A safe deterministic fix, when one exists. */
  readonly fix?: SafeFix;
}

/**
 * What a claim's history looks like to the frequency rules: the ledger's sessions plus those of
 * earlier claims in this batch, prefetched before the rules run (rules stay synchronous).
 */
export interface ClaimHistory {
  /** Earlier sessions (never this claim's own) of the claim's patient and payer group. */
  sessions(family: Session['family'], region: Session['region'], from: Day, to: Day): readonly Session[];
  /** Earlier VISIT sessions of the patient with this billing provider. */
  visits(from: Day, to: Day): readonly Session[];
  /** The sessions this claim records when it is accepted. */
  readonly current: readonly Session[];
  /** False when no patient key could be made (no member id or birth date): history is unknown. */
  readonly known: boolean;
}

export interface RuleContext {
  readonly tables: CodeTables;
  /** The payer profile the claim is judged by (SBR09 or --profile). */
  readonly profile: PayerProfile;
  /** "Today" for date rules (--as-of). */
  readonly asOf: Day;
  readonly history: ClaimHistory;
}

export interface Rule {
  /** Stable id from the rule catalogue: never renamed. */
  readonly id: string;
  readonly level: SnipLevel;
  readonly defaultSeverity: Severity;
  /** Default 277CA code for this rule's rejections. */
  readonly ack: Ack277;
  /** Where the rule comes from (brief section, CMS file, LCD, CPT guidance). */
  readonly source: string;
  /** One sentence: what the rule checks. */
  readonly description: string;
  /** How a billing team fixes the claim. */
  readonly howToFix: string;
  /** Pure: the same claim and context always give the same findings. Must not throw on bad data. */
  check(claim: ClaimView, ctx: RuleContext): readonly RuleFinding[];
}

/** Identity, for type checking and a single place to hang rule conventions later. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
