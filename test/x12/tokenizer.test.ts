import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTokenizer, MAX_SEGMENT_LENGTH, type TokenEvent } from '../../lib/x12/tokenizer.ts';
import type { Segment } from '../../lib/x12/segment.ts';
import { mulberry32 as prng } from '../../scripts/lib/mulberry32.ts';

// ---------------------------------------------------------------------------------------------
// helpers

const corpus = (rel: string): Buffer => readFileSync(new URL(`../corpus/${rel}`, import.meta.url));
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

/** What must not depend on chunking: every segment and problem, with its byte offset. */
type Norm =
  | { t: 'S'; id: string; elements: readonly string[]; byteOffset: number; fileIndex: number }
  | { t: 'P'; code: string; byteOffset: number; fatal: boolean; ta105?: string; isa?: readonly string[] };

function norm(e: TokenEvent): Norm {
  if (e.type === 'segment') {
    const s = e.segment;
    return { t: 'S', id: s.id, elements: s.elements, byteOffset: s.byteOffset, fileIndex: s.fileIndex };
  }
  const p = e.problem;
  return { t: 'P', code: p.code, byteOffset: p.byteOffset, fatal: p.fatal, ...(p.ta105 !== undefined ? { ta105: p.ta105 } : {}), ...(p.isa !== undefined ? { isa: p.isa } : {}) };
}

/** Feeds `bytes` cut at the given positions (any order, duplicates and 0/length allowed). */
function tokenizeCut(bytes: Uint8Array, cuts: readonly number[] = []): Norm[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const t = createTokenizer();
  const out: Norm[] = [];
  const emit = (e: TokenEvent): void => {
    out.push(norm(e));
  };
  let prev = 0;
  for (const c of [...points, bytes.length]) {
    t.write(bytes.subarray(prev, c), emit);
    prev = c;
  }
  t.end(emit);
  return out;
}

function raw(bytes: Uint8Array | string): TokenEvent[] {
  const data = typeof bytes === 'string' ? latin1(bytes) : bytes;
  const t = createTokenizer();
  const out: TokenEvent[] = [];
  t.write(data, (e) => out.push(e));
  t.end((e) => out.push(e));
  return out;
}

const segments = (events: readonly TokenEvent[]): Segment[] => events.flatMap((e) => (e.type === 'segment' ? [e.segment] : []));
const problems = (events: readonly TokenEvent[]) => events.flatMap((e) => (e.type === 'problem' ? [e.problem] : []));


interface IsaOptions {
  element?: string;
  repetition?: string;
  component?: string;
  terminator?: string;
  version?: string;
  control?: string;
}

/** A well-formed 106-character ISA (including its terminator) with the given delimiters. */
function isa(o: IsaOptions = {}): string {
  const e = o.element ?? '*';
  const fields = ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SENDER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15), '250115', '1101', o.repetition ?? '^', o.version ?? '00501', o.control ?? '000000001', '0', 'T', o.component ?? ':'];
  const text = fields.join(e) + (o.terminator ?? '~');
  if (text.length !== 106) throw new Error(`test ISA is ${text.length} long`);
  return text;
}

/** A small interchange after that ISA; `sep` goes after every terminator (e.g. "\r\n"). */
function interchange(o: IsaOptions = {}, sep = ''): string {
  const e = o.element ?? '*';
  const c = o.component ?? ':';
  const r = o.repetition ?? '^';
  const t = o.terminator ?? '~';
  const body = [
    ['GS', 'HC', 'SENDER', 'RECEIVER', '20250115', '1101', '1', 'X', '005010X222A1'],
    ['ST', '837', '0001', '005010X222A1'],
    ['BHT', '0019', '00', '0123', '20250115', '1101', 'CH'],
    ['NM1', '41', '2', 'ACME', '', '', '', '', '46', '12345'],
    ['HI', `ABK${c}M5416`, `ABF${c}G8929${r}ABF${c}M5136`],
    ['SE', '5', '0001'],
    ['GE', '1', '1'],
    ['IEA', '1', o.control ?? '000000001'],
  ];
  return isa(o) + sep + body.map((s) => s.join(e) + t + sep).join('');
}

