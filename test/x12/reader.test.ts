import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSegmentBatches, readSegmentsSync, type LocatedSegment, type ReaderEvent } from '../../lib/x12/reader.ts';
import { mulberry32 as prng } from '../../scripts/lib/mulberry32.ts';

const corpus = (rel: string): Buffer => readFileSync(new URL(`../corpus/${rel}`, import.meta.url));

const segs = (events: readonly ReaderEvent[]): LocatedSegment[] => events.flatMap((e) => (e.type === 'segment' ? [e.segment] : []));

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250115*1101*^*00501*000000007*0*T*:~';

const TWO_SETS = [
  ISA,
  'GS*HC*S*R*20250115*1101*55*X*005010X222A1~',
  'ST*837*0001*005010X222A1~',
  'BHT*0019*00*1*20250115*1101*CH~',
  'SE*3*0001~',
  'ST*837*0002*005010X222A1~',
  'BHT*0019*00*2*20250115*1101*CH~',
  'NM1*41*2*ACME*****46*1~',
  'SE*4*0002~',
  'GE*2*55~',
  'GS*HC*S*R*20250115*1101*56*X*005010X222A1~',
  'ST*837*0003*005010X222A1~',
  'SE*2*0003~',
  'GE*1*56~',
  'IEA*2*000000007~',
].join('\n');


async function* chunked(bytes: Uint8Array, seed: number, max: number): AsyncGenerator<Uint8Array> {
  const rnd = prng(seed);
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + Math.floor(rnd() * max);
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

async function collect(source: AsyncIterable<readonly ReaderEvent[]>): Promise<ReaderEvent[]> {
  const out: ReaderEvent[] = [];
  for await (const batch of source) {
    expect(batch.length).toBeGreaterThan(0);
    out.push(...batch);
  }
  return out;
}

describe('readSegmentsSync: envelope location', () => {
  it('setIndex counts from ST = 1 to SE and is null outside a set', () => {
    const s = segs(readSegmentsSync(TWO_SETS));
    expect(s.map((x) => [x.id, x.setIndex])).toEqual([
      ['ISA', null],
      ['GS', null],
      ['ST', 1],
      ['BHT', 2],
      ['SE', 3],
      ['ST', 1],
      ['BHT', 2],
      ['NM1', 3],
      ['SE', 4],
      ['GE', null],
      ['GS', null],
      ['ST', 1],
      ['SE', 2],
      ['GE', null],
      ['IEA', null],
    ]);
  });

  it('attaches isa13 / gs06 / st02 (null outside their envelope)', () => {
    const s = segs(readSegmentsSync(TWO_SETS));
    expect(s.map((x) => [x.id, x.isa13, x.gs06, x.st02])).toEqual([
      ['ISA', '000000007', null, null],
      ['GS', '000000007', '55', null],
      ['ST', '000000007', '55', '0001'],
      ['BHT', '000000007', '55', '0001'],
      ['SE', '000000007', '55', '0001'],
      ['ST', '000000007', '55', '0002'],
      ['BHT', '000000007', '55', '0002'],
      ['NM1', '000000007', '55', '0002'],
      ['SE', '000000007', '55', '0002'],
      ['GE', '000000007', '55', null],
      ['GS', '000000007', '56', null],
      ['ST', '000000007', '56', '0003'],
      ['SE', '000000007', '56', '0003'],
      ['GE', '000000007', '56', null],
      ['IEA', '000000007', null, null],
    ]);
  });

  it('a segment between SE and the next ST has no setIndex; a missing SE does not leak into the next group', () => {
    const text = [ISA, 'GS*HC*S*R*20250115*1101*9*X*005010X222A1~', 'ST*837*0001*005010X222A1~', 'SE*2*0001~', 'NTE*STRAY~', 'ST*837*0002*005010X222A1~', 'BHT*0019~', 'GE*2*9~', 'GS*HC*S*R*20250115*1101*10*X*005010X222A1~', 'GE*0*10~', 'IEA*2*000000007~'].join('');
    const s = segs(readSegmentsSync(text));
    expect(s.map((x) => [x.id, x.setIndex, x.st02, x.gs06])).toEqual([
      ['ISA', null, null, null],
      ['GS', null, null, '9'],
      ['ST', 1, '0001', '9'],
      ['SE', 2, '0001', '9'],
      ['NTE', null, null, '9'],
      ['ST', 1, '0002', '9'],
      ['BHT', 2, '0002', '9'],
      ['GE', null, null, '9'],
      ['GS', null, null, '10'],
      ['GE', null, null, '10'],
      ['IEA', null, null, null],
    ]);
  });

  it('two interchanges: isa13 follows each ISA; problems pass through unchanged', () => {
    const ev = readSegmentsSync(corpus('imsweb-x12-parser/837_5010/x12_multiple_isa.txt'));
    const isas = segs(ev).filter((s) => s.id === 'ISA');
    expect(isas).toHaveLength(2);
    const ieas = segs(ev).filter((s) => s.id === 'IEA');
    expect(ieas.map((s) => s.isa13)).toEqual(isas.map((s) => s.elements[13]));
    expect(ev.filter((e) => e.type === 'problem').map((e) => (e.type === 'problem' ? e.problem.code : ''))).toEqual(['X12_ISA11_INVALID', 'X12_ISA11_INVALID']);
  });

  it('segment positions: fileIndex 1.. over the file, byteOffset points at the id', () => {
    const bytes = corpus('stupidedi/005010-X231A1-FA999-pass/response-to-functional-group-containing-3-837s.edi');
    const s = segs(readSegmentsSync(bytes));
    expect(s.map((x) => x.fileIndex)).toEqual(s.map((_, i) => i + 1));
    for (const x of s) expect(bytes.subarray(x.byteOffset, x.byteOffset + x.id.length).toString('latin1')).toBe(x.id);
  });
});

describe('readSegments (async, chunked) equals readSegmentsSync', () => {
  const files = [
    'stupidedi/005010-X222A1-HC837-pass/commercial-health-insurance.edi',
    'stupidedi/005010-X231A1-FA999-pass/response-to-functional-group-containing-3-837s.edi',
    'imsweb-x12-parser/837_5010/x12_multiple_gs.txt',
    'imsweb-x12-parser/837_5010/x12_bad_first_line.txt',
    'staedi/x12/sample837-original.edi',
    'pyx12/test-files-2012/loop_counting.txt',
  ];
  for (const rel of files) {
    it(rel, async () => {
      const bytes = corpus(rel);
      const sync = readSegmentsSync(bytes);
      for (const [seed, max] of [[1, 1], [2, 7], [3, 100], [4, 4096]] as const) {
        expect(await collect(readSegmentBatches(chunked(bytes, seed, max))), `seed ${seed}`).toEqual(sync);
      }
    });
  }

  it('a string input to readSegmentsSync is read as Latin-1 bytes', () => {
    const text = `${ISA}NM1*IL*1*JOS\xc3\xa9~IEA*0*000000007~`;
    expect(readSegmentsSync(text)).toEqual(readSegmentsSync(Buffer.from(text, 'latin1')));
  });
});
