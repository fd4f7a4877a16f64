import { describe, expect, it } from 'vitest';
import { compileMap, createLoopWalker, type Finding } from '../../lib/model/loop-walker.ts';
import { MINI_MAP } from '../helpers/mini-map.ts';
import { snippet, summary, validate } from '../helpers/x12-snippet.ts';

/** Set positions (ST = 1) are in the comments; SE is 15. */
const BASE = [
  'ST*837*0001*MINI', // 1
  'BHT*0019', // 2
  'NM1*41*2*SUBMITTER', // 3
  'PER*IC*JANE', // 4
  'HL*1**20', // 5
  'NM1*85*2*BILLING', // 6
  'N3*1 MAIN STREET', // 7
  'N4*SPRINGFIELD*IL*62701', // 8
  'REF*EI*123456789', // 9
  'CLM*PCN-1*100', // 10
  'HI*ABK:J069', // 11
  'LX*1', // 12
  'SV1*HC:99213*100', // 13
  'DTP*472*D8*20250110', // 14
];

type Edit = (lines: string[]) => string[];

const insertAfter = (n: number, ...add: string[]): Edit => (l) => [...l.slice(0, n), ...add, ...l.slice(n)];
const drop = (from: number, to = from): Edit => (l) => [...l.slice(0, from - 1), ...l.slice(to)];
const swap = (a: number, b: number): Edit => (l) => l.map((s, i) => (i === a - 1 ? l[b - 1]! : i === b - 1 ? l[a - 1]! : s));
const LINE = ['LX*2', 'SV1*HC:99213*100', 'DTP*472*D8*20250110'];

function run(edit: Edit = (l) => l) {
  const lines = edit(BASE);
  return validate(`${lines.join('~')}~SE*${lines.length + 1}*0001~`, MINI_MAP);
}

