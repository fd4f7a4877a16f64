import type { LocatedSegment } from '../x12/reader.ts';
import type { SegmentError } from '../x12/results.ts';

/** A segment placed in the TR3 loop tree. */
export interface LoopedSegment extends LocatedSegment {
  /** Innermost loop id ("2400"), or "ST" for header segments. */
  readonly loopId: string;
  /** Loop ids from the outermost down, e.g. "2000A/2000B/2300/2400". */
  readonly loopPath: string;
}

/** One 2400 loop with its 2410/2420x/2430/2440 children, in file order. */
export interface ServiceLine {
  /** LX01 as a number, or null when it is not a number. */
  readonly lx: number | null;
  readonly segments: readonly LoopedSegment[];
}

/**
 * One 2300 claim with the context it depends on. Claims are emitted one at a time as soon as
 * they end, so memory is bounded by one claim (plus its billing provider and subscriber).
 */
export interface Claim {
  /** ST02 of the transaction set that carries the claim. */
  readonly transaction: string;
  readonly isa13: string | null;
  readonly gs06: string | null;
  /** CLM01 patient control number. */
  readonly id: string;
  /** CLM02 in integer cents, or null when it is not a valid amount. */
  readonly chargeCents: number | null;
  /** Transaction header: BHT, 1000A, 1000B. */
  readonly header: readonly LoopedSegment[];
  /** 2000A and its 2010AA/AB/AC. */
  readonly billingProvider: readonly LoopedSegment[];
  /** 2000B with 2010BA/BB. */
  readonly subscriber: readonly LoopedSegment[];
  /** 2000C with 2010CA, or null when the subscriber is the patient. */
  readonly patient: readonly LoopedSegment[] | null;
  /** The 2300 loop and its 2310x/2320/2330x children (not the 2400 lines). */
  readonly segments: readonly LoopedSegment[];
  readonly lines: readonly ServiceLine[];
  /** SNIP 1–2 errors found in the claim's own segments (2300 and below). */
  readonly errors: readonly SegmentError[];
  /** SNIP 1–2 errors in the header or the billing provider/subscriber/patient loops above it. */
  readonly contextErrors: readonly SegmentError[];
}

export interface TransactionOutcome {
  /** Every SNIP 1–2 error of the set in file order (the 999's IK3/IK4 loops). */
  readonly errors: readonly SegmentError[];
  readonly claims: number;
  readonly serviceLines: number;
}

/**
 * Validates the segments of one transaction set between ST and SE against a TR3 map and
 * assembles claims. The envelope (ST/SE counts and control numbers) is checked elsewhere.
 */
export interface TransactionValidator {
  /** Each segment after ST and before SE, in order. */
  segment(segment: LocatedSegment): void;
  /**
   * The set ended: `endIndex` is the set position of the SE (or of the point where the set was
   * cut off), where absent required segments and loops are reported.
   */
  end(endIndex: number): TransactionOutcome;
}

export type ClaimSink = (claim: Claim) => void;
