import type { Delimiters } from './delimiters.ts';

/**
 * One segment as read from the stream. `elements[0]` is the segment id, so `elements[n]` is
 * element n in X12 numbering (CLM02 is `elements[2]`). Values are raw: composites and
 * repetitions are split on demand with {@link components} and {@link repetitions}, because
 * only the TR3 knows which elements are composite (splitting every `:` would break data).
 */
export interface Segment {
  readonly id: string;
  readonly elements: readonly string[];
  readonly delimiters: Delimiters;
  /** 0-based byte offset of the segment id's first byte in the file. */
  readonly byteOffset: number;
  /** 1-based number of this segment in the file (ISA of the first interchange is 1). */
  readonly fileIndex: number;
}

/** Element n (1-based), or '' when absent. */
export function elementAt(segment: Segment, n: number): string {
  return segment.elements[n] ?? '';
}

/** Splits a composite element value into its components (1-based access via index + 1). */
export function components(value: string, delimiters: Delimiters): string[] {
  return value.split(delimiters.component);
}

/** Component c (1-based) of element n, or ''. */
export function componentAt(segment: Segment, n: number, c: number): string {
  const value = segment.elements[n];
  if (value === undefined || value === '') return '';
  return components(value, segment.delimiters)[c - 1] ?? '';
}

/** Splits a repeating element value into its repetitions. */
export function repetitions(value: string, delimiters: Delimiters): string[] {
  return delimiters.repetition === null ? [value] : value.split(delimiters.repetition);
}

/** Writes a segment back with its own delimiters, without the terminator. */
export function segmentText(segment: Pick<Segment, 'elements' | 'delimiters'>): string {
  return segment.elements.join(segment.delimiters.element);
}
