import { describe, expect, it } from 'vitest';
import { MAP_837P } from '../../lib/model/map-837p/index.ts';
import {
  isComposite,
  type CompositeSpec,
  type ElementSpec,
  type LoopSpec,
  type SegmentSpec,
  type SimpleElementSpec,
} from '../../lib/model/tr3.ts';

const root = MAP_837P.root;

function child(parent: LoopSpec, id: string): LoopSpec {
  const found = parent.loops.find((l) => l.id === id);
  if (found === undefined) throw new Error(`no loop ${id} under ${parent.id}`);
  return found;
}

function at(...path: string[]): LoopSpec {
  return path.reduce(child, root);
}

function segment(l: LoopSpec, id: string, qualifierValue?: string): SegmentSpec {
  const found = l.segments.find(
    (s) => s.id === id && (qualifierValue === undefined || s.qualifier?.values.includes(qualifierValue) === true),
  );
  if (found === undefined) throw new Error(`no ${id} ${qualifierValue ?? ''} in ${l.id}`);
  return found;
}

function element(s: SegmentSpec, position: number): ElementSpec {
  const found = s.elements[position - 1];
  if (found === undefined) throw new Error(`${s.id} has no element ${position}`);
  return found;
}

function simple(s: SegmentSpec, position: number): SimpleElementSpec {
  const found = element(s, position);
  if (isComposite(found)) throw new Error(`${s.id}${position} is a composite`);
  return found;
}

function composite(s: SegmentSpec, position: number): CompositeSpec {
  const found = element(s, position);
  if (!isComposite(found)) throw new Error(`${s.id}${position} is not a composite`);
  return found;
}

function component(c: CompositeSpec, position: number): SimpleElementSpec {
  const found = c.components[position - 1];
  if (found === undefined) throw new Error(`${c.ref} has no component ${position}`);
  return found;
}

function allLoops(l: LoopSpec = root): LoopSpec[] {
  return [l, ...l.loops.flatMap((c) => allLoops(c))];
}

function allSimple(s: SegmentSpec): SimpleElementSpec[] {
  return s.elements.flatMap((e) => (isComposite(e) ? [...e.components] : [e]));
}

const loops = allLoops();
const segments = loops.flatMap((l) => l.segments.map((s) => ({ loop: l.id, segment: s })));

function firstSegment(l: LoopSpec): SegmentSpec {
  const first = l.segments[0];
  if (first === undefined) throw new Error(`loop ${l.id} has no segments`);
  return first;
}

/** The values the qualifier element may hold (first component when it is a composite). */
function qualifierElementCodes(s: SegmentSpec): readonly string[] | undefined {
  if (s.qualifier === undefined) return undefined;
  const e = element(s, s.qualifier.element);
  return isComposite(e) ? component(e, 1).codes : e.codes;
}

/** Segments with the same id must be told apart by disjoint values on the same qualifier element. */
function expectDistinguishable(candidates: readonly SegmentSpec[], where: string): void {
  for (const id of new Set(candidates.map((s) => s.id))) {
    const same = candidates.filter((s) => s.id === id);
    if (same.length < 2) continue;
    const positions = new Set(same.map((s) => s.qualifier?.element));
    expect(positions.size, `${where}: ${id} qualifier position`).toBe(1);
    expect(same.every((s) => s.qualifier !== undefined), `${where}: every ${id} has a qualifier`).toBe(true);
    const values = same.flatMap((s) => s.qualifier?.values ?? []);
    expect(new Set(values).size, `${where}: ${id} qualifier values overlap`).toBe(values.length);
  }
}

