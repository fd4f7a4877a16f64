import type { Delimiters } from './delimiters.ts';

/**
 * What SNIP 1–2 validation learns about one file, shaped after the acknowledgments that report
 * it: TA1 per interchange, 999 per functional group (AK2/IK5 per set, IK3/IK4 per segment and
 * element). The writers in lib/ack read these; no validator writes acknowledgment text.
 */

/** IK304 segment syntax error codes (X231A1 subset). */
export type Ik304 = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | 'I4' | 'I6' | 'I7' | 'I8' | 'I9';
/** IK403 element syntax error codes (X231A1 subset). */
export type Ik403 = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '12' | '13' | 'I6' | 'I9' | 'I10' | 'I11' | 'I12' | 'I13';
/** IK502–IK506 transaction set error codes. */
export type Ik502 = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '18' | '19' | '23' | 'I5' | 'I6';
/** AK905–AK909 functional group error codes. */
export type Ak905 = '1' | '2' | '3' | '4' | '5' | '6' | '19';
/** IK501 / AK901 acknowledgment codes we produce. */
export type AckCode = 'A' | 'E' | 'P' | 'R';

export interface ElementError {
  /** IK401-1: element position in the segment (1-based). */
  readonly element: number;
  /** IK401-2: component position, for composites. */
  readonly component?: number;
  /** IK401-3: repetition position, for repeating elements. */
  readonly repetition?: number;
  /** IK402: data element reference number (e.g. "782"), when known. */
  readonly dataElementRef?: string;
  readonly code: Ik403;
  /** IK404: the bad value as sent (the writer leaves it out when it holds a delimiter). */
  readonly value?: string;
  readonly message: string;
}

/** The element (or segment) that made a situational segment required or forbidden (CTX). */
export interface SituationalTrigger {
  readonly segmentId: string;
  readonly setIndex: number;
  readonly loopId: string | null;
  readonly element: number;
  readonly component?: number;
  readonly dataElementRef?: string;
}

export interface SegmentError {
  /** IK301 */
  readonly segmentId: string;
  /** IK302: position from ST = 1. For a missing segment, the position where its absence was seen. */
  readonly setIndex: number;
  /** IK303 */
  readonly loopId: string | null;
  /** IK304 */
  readonly code: Ik304;
  /** CLM01 of the claim the segment belongs to (999 CTX business unit), when inside a 2300. */
  readonly claimId: string | null;
  /** LX01 of the service line, when inside a 2400. */
  readonly line: number | null;
  readonly trigger?: SituationalTrigger;
  readonly elementErrors: readonly ElementError[];
  /** Segment-level message (the element errors carry their own). */
  readonly message: string;
  readonly rule: 'x12/syntax' | 'x12/structure' | 'x12/envelope';
  readonly byteOffset: number | null;
  readonly fileIndex: number | null;
}

export interface SetResult {
  readonly st01: string;
  readonly st02: string;
  readonly st03: string;
  /** IK502–IK506 codes; empty when the set is accepted. */
  readonly setErrors: readonly Ik502[];
  readonly segmentErrors: readonly SegmentError[];
  /** IK501 */
  readonly ack: Exclude<AckCode, 'P'>;
  /** Human reasons for set-level errors (IK502), in the order of `setErrors`. */
  readonly messages: readonly string[];
  readonly byteOffset: number | null;
  readonly fileIndex: number | null;
}

export interface GroupResult {
  readonly gs: readonly string[];
  /** GE01 as declared, or null when the GE is missing or unreadable. */
  readonly declaredSets: number | null;
  readonly sets: readonly SetResult[];
  /** AK905–AK909 */
  readonly groupErrors: readonly Ak905[];
  readonly messages: readonly string[];
  /** AK901 */
  readonly ack: AckCode;
  readonly byteOffset: number | null;
  readonly fileIndex: number | null;
}

export interface InterchangeResult {
  /** ISA elements as read (index 0 = "ISA"); best effort when the header was corrupt. */
  readonly isa: readonly string[];
  /** TA105 note code ('000' when the envelope is sound) and TA104. */
  readonly ta1: { readonly code: string; readonly ack: 'A' | 'E' | 'R'; readonly message: string };
  readonly groups: readonly GroupResult[];
  readonly byteOffset: number | null;
  /** The interchange's delimiters (acknowledgments answer in the sender's delimiters); absent when the ISA was unreadable. */
  readonly delimiters?: Delimiters;
}