describe('loop walker (hand-written map)', () => {
  it('places a clean set without errors and assembles its claim', () => {
    const r = run();
    expect(summary(r)).toEqual([]);
    expect(r.claims).toBe(1);
    expect(r.serviceLines).toBe(1);
    expect(r.claimList[0]?.segments.map((s) => `${s.id}/${s.loopPath}`)).toEqual(['CLM/2000A/2300', 'HI/2000A/2300']);
  });

  it.each<[string, Edit, string[]]>([
    // IK304 1: an id that no loop of the map uses; the walker stays where it was.
    ['unrecognized id', insertAfter(7, 'ZZZ*1'), ['ZZZ@8 2010AA 1']],
    ['unrecognized id does not disturb what follows', insertAfter(12, 'XX'), ['XX@13 2400 1']],
    // IK304 2: a known id (or qualifier) that fits nothing reachable.
    ['known id, unknown qualifier', insertAfter(7, 'NM1*99*2'), ['NM1@8 2010AA 2']],
    ['service line segment before LX', insertAfter(11, 'SV1*HC:99213*100'), ['SV1@12 2300 2']],
    ['HL with a level code the map lacks', insertAfter(14, 'HL*2*1*22'), ['HL@15 2400 2']],
    // IK304 7: fits an earlier position of an open loop iteration.
    ['N4 before N3 (the late N3 is out of place)', swap(7, 8), ['N3@8 2010AA 7']],
    ['REF before N4 (only N4 is reported, not N4 missing)', swap(8, 9), ['N4@9 2010AA 7']],
    ['claim segment after the lines started', insertAfter(14, 'HI*ABK:R509'), ['HI@15 2300 7']],
    ['an earlier child loop again', insertAfter(14, 'NM1*85*2*AGAIN'), ['NM1@15 2010AA 7']],
    // IK304 3: required segment absent, reported where its absence was seen.
    ['missing N3 (seen at N4)', drop(7), ['N3@7 2010AA 3']],
    ['missing REF at the end of 2010AA (seen at CLM)', drop(9), ['REF@9 2010AA 3']],
    ['missing DTP*472 at the end of the set (seen at SE)', drop(14), ['DTP@14 2400 3']],
    ['missing HI (seen at LX)', drop(11), ['HI@11 2300 3']],
    ['missing PER in 1000A (seen at HL)', drop(4), ['PER@4 1000A 3']],
    ['missing BHT (seen at NM1)', drop(2), ['BHT@2 - 3']],
    // IK304 3 for a loop: its first segment, with the loop id.
    ['missing 2010AA (seen at CLM)', drop(6, 9), ['NM1@6 2010AA 3']],
    ['missing 2400 (seen at SE)', drop(12, 14), ['LX@12 2400 3']],
    ['missing 1000A (seen at HL)', drop(3, 4), ['NM1@3 1000A 3']],
    ['missing 2000A (seen at SE)', drop(5, 14), ['HL@5 2000A 3']],
    // IK304 5: a segment used beyond its maximum in one iteration.
    ['PER three times (max 2)', insertAfter(4, 'PER*IC*A', 'PER*IC*B'), ['PER@6 1000A 5']],
    ['BHT twice: header segments have no loop id', insertAfter(2, 'BHT*0019'), ['BHT@3 - 5']],
    ['REF*EI twice', insertAfter(9, 'REF*SY*123456789'), ['REF@10 2010AA 5']],
    // IK304 4: a loop iterating beyond its maximum under one parent.
    ['fourth service line (max 3)', insertAfter(14, ...LINE, ...LINE.map((s) => s.replace('LX*2', 'LX*3')), ...LINE.map((s) => s.replace('LX*2', 'LX*4'))), ['LX@21 2400 4']],
    ['2010AA twice (max 1)', insertAfter(9, 'NM1*85*2*AGAIN', 'N3*X', 'N4*X', 'REF*EI*1'), ['NM1@10 2010AA 4']],
  ])('%s', (_name, edit, expected) => {
    expect(summary(run(edit))).toEqual(expected);
  });

  it.each<[string, Edit]>([
    ['qualifiers choose among same-id positions (REF*0B after REF*EI, NM1*87 loop)', insertAfter(9, 'REF*0B*LIC1', 'REF*0B*LIC2', 'NM1*87*2', 'N3*PO BOX 1')],
    ['DTP*431 is the claim date, DTP*472 the line date', insertAfter(10, 'DTP*431*D8*20250101')],
    ['a loop repeats up to its maximum', insertAfter(14, ...LINE)],
    ['a new iteration of an outer loop closes the inner ones', insertAfter(14, 'HL*2**20', 'NM1*85*2*OTHER', 'N3*X', 'N4*X', 'REF*EI*1')],
    ['optional segments and loops may be absent', (l) => l],
  ])('clean: %s', (_name, edit) => {
    expect(summary(run(edit))).toEqual([]);
  });

  it('gives each error its position, byte offset and message', () => {
    const r = run(swap(7, 8));
    const [e] = r.errors;
    expect(e).toMatchObject({ segmentId: 'N3', setIndex: 8, loopId: '2010AA', code: '7', rule: 'x12/structure', claimId: null, line: null });
    expect(e?.message).toBe('N3 (N3 test segment) in loop 2010AA (2010AA test loop) is not in position: it belongs before N4');
    expect(e?.byteOffset).toBeGreaterThan(0);
  });

  it('reports the closing of each loop iteration where it happened', () => {
    const { body, endIndex } = snippet(`${BASE.join('~')}~SE*15*0001~`);
    const closed: string[] = [];
    const missing: Finding[] = [];
    const walker = createLoopWalker(compileMap(MINI_MAP), {
      missing: (f) => missing.push(f),
      closed: (loop, at) => closed.push(`${loop.id}@${at.setIndex}`),
    });
    for (const s of body) walker.place(s);
    walker.end(endIndex);
    expect(missing).toEqual([]);
    expect(closed).toEqual(['1000A@5', '2010AA@10', '2400@15', '2300@15', '2000A@15', 'ST@15']);
  });

  it('compiles a map once', () => {
    expect(compileMap(MINI_MAP)).toBe(compileMap(MINI_MAP));
  });
});