describe('MAP_837P header', () => {
  it('identifies the guide', () => {
    expect(MAP_837P.guide).toBe('005010X222A1');
    expect(MAP_837P.st01).toBe('837');
    expect(MAP_837P.functionalId).toBe('HC');
  });

  it('has the implicit ST loop with ST, BHT and the top loops', () => {
    expect(root.id).toBe('ST');
    expect(root.segments.map((s) => s.id)).toEqual(['ST', 'BHT']);
    expect(root.loops.map((l) => l.id)).toEqual(['1000A', '1000B', '2000A']);
  });

  it('has the TR3 loop tree', () => {
    expect(at('2000A').loops.map((l) => l.id)).toEqual(['2010AA', '2010AB', '2010AC', '2000B']);
    expect(at('2000A', '2000B').loops.map((l) => l.id)).toEqual(['2010BA', '2010BB', '2300', '2000C']);
    expect(at('2000A', '2000B', '2000C').loops.map((l) => l.id)).toEqual(['2010CA', '2300']);
    const claim = at('2000A', '2000B', '2300');
    expect(claim.loops.map((l) => l.id)).toEqual(['2310A', '2310B', '2310C', '2310D', '2310E', '2310F', '2320', '2400']);
    expect(child(claim, '2320').loops.map((l) => l.id)).toEqual([
      '2330A', '2330B', '2330C', '2330D', '2330E', '2330F', '2330G',
    ]);
    expect(child(claim, '2400').loops.map((l) => l.id)).toEqual([
      '2410', '2420A', '2420B', '2420C', '2420D', '2420E', '2420F', '2420G', '2420H', '2430', '2440',
    ]);
  });
});

describe('MAP_837P invariants', () => {
  it('has unique loop ids, counting the shared 2300 subtree once', () => {
    const countClaimOnce = (l: LoopSpec): LoopSpec[] => [
      l,
      ...l.loops.filter((c) => !(l.id === '2000C' && c.id === '2300')).flatMap(countClaimOnce),
    ];
    const ids = countClaimOnce(root).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of loops) {
      const siblings = l.loops.map((c) => c.id);
      expect(new Set(siblings).size, `children of ${l.id}`).toBe(siblings.length);
    }
  });

  it('tells every loop apart from its siblings and from its parent segments by its first segment', () => {
    for (const l of loops) {
      const triggers = l.loops.map(firstSegment);
      expectDistinguishable(triggers, `child loops of ${l.id}`);
      for (const trigger of triggers) {
        const own = l.segments.filter((s) => s.id === trigger.id);
        expectDistinguishable([...own, trigger], `${l.id} own ${trigger.id} vs child trigger`);
      }
    }
  });

  it('tells same-id sibling segments apart', () => {
    for (const l of loops) expectDistinguishable(l.segments, `loop ${l.id}`);
  });

  it('points each qualifier at an element whose codes include the qualifier values', () => {
    for (const { loop, segment: s } of segments) {
      if (s.qualifier === undefined) continue;
      const codes = qualifierElementCodes(s);
      expect(codes, `${loop} ${s.id} qualifier element has codes`).toBeDefined();
      for (const v of s.qualifier.values) expect(codes, `${loop} ${s.id}`).toContain(v);
    }
  });

  it('keeps code values within the element length and off not-used elements', () => {
    for (const { loop, segment: s } of segments) {
      for (const e of allSimple(s)) {
        if (e.codes === undefined) continue;
        expect(e.usage, `${loop} ${s.id} ${e.ref}`).not.toBe('N');
        expect(e.codes.length, `${loop} ${s.id} ${e.ref}`).toBeGreaterThan(0);
        for (const code of e.codes) {
          expect(code.length, `${loop} ${s.id} ${e.ref} ${code}`).toBeGreaterThanOrEqual(e.min);
          expect(code.length, `${loop} ${s.id} ${e.ref} ${code}`).toBeLessThanOrEqual(e.max);
        }
      }
    }
  });

  it('has composites with components and lengths with min ≤ max', () => {
    for (const { loop, segment: s } of segments) {
      expect(s.elements.length, `${loop} ${s.id}`).toBeGreaterThan(0);
      expect(s.maxUse, `${loop} ${s.id}`).toBeGreaterThanOrEqual(1);
      for (const e of s.elements) {
        if (isComposite(e)) expect(e.components.length, `${loop} ${s.id} ${e.ref}`).toBeGreaterThan(0);
      }
      for (const e of allSimple(s)) {
        expect(e.min, `${loop} ${s.id} ${e.ref}`).toBeGreaterThanOrEqual(1);
        expect(e.min, `${loop} ${s.id} ${e.ref}`).toBeLessThanOrEqual(e.max);
      }
    }
    for (const l of loops) expect(l.maxRepeat, l.id).toBeGreaterThanOrEqual(1);
  });

  it('builds the 2300 subtree identically under 2000B (S) and 2000C (R)', () => {
    const underB = at('2000A', '2000B', '2300');
    const underC = at('2000A', '2000B', '2000C', '2300');
    expect(underB.usage).toBe('S');
    expect(underC.usage).toBe('R');
    expect({ ...underC, usage: underB.usage }).toEqual(underB);
  });
});

