/**
 * Turns 837P text ("ST*837*0001*005010X222A1~BHT*…~…") into located segments, the way the
 * envelope code hands them to a transaction validator: the snippet is wrapped in a fixed ISA/GS
 * (delimiters * ^ : ~) unless it brings its own ISA, and read with the real tokenizer.
 */
import type { Claim } from '../../lib/model/claim.ts';
import type { TransactionOutcome } from '../../lib/model/claim.ts';
import type { TransactionSpec } from '../../lib/model/tr3.ts';
import { createTransactionValidator837p } from '../../lib/model/transaction-validator-837p.ts';
import { readSegmentsSync, type LocatedSegment } from '../../lib/x12/reader.ts';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *250115*1030*^*00501*000000101*1*T*:~';
const GS = 'GS*HC*SUBMITTER01*RECEIVER01*20250115*1030*101*X*005010X222A1~';

export interface Snippet {
  readonly st: LocatedSegment;
  /** The segments after ST and before SE (or the end of the text). */
  readonly body: readonly LocatedSegment[];
  /** The SE's set position, or the position after the last segment when there is no SE. */
  readonly endIndex: number;
}

/** Reads the first transaction set of `text`; line breaks between segments are ignored. */
export function snippet(text: string | Uint8Array): Snippet {
  const input = typeof text === 'string' && !text.trimStart().startsWith('ISA') ? ISA + GS + text : text;
  const segments = readSegmentsSync(input).flatMap((e) => (e.type === 'segment' ? [e.segment] : []));
  const start = segments.findIndex((s) => s.id === 'ST');
  const st = segments[start];
  if (st === undefined) throw new Error('test snippet has no ST');
  const body: LocatedSegment[] = [];
  for (const s of segments.slice(start + 1)) {
    if (s.id === 'SE') return { st, body, endIndex: s.setIndex ?? 0 };
    body.push(s);
  }
  return { st, body, endIndex: (st.setIndex ?? 1) + body.length + 1 };
}

export interface Run extends TransactionOutcome {
  readonly claimList: readonly Claim[];
}

/** Runs the 837P validator over the first set of `text`. */
export function validate(text: string | Uint8Array, map?: TransactionSpec): Run {
  const { st, body, endIndex } = snippet(text);
  const claimList: Claim[] = [];
  const validator = createTransactionValidator837p(st, (c) => claimList.push(c), map);
  for (const s of body) validator.segment(s);
  return { ...validator.end(endIndex), claimList };
}

/** Compact error summaries for table assertions: "CLM@18 2300 8 [2:6]". */
export function summary(outcome: TransactionOutcome): string[] {
  return outcome.errors.map((e) => {
    const elements = e.elementErrors.map((x) => `${x.element}${x.component === undefined ? '' : `-${x.component}`}:${x.code}`);
    return `${e.segmentId}@${e.setIndex} ${e.loopId ?? '-'} ${e.code}${elements.length === 0 ? '' : ` [${elements.join(',')}]`}`;
  });
}
