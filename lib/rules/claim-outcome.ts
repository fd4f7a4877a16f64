import type { Finding, Severity } from '../findings.ts';
import type { ClaimView } from '../model/claim-view.ts';
import type { Delimiters } from '../x12/delimiters.ts';
import type { SegmentError } from '../x12/results.ts';
import type { ClaimReport } from '../validate-stream.ts';
import type { Rule, RuleFinding, SafeFix } from './define-rule.ts';

/** A rule finding after the payer profile graded it (findings graded 'off' are dropped). */
export interface GradedFinding {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly finding: RuleFinding;
  /** The same finding as report.json lists it. */
  readonly reported: Finding;
}

/** The inbound envelope a claim travelled in (the output writers re-envelope claims). */
export interface InboundEnvelope {
  /** ISA elements, index 0 = "ISA". */
  readonly isa: readonly string[];
  /** GS elements, index 0 = "GS". */
  readonly gs: readonly string[];
  readonly delimiters: Delimiters;
}

/** Everything known about one claim once every check has run: what the output writers read. */
export interface ClaimOutcome {
  readonly view: ClaimView;
  readonly envelope: InboundEnvelope;
  readonly status: 'accepted' | 'rejected';
  /** SNIP 1–2 errors of the claim and of the loops it depends on (999). */
  readonly snipErrors: readonly SegmentError[];
  /** Coding-rule findings (277CA), graded by the payer profile. */
  readonly findings: readonly GradedFinding[];
  readonly report: ClaimReport;
  /**
   * Whether the claim goes into the corrected 837: every accepted claim, and a rejected claim
   * whose every error has a safe fix and that has no SNIP 1–2 error. (Every rejected claim also
   * goes, unchanged, into the rejected 837.)
   */
  readonly inCorrected: boolean;
  /** The safe fixes the corrected 837 applies to this claim (listed in the report). */
  readonly fixes: readonly SafeFix[];
}

/** A transaction set has ended; `ack` is its 999 IK501. Writers flush what they held for it. */
export interface SetEnd {
  readonly isa13: string;
  readonly gs06: string;
  readonly st02: string;
  readonly ack: 'A' | 'E' | 'R';
}

/**
 * An output built from the claim stream (277CA, corrected 837, rejected 837, HTML report).
 * Pure: each call returns the text to append to the output (possibly ''), so the caller
 * streams it to any ObjectStore. Calls come in file order: claims of a set, then its setEnd.
 */
export interface ClaimStreamWriter {
  claim(outcome: ClaimOutcome): string;
  setEnd(set: SetEnd): string;
  /** Closes open envelopes; returns the rest (or '' when nothing was written at all). */
  end(): string;
}
