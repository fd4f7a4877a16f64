import type { Segment } from './segment.ts';
import { createTokenizer, type FramingProblem, type TokenEvent } from './tokenizer.ts';

/**
 * A segment with its place in the envelope: the 999 speaks of positions counted from ST = 1
 * (IK302), reports speak of control numbers, and both need the byte offset to point a user at
 * the data.
 */
export interface LocatedSegment extends Segment {
  /** 1-based position from ST (ST = 1, SE = n); null outside a transaction set. */
  readonly setIndex: number | null;
  readonly isa13: string | null;
  readonly gs06: string | null;
  readonly st02: string | null;
}

export type ReaderEvent =
  | { readonly type: 'segment'; readonly segment: LocatedSegment }
  | { readonly type: 'problem'; readonly problem: FramingProblem };

/**
 * Tracks ISA13/GS06/ST02 over a stream of tokenizer events. It does not judge the envelope
 * (that is {@link ../x12/envelope}'s job): a GS outside an ISA simply has no ISA13.
 */
export function createLocator(): (event: TokenEvent) => ReaderEvent {
  let isa13: string | null = null;
  let gs06: string | null = null;
  let st02: string | null = null;
  let setIndex: number | null = null;
  return (event) => {
    if (event.type === 'problem') return event;
    const s = event.segment;
    switch (s.id) {
      case 'ISA':
        isa13 = s.elements[13] ?? null;
        gs06 = st02 = setIndex = null;
        break;
      case 'GS':
        gs06 = s.elements[6] ?? null;
        st02 = setIndex = null;
        break;
      case 'ST':
        st02 = s.elements[2] ?? null;
        setIndex = 0;
        break;
      case 'GE':
      case 'IEA':
        // A trailer of an outer envelope ends a set whose SE is missing: it is not part of it.
        st02 = setIndex = null;
        break;
    }
    if (setIndex !== null) setIndex++;
    // An explicit literal, not a spread: one object shape for every segment keeps this hot path fast.
    const located: LocatedSegment = { id: s.id, elements: s.elements, delimiters: s.delimiters, byteOffset: s.byteOffset, fileIndex: s.fileIndex, setIndex, isa13, gs06, st02 };
    switch (s.id) {
      case 'SE':
        st02 = setIndex = null;
        break;
      case 'GE':
        gs06 = st02 = setIndex = null;
        break;
      case 'IEA':
        isa13 = gs06 = st02 = setIndex = null;
        break;
    }
    return { type: 'segment', segment: located };
  };
}

/**
 * Reads a byte stream (file, S3 body …) chunk by chunk; memory is bounded by one segment plus
 * one chunk. Events come in batches, one per chunk: an await per segment would cost more than
 * reading the segment.
 */
export async function* readSegmentBatches(source: AsyncIterable<Uint8Array>): AsyncGenerator<readonly ReaderEvent[]> {
  const tokenizer = createTokenizer();
  const locate = createLocator();
  let pending: ReaderEvent[] = [];
  const emit = (e: TokenEvent): void => {
    pending.push(locate(e));
  };
  for await (const chunk of source) {
    tokenizer.write(chunk, emit);
    if (pending.length > 0) {
      yield pending;
      pending = [];
    }
  }
  tokenizer.end(emit);
  if (pending.length > 0) yield pending;
}

/** The same over bytes already in memory (tests, small inputs). */
export function readSegmentsSync(bytes: Uint8Array | string): ReaderEvent[] {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  const tokenizer = createTokenizer();
  const locate = createLocator();
  const out: ReaderEvent[] = [];
  const emit = (e: TokenEvent): void => {
    out.push(locate(e));
  };
  tokenizer.write(data, emit);
  tokenizer.end(emit);
  return out;
}