const EXPECTED_BODY = [
  ['GS', 'HC', 'SENDER', 'RECEIVER', '20250115', '1101', '1', 'X', '005010X222A1'],
  ['ST', '837', '0001', '005010X222A1'],
  ['BHT', '0019', '00', '0123', '20250115', '1101', 'CH'],
  ['NM1', '41', '2', 'ACME', '', '', '', '', '46', '12345'],
];

// ---------------------------------------------------------------------------------------------
// chunk-split invariance

const CORPUS_FIXTURES = [
  'stupidedi/005010-X222A1-HC837-pass/commercial-health-insurance.edi', // `~`, no newlines
  'stupidedi/005010-X231A1-FA999-pass/response-to-functional-group-containing-3-837s.edi', // UTF-8 BOM
  'imsweb-x12-parser/837_5010/x12_valid_different_separators.txt', // `~` element, `_` terminator, ISA11 "U"
  'imsweb-x12-parser/837_5010/x12_multiple_isa.txt', // two interchanges
  'imsweb-x12-parser/837_5010/x12_bad_first_line.txt', // corrupt ISA: best-effort elements
  'imsweb-x12-parser/837_5010/x12_no_isa_line.txt', // starts at GS
  'staedi/x12/sample837-original.edi', // newline terminator, indentation
  'imsweb-x12-parser/277_5010/x12_277CA_rejected.txt', // component `|`
];

const crlfFixture = (): Buffer => latin1(corpus(CORPUS_FIXTURES[0]!).toString('latin1').replace(/~/g, '~\r\n'));

const SYNTHETIC: Record<string, string> = {
  'CRLF after ~': interchange({}, '\r\n'),
  'CR after ~': interchange({}, '\r'),
  'newline terminator': interchange({ terminator: '\n' }),
  'CR LF terminator CR before newline': interchange({ terminator: '\n' }).replace(/\n/g, '\r\n'),
  'BOM': `\xef\xbb\xbf${interchange()}`,
  'empty': '',
  'whitespace only': ' \r\n\t',
  'starts with GS': 'GS*HC*A*B*20250115*1101*1*X*005010X222A1~',
  'truncated ISA': isa().slice(0, 60),
  // ISA06 five characters too long: ISA13 and ISA16 of the best-effort split lie past offset 106
  'long ISA06': interchange().replace('SENDER         ', 'SENDER              '),
  'unterminated last segment': interchange().slice(0, -1),
  'garbage after IEA': `${interchange()}\r\nTHIS IS NOT X12`,
  'two interchanges, two delimiter sets': interchange() + '\n' + interchange({ element: '|', repetition: '^', component: '>', terminator: '!', control: '000000002' }),
  'indented': interchange({}, '\n  '),
  'ISA11 U under 00501': interchange({ repetition: 'U' }),
  'non-ASCII': interchange().replace('ACME', 'JOS\xc3\xa9'),
  'ISAAC': interchange().replace('ACME', 'ISAAC'),
};

