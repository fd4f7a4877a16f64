/**
 * A finding is data, never an exception: validation reports every problem it can see with its
 * position so one run produces a complete acknowledgment. This is the `Finding` of the public
 * `report.json` contract (see schemas/report.schema.json); add fields, never rename them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface FindingPosition {
  /** 1-based segment position counted from ST = 1 (the 999's IK302); from the file start outside a set. */
  readonly segmentIndex: number | null;
  /** 0-based byte offset of the segment in the file. */
  readonly byteOffset: number | null;
  /** 1-based segment number in the whole file. */
  readonly fileSegmentIndex: number | null;
  /** TR3 loop id of the segment (e.g. "2400"), when known. */
  readonly loop: string | null;
}

export interface Finding {
  /** Stable rule id from the rule catalogue (e.g. "x12/syntax"). */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** LX01 of the service line, or null for claim- and envelope-level findings. */
  readonly line: number | null;
  /** Segment id (e.g. "SV1"), or null when the finding is about the file as a whole. */
  readonly segment: string | null;
  /** Element reference such as "SV101-2" or "CLM02", or null. */
  readonly element: string | null;
  readonly position: FindingPosition;
  /** Where the acknowledgment reports it, e.g. "999:IK3*CLM*18*2300*8;IK4*2*782*6" or "TA1:022". */
  readonly ack: string | null;
  /** Where the rule comes from (TR3 section, CMS file, catalogue). */
  readonly source: string;
  /** The safe fix the corrected 837 can apply for this finding, when there is one. */
  readonly fix?: string;
}

export const NO_POSITION: FindingPosition = { segmentIndex: null, byteOffset: null, fileSegmentIndex: null, loop: null };
