/**
 * Differential test: our streaming tokenizer against node-x12 (the design's named parser, kept
 * as an independent oracle; it reads whole strings and is not used at run time). For every
 * corpus file node-x12 accepts, the two must yield the same segment stream: ids and raw element
 * values, in order, ISA/GS/ST/SE/GE/IEA included.
 *
 * node-x12 object model (node_modules/node-x12/index.d.ts): `X12Parser#parse(text)` returns an
 * X12Interchange { header: ISA, functionalGroups: [{ header: GS, transactions: [{ header: ST,
 * segments, trailer: SE }], trailer: GE }], trailer: IEA } (an X12FatInterchange only in strict
 * mode). Each X12Segment has `tag` and `elements: X12Element[]` with the raw `value` (no trimming,
 * no composite or repetition splitting), like ours.
 */
import { existsSync, readFileSync } from 'node:fs';
import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { readSegmentsSync, type LocatedSegment } from '../../lib/x12/reader.ts';
import { CORPUS, corpusFile } from './expectations.ts';

type Row = readonly string[];

/**
 * Files node-x12 refuses: non-strict `parse` throws, or returns no interchange at all (only
 * diagnostics). Asserted below (it must still refuse them), so the table cannot go stale.
 */
const NODE_X12_REFUSES: Record<string, string> = {
  'imsweb-x12-parser/837_5010/x12_no_isa_line.txt': 'no ISA: node-x12 takes "delimiters" from fixed ISA offsets of the GS line, finds no ISA segment and returns undefined with only "segment cannot appear outside of a functional group" diagnostics',
  'stupidedi/005010-X222-HC837-case/1.edi': 'prose before the ISA: the fixed-offset delimiter detection reads prose characters, then parse throws a TypeError ("Cannot read properties of undefined (reading \'range\')")',
  'oopfactory-x12parser/INS/_837P/_5010/UnicodeExample.txt': 'UTF-16LE: no usable delimiters at the fixed offsets; parse returns undefined (every character becomes a stray "segment")',
};