describe('MAP_837P spot checks', () => {
  const claim = at('2000A', '2000B', '2300');
  const line = child(claim, '2400');
  const clm = segment(claim, 'CLM');
  const sv1 = segment(line, 'SV1');

  it('CLM01 patient control number AN 1-38', () => {
    expect(simple(clm, 1)).toMatchObject({ ref: '1028', usage: 'R', type: 'AN', min: 1, max: 38 });
  });

  it('CLM02 total charge 782 R 1-18; CLM03/CLM04 not used', () => {
    expect(simple(clm, 2)).toMatchObject({ ref: '782', usage: 'R', type: 'R', min: 1, max: 18 });
    expect(simple(clm, 3).usage).toBe('N');
    expect(simple(clm, 4).usage).toBe('N');
  });

  it('CLM05 composite: place of service, B, frequency 1/7/8', () => {
    const clm05 = composite(clm, 5);
    expect(clm05).toMatchObject({ ref: 'C023', usage: 'R' });
    expect(component(clm05, 1)).toMatchObject({ ref: '1331', type: 'AN', min: 1, max: 2 });
    expect(component(clm05, 1).codes).toBeUndefined();
    expect(component(clm05, 2).codes).toEqual(['B']);
    expect(component(clm05, 3).codes).toEqual(['1', '7', '8']);
  });

  it('SV101 qualifiers, SV102 782, SV103 UN/MJ', () => {
    expect([...(component(composite(sv1, 1), 1).codes ?? [])].sort()).toEqual(['ER', 'HC', 'IV', 'WK']);
    expect(simple(sv1, 2)).toMatchObject({ ref: '782', usage: 'R', type: 'R', min: 1, max: 18 });
    expect([...(simple(sv1, 3).codes ?? [])].sort()).toEqual(['MJ', 'UN']);
  });

  it('SV107 has 4 diagnosis pointer components N0 1-2, the first required', () => {
    const sv107 = composite(sv1, 7);
    expect(sv107.components).toHaveLength(4);
    for (const c of sv107.components) expect(c).toMatchObject({ ref: '1328', type: 'N0', min: 1, max: 2 });
    expect(sv107.components.map((c) => c.usage)).toEqual(['R', 'S', 'S', 'S']);
  });

  it('diagnosis HI has 12 composite elements: ABK/BK then ABF/BF', () => {
    const diagnoses = segment(claim, 'HI', 'ABK');
    expect(diagnoses.usage).toBe('R');
    expect(diagnoses.elements).toHaveLength(12);
    expect(diagnoses.elements.every(isComposite)).toBe(true);
    expect(component(composite(diagnoses, 1), 1).codes).toEqual(['ABK', 'BK']);
    expect(component(composite(diagnoses, 12), 1).codes).toEqual(['ABF', 'BF']);
    expect(component(composite(diagnoses, 2), 2)).toMatchObject({ ref: '1271', type: 'AN', min: 1, max: 30 });
  });

  it('repeats: 2300 100, 2400 50, 2310A 2, 2320 10, 2430 15, 2420F 2, HL levels unbounded', () => {
    expect(claim.maxRepeat).toBe(100);
    expect(line.maxRepeat).toBe(50);
    expect(child(claim, '2310A').maxRepeat).toBe(2);
    expect(child(claim, '2320').maxRepeat).toBe(10);
    expect(child(line, '2430').maxRepeat).toBe(15);
    expect(child(line, '2420F').maxRepeat).toBe(2);
    for (const path of [['2000A'], ['2000A', '2000B'], ['2000A', '2000B', '2000C']]) {
      expect(at(...path).maxRepeat).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('HL03 identifies 2000A/B/C', () => {
    expect(firstSegment(at('2000A')).qualifier).toEqual({ element: 3, values: ['20'] });
    expect(firstSegment(at('2000A', '2000B')).qualifier).toEqual({ element: 3, values: ['22'] });
    expect(firstSegment(at('2000A', '2000B', '2000C')).qualifier).toEqual({ element: 3, values: ['23'] });
  });

  it('2010AA NM1*85 takes NPI (XX) in NM108; REF*EI|SY required', () => {
    const billing = at('2000A', '2010AA');
    const name = firstSegment(billing);
    expect(name.qualifier).toEqual({ element: 1, values: ['85'] });
    expect(simple(name, 8).codes).toEqual(['XX']);
    expect(simple(name, 9)).toMatchObject({ ref: '67', type: 'AN', min: 2, max: 80 });
    expect(segment(billing, 'REF', 'EI')).toMatchObject({ usage: 'R', maxUse: 1 });
  });

  it('2010CA NM108/NM109 are not used', () => {
    const name = firstSegment(at('2000A', '2000B', '2000C', '2010CA'));
    expect(simple(name, 8).usage).toBe('N');
    expect(simple(name, 9).usage).toBe('N');
  });

  it('2310A and 2420F accept DN or P3; 2330 loops are told apart by NM101', () => {
    expect(firstSegment(child(claim, '2310A')).qualifier?.values).toEqual(['DN', 'P3']);
    expect(firstSegment(child(line, '2420F')).qualifier?.values).toEqual(['DN', 'P3']);
    expect(child(claim, '2320').loops.map((l) => firstSegment(l).qualifier?.values)).toEqual([
      ['IL'], ['PR'], ['DN', 'P3'], ['82'], ['77'], ['DQ'], ['85'],
    ]);
  });

  it('2310B and its 2000C copy use PRV02 PXC; 2310C PER is situational', () => {
    for (const c of [claim, at('2000A', '2000B', '2000C', '2300')]) {
      expect(simple(segment(child(c, '2310B'), 'PRV'), 2).codes).toEqual(['PXC']);
      expect(segment(child(c, '2310C'), 'PER').usage).toBe('S');
    }
  });

  it('DTP*472 is required at 2400 with D8/RD8 and DTP03 1251', () => {
    const service = segment(line, 'DTP', '472');
    expect(service).toMatchObject({ usage: 'R', maxUse: 1 });
    expect(simple(service, 2).codes).toEqual(['D8', 'RD8']);
    expect(simple(service, 3)).toMatchObject({ ref: '1251', type: 'AN', min: 1, max: 35 });
    expect(claim.segments.some((s) => s.id === 'DTP' && s.qualifier?.values.includes('472'))).toBe(false);
  });

  it('subscriber and patient relationship codes', () => {
    const subscriberLevel = at('2000A', '2000B');
    expect(simple(segment(subscriberLevel, 'SBR'), 2)).toMatchObject({ usage: 'S', codes: ['18'] });
    expect(simple(segment(subscriberLevel, 'SBR'), 9).codes).toContain('MB');
    expect(simple(segment(subscriberLevel, 'PAT'), 1).usage).toBe('N');
    const patientPat = segment(at('2000A', '2000B', '2000C'), 'PAT');
    expect(patientPat.usage).toBe('R');
    expect(simple(patientPat, 1).codes).toEqual(['01', '19', '20', '21', '39', '40', '53', 'G8']);
  });

  it('1000A PER codes and ST03 required', () => {
    const contact = segment(at('1000A'), 'PER');
    expect(contact).toMatchObject({ usage: 'R', maxUse: 2 });
    expect(simple(contact, 3).codes).toEqual(['ED', 'EM', 'FX', 'TE']);
    expect(simple(contact, 5).codes).toEqual(['ED', 'EM', 'EX', 'FX', 'TE']);
    expect(simple(segment(root, 'ST'), 3).usage).toBe('R');
  });
});