describe('chunk-split invariance', () => {
  for (const rel of CORPUS_FIXTURES) {
    it(`${rel}: a cut at every one of the first 120 bytes, and at 200 seeded random points`, () => {
      const bytes = corpus(rel);
      const whole = tokenizeCut(bytes);
      expect(whole.length).toBeGreaterThan(0);
      for (let i = 1; i <= Math.min(120, bytes.length - 1); i++) {
        expect(tokenizeCut(bytes, [i]), `cut at ${i}`).toEqual(whole);
      }
      const rnd = prng(0x5eed ^ bytes.length);
      const cuts = Array.from({ length: 200 }, () => Math.floor(rnd() * bytes.length));
      expect(tokenizeCut(bytes, cuts)).toEqual(whole);
      // and a few random chunk-size runs (1..64 bytes)
      for (let run = 0; run < 3; run++) {
        const sizes: number[] = [];
        for (let at = 0; at < bytes.length; at += 1 + Math.floor(rnd() * 64)) sizes.push(at);
        expect(tokenizeCut(bytes, sizes), `run ${run}`).toEqual(whole);
      }
    });
  }

  it('a CRLF-terminated file: a cut at every byte of the first segments (incl. between CR and LF)', () => {
    const bytes = crlfFixture();
    const whole = tokenizeCut(bytes);
    expect(bytes.subarray(106, 108).toString('latin1')).toBe('\r\n');
    for (let i = 1; i < 400; i++) expect(tokenizeCut(bytes, [i]), `cut at ${i}`).toEqual(whole);
    // also every pair of adjacent cuts (1-byte chunk) over the ISA/GS boundary
    for (let i = 100; i < 120; i++) expect(tokenizeCut(bytes, [i, i + 1])).toEqual(whole);
  });

  it('1-byte chunks give the same events for a small file', () => {
    const bytes = corpus(CORPUS_FIXTURES[0]!);
    const all = Array.from({ length: bytes.length }, (_, i) => i);
    expect(tokenizeCut(bytes, all)).toEqual(tokenizeCut(bytes));
    const crlf = crlfFixture();
    expect(tokenizeCut(crlf, Array.from({ length: crlf.length }, (_, i) => i))).toEqual(tokenizeCut(crlf));
  });

  for (const [name, text] of Object.entries(SYNTHETIC)) {
    it(`synthetic "${name}": every single cut and 1-byte chunks`, () => {
      const bytes = latin1(text);
      const whole = tokenizeCut(bytes);
      for (let i = 1; i < bytes.length; i++) expect(tokenizeCut(bytes, [i]), `cut at ${i}`).toEqual(whole);
      expect(tokenizeCut(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(whole);
    });
  }

  it('the verdict on an over-long segment does not depend on whether its terminator was buffered', () => {
    const head = isa() + 'GS*HC~';
    const text = head + 'NTE*' + 'A'.repeat(MAX_SEGMENT_LENGTH + 10) + '~IEA*1*000000001~';
    const bytes = latin1(text);
    const whole = tokenizeCut(bytes);
    const chunked = tokenizeCut(bytes, Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => i * 65536));
    expect(chunked).toEqual(whole);
    expect(whole.at(-1)).toEqual({ t: 'P', code: 'X12_SEGMENT_TOO_LONG', byteOffset: head.length, fatal: true });
  });
});

// ---------------------------------------------------------------------------------------------
// delimiters

describe('delimiters come from the ISA', () => {
  it('* : ^ ~', () => {
    const ev = raw(interchange());
    expect(problems(ev)).toEqual([]);
    const segs = segments(ev);
    expect(segs[0]!.delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
    expect(segs.slice(1, 5).map((s) => s.elements)).toEqual(EXPECTED_BODY);
    expect(segs[5]!.elements).toEqual(['HI', 'ABK:M5416', 'ABF:G8929^ABF:M5136']);
    expect(segs.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'BHT', 'NM1', 'HI', 'SE', 'GE', 'IEA']);
  });

  it('| ^ > ! go to ISA offsets 3, 82, 104 and 105', () => {
    const o = { element: '|', repetition: '^', component: '>', terminator: '!' };
    const header = isa(o);
    expect([header[3], header[82], header[104], header[105]]).toEqual(['|', '^', '>', '!']);
    const segs = segments(raw(interchange(o)));
    expect(segs[0]!.delimiters).toEqual({ element: '|', repetition: '^', component: '>', segment: '!' });
    expect(segs[0]!.elements).toHaveLength(17);
    expect(segs[0]!.elements[11]).toBe('^');
    expect(segs[0]!.elements[16]).toBe('>');
    expect(segs.slice(1, 5).map((s) => s.elements)).toEqual(EXPECTED_BODY);
    expect(segs[5]!.elements).toEqual(['HI', 'ABK>M5416', 'ABF>G8929^ABF>M5136']);
  });

  it('newline as the terminator, with and without CR before it', () => {
    // LF at offset 105; in the second file the segments after the ISA end in CR LF (the CR is
    // not a delimiter of this interchange, so it is dropped)
    const lf = interchange({ terminator: '\n' });
    for (const text of [lf, lf.slice(0, 106) + lf.slice(106).replace(/\n/g, '\r\n')]) {
      const ev = raw(text);
      expect(problems(ev)).toEqual([]);
      const segs = segments(ev);
      expect(segs[0]!.delimiters.segment).toBe('\n');
      expect(segs.slice(1, 5).map((s) => s.elements)).toEqual(EXPECTED_BODY);
      expect(segs.at(-1)!.elements).toEqual(['IEA', '1', '000000001']);
    }
    // CR LF throughout: offset 105 is CR, so CR is the terminator and each LF is skipped
    const crFirst = raw(lf.replace(/\n/g, '\r\n'));
    expect(problems(crFirst)).toEqual([]);
    expect(segments(crFirst)[0]!.delimiters.segment).toBe('\r');
    expect(segments(crFirst).slice(1, 5).map((s) => s.elements)).toEqual(EXPECTED_BODY);
    expect(segments(crFirst).at(-1)!.elements).toEqual(['IEA', '1', '000000001']);
  });

  it('~ followed by CRLF, LF or CR: same segments, byte offsets count the newlines', () => {
    for (const sep of ['\r\n', '\n', '\r']) {
      const text = interchange({}, sep);
      const ev = raw(text);
      expect(problems(ev)).toEqual([]);
      const segs = segments(ev);
      expect(segs.slice(1, 5).map((s) => s.elements)).toEqual(EXPECTED_BODY);
      for (const s of segs) expect(text.slice(s.byteOffset, s.byteOffset + s.id.length)).toBe(s.id);
      expect(segs[1]!.byteOffset).toBe(106 + sep.length);
    }
  });

  it('a file hard-wrapped at 80 columns (CRLF inside segments and inside the ISA) gives the same elements', () => {
    const text = corpus(CORPUS_FIXTURES[0]!).toString('latin1');
    const wrapped = text.replace(/(.{80})/gs, '$1\r\n');
    expect(wrapped.slice(80, 82)).toBe('\r\n');
    const plain = segments(raw(text)).map((s) => s.elements);
    const ev = raw(wrapped);
    expect(problems(ev)).toEqual([]);
    expect(segments(ev).map((s) => s.elements)).toEqual(plain);
    // the same wrapping with LF only
    expect(segments(raw(text.replace(/(.{80})/gs, '$1\n'))).map((s) => s.elements)).toEqual(plain);
  });

  it('two interchanges in one file with different delimiters', () => {
    const second = { element: '|', repetition: '^', component: '>', terminator: '!', control: '000000002' };
    const text = interchange() + '\r\n' + interchange(second);
    const ev = raw(text);
    expect(problems(ev)).toEqual([]);
    const segs = segments(ev);
    const isas = segs.filter((s) => s.id === 'ISA');
    expect(isas.map((s) => s.delimiters)).toEqual([
      { element: '*', component: ':', repetition: '^', segment: '~' },
      { element: '|', component: '>', repetition: '^', segment: '!' },
    ]);
    expect(isas[1]!.byteOffset).toBe(interchange().length + 2);
    const his = segs.filter((s) => s.id === 'HI').map((s) => s.elements);
    expect(his).toEqual([
      ['HI', 'ABK:M5416', 'ABF:G8929^ABF:M5136'],
      ['HI', 'ABK>M5416', 'ABF>G8929^ABF>M5136'],
    ]);
    expect(segs.map((s) => s.fileIndex)).toEqual(segs.map((_, i) => i + 1));
  });

  it('4010 (ISA12 00401): ISA11 is the "U" standards id, not a repetition separator', () => {
    const ev = raw(interchange({ repetition: 'U', version: '00401' }));
    expect(problems(ev)).toEqual([]);
    expect(segments(ev)[0]!.delimiters.repetition).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// framing problems

describe('framing problems', () => {
  it('UTF-8 BOM: reported at 0, skipped, and the following offsets still count its 3 bytes', () => {
    const text = interchange();
    const ev = raw(`\xef\xbb\xbf${text}`);
    expect(problems(ev).map((p) => [p.code, p.byteOffset, p.fatal])).toEqual([['X12_BOM', 0, false]]);
    const segs = segments(ev);
    const plain = segments(raw(text));
    expect(segs.map((s) => s.elements)).toEqual(plain.map((s) => s.elements));
    expect(segs.map((s) => s.byteOffset)).toEqual(plain.map((s) => s.byteOffset + 3));
    expect(segs[0]!.byteOffset).toBe(3);
  });

  it('UTF-8 BOM in a corpus 999: ISA at 3, GS at 109', () => {
    const ev = raw(corpus(CORPUS_FIXTURES[1]!));
    expect(problems(ev).map((p) => p.code)).toEqual(['X12_BOM']);
    expect(segments(ev).slice(0, 2).map((s) => s.byteOffset)).toEqual([3, 109]);
  });

  it('UTF-16LE (with or without BOM) is fatal at 0', () => {
    for (const bytes of [Buffer.from(interchange(), 'utf16le'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(interchange(), 'utf16le')])]) {
      const ev = raw(bytes);
      expect(ev.map(norm)).toEqual([{ t: 'P', code: 'X12_UTF16', byteOffset: 0, fatal: true }]);
    }
  });

  it('empty file and whitespace-only file: X12_EMPTY', () => {
    expect(raw('').map(norm)).toEqual([{ t: 'P', code: 'X12_EMPTY', byteOffset: 0, fatal: true }]);
    expect(raw(' \r\n\t').map(norm)).toEqual([{ t: 'P', code: 'X12_EMPTY', byteOffset: 4, fatal: true }]);
    expect(raw('\xef\xbb\xbf').map((e) => norm(e))).toEqual([
      { t: 'P', code: 'X12_BOM', byteOffset: 0, fatal: false },
      { t: 'P', code: 'X12_EMPTY', byteOffset: 3, fatal: true },
    ]);
  });

  it('a file starting with GS: X12_NOT_ISA at 0 (corpus x12_no_isa_line)', () => {
    expect(raw(corpus('imsweb-x12-parser/837_5010/x12_no_isa_line.txt')).map(norm)).toEqual([{ t: 'P', code: 'X12_NOT_ISA', byteOffset: 0, fatal: true }]);
    expect(raw('\r\n  GS*HC~').map(norm)).toEqual([{ t: 'P', code: 'X12_NOT_ISA', byteOffset: 4, fatal: true }]);
    expect(raw('GS').map(norm)).toEqual([{ t: 'P', code: 'X12_NOT_ISA', byteOffset: 0, fatal: true }]);
  });

  it('a prose header before the ISA: X12_NOT_ISA (stupidedi case/1.edi)', () => {
    expect(raw(corpus('stupidedi/005010-X222-HC837-case/1.edi')).map(norm)).toEqual([{ t: 'P', code: 'X12_NOT_ISA', byteOffset: 0, fatal: true }]);
  });

  it('short ISA (ISA02 is 9 characters): X12_ISA_CORRUPT, TA105 011, ISA13 legible', () => {
    const ev = raw(corpus('imsweb-x12-parser/837_5010/x12_bad_first_line.txt'));
    expect(segments(ev)).toEqual([]);
    const [p] = problems(ev);
    expect(problems(ev)).toHaveLength(1);
    expect(p).toMatchObject({ code: 'X12_ISA_CORRUPT', byteOffset: 0, fatal: true, ta105: '011' });
    expect(p!.isa![0]).toBe('ISA');
    expect(p!.isa![2]).toBe(' '.repeat(9));
    expect(p!.isa![4]).toBe('SECRET    ');
    expect(p!.isa![9]).toBe('030101');
    expect(p!.isa![13]).toBe('000000905');
    expect(p!.isa![16]).toBe(':');
  });

  it('alphanumeric and duplicate delimiters: TA105 026 / 004 / 027', () => {
    const corrupt = (o: IsaOptions) => problems(raw(interchange(o)));
    expect(corrupt({ element: 'Q' })).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '026', fatal: true, byteOffset: 0 }]);
    expect(corrupt({ terminator: 'B' })).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '004', fatal: true }]);
    expect(corrupt({ terminator: ' ' })).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '004', fatal: true }]);
    expect(corrupt({ terminator: '*' })).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '004', fatal: true }]);
    expect(corrupt({ terminator: ':' })).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '004', fatal: true }]);
    expect(corrupt({ component: 'X' })).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '027', fatal: true }]);
    expect(corrupt({ component: '*' })).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '027', fatal: true }]);
    for (const o of [{ element: 'Q' }, { terminator: 'B' }, { component: 'X' }]) expect(segments(raw(interchange(o)))).toEqual([]);
  });

  it('a bad ISA11 under 00501 is TA105 016 but not fatal: the data is read without a repetition separator', () => {
    expect(problems(raw(isa({ repetition: '~' }) + 'IEA*0*000000001~'))).toMatchObject([{ code: 'X12_ISA11_INVALID', ta105: '016', fatal: false }]);
    for (const repetition of ['U', ' ', ':']) {
      const ev = raw(interchange({ repetition }));
      expect(problems(ev)).toMatchObject([{ code: 'X12_ISA11_INVALID', ta105: '016', fatal: false, byteOffset: 0 }]);
      const segs = segments(ev);
      expect(segs[0]!.delimiters.repetition).toBeNull();
      expect(segs.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'BHT', 'NM1', 'HI', 'SE', 'GE', 'IEA']);
    }
    // the imsweb corpus family (ISA11 "U" under 00501)
    const ims = raw(corpus('imsweb-x12-parser/837_5010/x12_valid.txt'));
    expect(problems(ims).map((p) => [p.code, p.ta105, p.byteOffset])).toEqual([['X12_ISA11_INVALID', '016', 0]]);
    expect(segments(ims).at(-1)!.id).toBe('IEA');
  });

  it('an ISA truncated at the end of the file: TA105 023', () => {
    for (const n of [3, 4, 60, 105]) {
      const ev = raw(isa().slice(0, n));
      expect(ev.map(norm)).toMatchObject([{ t: 'P', code: 'X12_ISA_CORRUPT', byteOffset: 0, fatal: true, ta105: '023' }]);
    }
    // a second, truncated interchange after a good one
    const first = interchange();
    const ev = raw(`${first}\n${isa().slice(0, 50)}`);
    expect(problems(ev)).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '023', byteOffset: first.length + 1 }]);
    // "ISA" at the very end of the data, inside an interchange with no IEA
    const noIea = interchange().replace(/IEA\*1\*000000001~$/, '');
    expect(problems(raw(`${noIea}ISA`))).toMatchObject([{ code: 'X12_ISA_CORRUPT', ta105: '023', byteOffset: noIea.length }]);
  });

  it('last segment without terminator: X12_UNTERMINATED_SEGMENT, segment still emitted', () => {
    const text = interchange().slice(0, -1);
    const ev = raw(text);
    const at = text.lastIndexOf('IEA');
    expect(ev.slice(-2).map(norm)).toEqual([
      { t: 'P', code: 'X12_UNTERMINATED_SEGMENT', byteOffset: at, fatal: false },
      { t: 'S', id: 'IEA', elements: ['IEA', '1', '000000001'], byteOffset: at, fileIndex: 9 },
    ]);
  });

  it('garbage after IEA: X12_DATA_AFTER_IEA at its offset, fatal; trailing newlines are fine', () => {
    const text = interchange();
    expect(problems(raw(`${text}\r\n\r\n`))).toEqual([]);
    const ev = raw(`${text}\r\nTHIS IS NOT X12`);
    expect(problems(ev).map((p) => [p.code, p.byteOffset, p.fatal])).toEqual([['X12_DATA_AFTER_IEA', text.length + 2, true]]);
    expect(segments(ev)).toHaveLength(9);
    expect(problems(raw(`${text}X`)).map((p) => [p.code, p.byteOffset])).toEqual([['X12_DATA_AFTER_IEA', text.length]]);
  });

  it('no terminator for more than 1 MiB: X12_SEGMENT_TOO_LONG, fatal, reported while the data arrives', () => {
    const head = isa() + 'GS*HC*A*B~NTE*';
    const t = createTokenizer();
    const events: TokenEvent[] = [];
    const emit = (e: TokenEvent): void => {
      events.push(e);
    };
    t.write(latin1(head), emit);
    const chunk = new Uint8Array(64 * 1024).fill(0x41); // "A" × 64 KiB, never a terminator
    let fed = head.length;
    let fedWhenReported = -1;
    for (let i = 0; i < 64; i++) {
      // 4 MiB in total: the tokenizer must stop long before
      t.write(chunk, emit);
      fed += chunk.length;
      if (fedWhenReported < 0 && problems(events).length > 0) fedWhenReported = fed;
    }
    t.end(emit);
    const segStart = head.length - 'NTE*'.length;
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'X12_SEGMENT_TOO_LONG', byteOffset: segStart, fatal: true })]);
    // reported as soon as the buffered segment passed the limit: at most one chunk later
    expect(fedWhenReported).toBeGreaterThan(segStart + MAX_SEGMENT_LENGTH);
    expect(fedWhenReported).toBeLessThanOrEqual(segStart + MAX_SEGMENT_LENGTH + chunk.length);
    expect(segments(events).map((s) => s.id)).toEqual(['ISA', 'GS']);
  });

  it('a segment of exactly MAX_SEGMENT_LENGTH characters is still read', () => {
    const seg = 'NTE*' + 'A'.repeat(MAX_SEGMENT_LENGTH - 4);
    const ev = raw(isa() + seg + '~IEA*0*000000001~');
    expect(problems(ev)).toEqual([]);
    expect(segments(ev).map((s) => s.id)).toEqual(['ISA', 'NTE', 'IEA']);
  });

  it('non-ASCII bytes (é in UTF-8) pass through as Latin-1 characters; later offsets are byte offsets', () => {
    const text = interchange().replace('ACME', 'JOS\xc3\xa9'); // "JOSé" as UTF-8 bytes
    const bytes = latin1(text);
    const segs = segments(raw(bytes));
    const nm1 = segs.find((s) => s.id === 'NM1')!;
    expect(nm1.elements[3]).toBe('JOS\u00c3\u00a9');
    const hi = segs.find((s) => s.id === 'HI')!;
    expect(hi.byteOffset).toBe(bytes.indexOf('HI*'));
    for (const s of segs) expect(bytes.subarray(s.byteOffset, s.byteOffset + s.id.length).toString('latin1')).toBe(s.id);
    // the same file written by Node as UTF-8 from a JS string
    const utf8 = Buffer.from(interchange().replace('ACME', 'JOSÉ'), 'utf8');
    const se = segments(raw(utf8)).find((s) => s.id === 'SE')!;
    expect(se.byteOffset).toBe(utf8.indexOf('SE*'));
  });

  it('"ISAAC" in a name, or as a segment id, does not start an interchange', () => {
    const ev = raw(interchange().replace('ACME', 'ISAAC'));
    expect(problems(ev)).toEqual([]);
    expect(segments(ev).filter((s) => s.id === 'ISA')).toHaveLength(1);
    expect(segments(ev).find((s) => s.id === 'NM1')!.elements[3]).toBe('ISAAC');
    const asId = raw(interchange().replace('NM1*41', 'ISAAC*41'));
    expect(problems(asId)).toEqual([]);
    expect(segments(asId).map((s) => s.id)).toContain('ISAAC');
    expect(segments(asId).filter((s) => s.id === 'ISA')).toHaveLength(1);
  });

  it('indentation between segments is reported once (X12_INDENTED) and skipped', () => {
    const ev = raw(interchange({}, '\n  '));
    expect(problems(ev).map((p) => [p.code, p.byteOffset, p.fatal])).toEqual([['X12_INDENTED', 107, false]]);
    expect(segments(ev).slice(1, 5).map((s) => s.elements)).toEqual(EXPECTED_BODY);
  });

  it('after a fatal problem the tokenizer ignores further input', () => {
    const t = createTokenizer();
    const events: TokenEvent[] = [];
    t.write(latin1('GS*HC~'), (e) => events.push(e));
    t.end((e) => events.push(e));
    t.write(latin1(interchange()), (e) => events.push(e));
    t.end((e) => events.push(e));
    expect(events.map(norm)).toEqual([{ t: 'P', code: 'X12_NOT_ISA', byteOffset: 0, fatal: true }]);
  });
});