/** node-x12's verdict on a text it refuses: the error, or "no interchange". */
function refusal(text: string): string | null {
  try {
    const ic = new X12Parser(false).parse(text) as X12Interchange | undefined;
    return ic === undefined || ic.header === undefined ? 'no interchange' : null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Files node-x12 parses but whose segment stream cannot be compared with ours, by design.
 * Asserted below (the difference must still exist).
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'imsweb-x12-parser/837_5010/x12_bad_first_line.txt': 'the ISA is 105 characters (ISA02 has 9): we reject it (X12_ISA_CORRUPT, TA105 011, no segments); non-strict node-x12 only logs "ISA segment is not the correct length" and reads delimiters from the wrong offsets anyway (offset 105 is the LF after "~", so it splits on newlines)',
};

const BOM = '\xef\xbb\xbf';

function nodeX12Rows(text: string): Row[] {
  const parser = new X12Parser(false);
  const ic = parser.parse(text) as X12Interchange;
  const rows: Row[] = [];
  const push = (s: X12Segment | undefined): void => {
    if (s !== undefined) rows.push([s.tag, ...s.elements.map((e) => e.value)]);
  };
  push(ic.header);
  for (const g of ic.functionalGroups) {
    push(g.header);
    for (const t of g.transactions) {
      push(t.header);
      for (const s of t.segments) push(s);
      push(t.trailer);
    }
    push(g.trailer);
  }
  push(ic.trailer);
  return rows;
}

/** node-x12's rows for a whole file, with the normalisations of the input it needs. */
function oracle(bytes: Buffer, ours: readonly LocatedSegment[]): Row[] {
  // Both sides see the same characters: bytes decoded as Latin-1 (one byte, one character), as
  // our tokenizer does; node-x12 would otherwise decode UTF-8 and shift nothing we compare.
  let text = bytes.toString('latin1');
  let base = 0;
  // Normalisation 1 (BOM): node-x12 reads the delimiters at fixed offsets 3/104/105 from the
  // start of the string, so a UTF-8 BOM would shift them; we report and skip it. Strip it.
  if (text.startsWith(BOM)) {
    text = text.slice(BOM.length);
    base = BOM.length;
  }
  // Normalisation 2 (several interchanges): non-strict node-x12 builds a single X12Interchange
  // (a second ISA overwrites the header, its groups are appended, and the first IEA is
  // replaced), and strict mode throws on the first count mismatch. Feed it one interchange at a
  // time, cut at the byte offsets where our tokenizer found each ISA.
  const starts = ours.filter((s) => s.id === 'ISA').map((s) => s.byteOffset - base);
  if (starts.length <= 1) return nodeX12Rows(text);
  return starts.flatMap((start, i) => nodeX12Rows(text.slice(start, starts[i + 1] ?? text.length)));
}

/** Our rows, with the normalisations of the output node-x12's model needs. */
function ourRows(events: ReturnType<typeof readSegmentsSync>): Row[] {
  const segs = events.flatMap((e) => (e.type === 'segment' ? [e.segment] : []));
  const codes = events.flatMap((e) => (e.type === 'problem' ? [e.problem.code] : []));
  let kept = segs;
  // Normalisation 3 (segments outside a set): node-x12 keeps only ISA/GS/ST…SE/GE/IEA; any other
  // segment outside a transaction set (the TA1 in pyx12's expected 997s) is dropped with a
  // diagnostic. Drop them from ours too.
  kept = kept.filter((s) => s.setIndex !== null || ['ISA', 'GS', 'GE', 'IEA'].includes(s.id));
  // Normalisation 4 (unterminated last segment): node-x12 only emits a segment when it sees the
  // terminator; we report X12_UNTERMINATED_SEGMENT and still emit it. Drop that last segment.
  if (codes.includes('X12_UNTERMINATED_SEGMENT')) kept = kept.slice(0, -1);
  return kept.map((s) => {
    const row = [...s.elements];
    // Normalisation 5 (control numbers): node-x12 rewrites ISA13 and IEA02 through parseInt
    // ("000000905" → "905"). Apply the same to ours.
    if (s.id === 'ISA' && row[13] !== undefined) row[13] = String(parseInt(row[13], 10));
    if (s.id === 'IEA' && row[2] !== undefined && row.length === 3) row[2] = String(parseInt(row[2], 10));
    return row;
  });
}

describe('node-x12 differential', () => {
  it('the skip and difference tables name corpus files', () => {
    const paths = new Set(CORPUS.map((c) => c.path));
    for (const p of [...Object.keys(NODE_X12_REFUSES), ...Object.keys(KNOWN_DIFFERENCES)]) expect(paths.has(p), p).toBe(true);
  });

  for (const entry of CORPUS) {
    const file = corpusFile(entry);
    const absent = file === null || !existsSync(file);
    const refused = NODE_X12_REFUSES[entry.path];
    const different = KNOWN_DIFFERENCES[entry.path];

    if (refused !== undefined) {
      it.skipIf(absent)(`${entry.path}: node-x12 refuses it (${refused})`, () => {
        let text = readFileSync(file!).toString('latin1');
        if (text.startsWith(BOM)) text = text.slice(BOM.length);
        expect(refusal(text)).not.toBeNull();
      });
      continue;
    }

    if (different !== undefined) {
      it.skipIf(absent)(`${entry.path}: known difference (${different})`, () => {
        const bytes = readFileSync(file!);
        const events = readSegmentsSync(bytes);
        const ours = ourRows(events);
        const theirs = oracle(bytes, []);
        expect(theirs.length).toBeGreaterThan(0);
        expect(ours).not.toEqual(theirs);
      });
      continue;
    }

    it.skipIf(absent)(`${entry.path}: same segments as node-x12`, () => {
      const bytes = readFileSync(file!);
      const events = readSegmentsSync(bytes);
      const fatal = events.flatMap((e) => (e.type === 'problem' && e.problem.fatal ? [e.problem.code] : []));
      expect(fatal).toEqual([]);
      const segs = events.flatMap((e) => (e.type === 'segment' ? [e.segment] : []));
      const ours = ourRows(events);
      const theirs = oracle(bytes, segs);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(theirs);
    });
  }
});
