/**
 * A small hand-written TR3 map in the shape of lib/model/tr3.ts, for walker tests that must not
 * depend on the full 837P map:
 *
 *   ST  ST R1, BHT R1
 *     1000A  NM1*41 R1, PER R2                      R 1
 *     2000A  HL*20 R1, PRV S1                       R >1
 *       2010AA NM1*85 R1, N3 R1, N4 R1, REF*EI|SY R1, REF*0B S2   R 1
 *       2010AB NM1*87 R1, N3 R1                     S 1
 *       2300   CLM R1, DTP*431 S1, HI R1            S 2
 *         2400 LX R1, SV1 R1, DTP*472 R1            R 3
 *
 * Every element is AN 1-30 situational, so only structure is judged.
 */
import type { LoopSpec, SegmentSpec, SimpleElementSpec, TransactionSpec, Usage } from '../../lib/model/tr3.ts';

const MANY = Number.POSITIVE_INFINITY;

function seg(id: string, usage: Usage, maxUse: number, qualifier?: readonly string[]): SegmentSpec {
  const elements: SimpleElementSpec[] = Array.from({ length: 9 }, (_, i) => ({
    ref: String(100 + i), name: `${id} element ${i + 1}`, usage: 'S', type: 'AN', min: 1, max: 30,
  }));
  const spec = { id, name: `${id} test segment`, usage, maxUse, elements };
  // HL is qualified by HL03, everything else by its first element.
  return qualifier === undefined ? spec : { ...spec, qualifier: { element: id === 'HL' ? 3 : 1, values: qualifier } };
}

function loop(id: string, usage: Usage, maxRepeat: number, segments: SegmentSpec[], loops: LoopSpec[] = []): LoopSpec {
  return { id, name: `${id} test loop`, usage, maxRepeat, segments, loops };
}

export const MINI_MAP: TransactionSpec = {
  guide: 'MINI',
  st01: '837',
  functionalId: 'HC',
  root: loop('ST', 'R', 1, [seg('ST', 'R', 1), seg('BHT', 'R', 1)], [
    loop('1000A', 'R', 1, [seg('NM1', 'R', 1, ['41']), seg('PER', 'R', 2)]),
    loop('2000A', 'R', MANY, [seg('HL', 'R', 1, ['20']), seg('PRV', 'S', 1)], [
      loop('2010AA', 'R', 1, [seg('NM1', 'R', 1, ['85']), seg('N3', 'R', 1), seg('N4', 'R', 1), seg('REF', 'R', 1, ['EI', 'SY']), seg('REF', 'S', 2, ['0B'])]),
      loop('2010AB', 'S', 1, [seg('NM1', 'R', 1, ['87']), seg('N3', 'R', 1)]),
      loop('2300', 'S', 2, [seg('CLM', 'R', 1), seg('DTP', 'S', 1, ['431']), seg('HI', 'R', 1)], [
        loop('2400', 'R', 3, [seg('LX', 'R', 1), seg('SV1', 'R', 1), seg('DTP', 'R', 1, ['472'])]),
      ]),
    ]),
  ]),
};
