import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/model/claim.ts';
import { A1, insertAfter, replace, setText, type Edit } from '../helpers/appendix.ts';
import { summary, validate } from '../helpers/x12-snippet.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

describe('837P transaction validator (MAP_837P)', () => {
  it('brief Appendix A.1: no errors, two claims', () => {
    const r = validate(fixture('brief/appendix-a1.837'));
    expect(r.errors).toEqual([]);
    expect(r.claimList.map((c) => [c.id, c.chargeCents, c.lines.map((l) => l.lx)])).toEqual([['PCN-0001', 15000, [1, 2]], ['PCN-0002', 27500, [1, 2]]]);
  });

  it('brief Appendix A.2: exactly the two errors of the §4.5 999', () => {
    const r = validate(fixture('brief/appendix-a2.837'));
    expect(r.errors).toEqual([
      {
        segmentId: 'CLM', setIndex: 18, loopId: '2300', code: '8', claimId: 'PCN-0003', line: null,
        elementErrors: [{ element: 2, dataElementRef: '782', code: '6', value: '15O.00', message: expect.stringContaining("CLM02 (Total Claim Charge Amount) '15O.00' has an invalid character") }],
        message: expect.stringContaining('CLM02'), rule: 'x12/syntax', byteOffset: expect.any(Number), fileIndex: 20,
      },
      {
        segmentId: 'DTP', setIndex: 22, loopId: '2400', code: '3', claimId: 'PCN-0003', line: 1, elementErrors: [],
        message: 'required segment DTP*472 (Date - Service Date) is missing from loop 2400 (Service Line Number)',
        rule: 'x12/structure', byteOffset: expect.any(Number), fileIndex: 24,
      },
    ]);
    expect(r.claims).toBe(1);
    expect(r.serviceLines).toBe(2);
    const claim = r.claimList[0] as Claim;
    expect(claim.errors).toEqual(r.errors);
    expect(claim.chargeCents).toBeNull();
  });

  it('stupidedi commercial-health-insurance.edi (TR3 example 1): no errors', () => {
    const r = validate(fixture('837p/commercial-health-insurance.edi'));
    expect(r.errors).toEqual([]);
    expect(r.claimList.map((c) => [c.id, c.chargeCents, c.lines.length, c.patient === null])).toEqual([['26463774', 10000, 4, false]]);
  });

  it('imsweb x12_segments_out_of_order.txt: the two segments upstream names are out of position, nothing reported missing', () => {
    const r = validate(fixture('837p/x12_segments_out_of_order.txt'));
    const structural = r.errors.filter((e) => e.code !== '8');
    expect(summary({ ...r, errors: structural })).toEqual(['N4@10 2010AA 7', 'N3@15 2010AB 7']);
  });

  it('imsweb x12_segment_errors.txt: N3 missing, REF over its maximum, HI missing', () => {
    const r = validate(fixture('837p/x12_segment_errors.txt'));
    const structural = r.errors.filter((e) => e.code !== '8');
    expect(summary({ ...r, errors: structural })).toEqual(['N3@8 2010AA 3', 'REF@10 2010AA 5', 'HI@20 2300 3']);
  });

  it.each<[string, Edit, string[]]>([
    ['an empty qualifier is reported on the element, the segment keeps its place', replace(8, 'NM1**2*SUNRISE FAMILY PRACTICE*****XX*1234567893'), ['NM1@8 2010AA 8 [1:1]']],
    ['a qualifier that cannot be a code (wrong component separator) likewise', replace(20, 'HI*ABK>J069*ABF>R509'), ['HI@20 2300 8 [1-1:7,1-2:1,2-1:7,2-2:1]']],
    ['a well-formed qualifier of no reachable position is unexpected', replace(8, 'NM1*117*2*SUNRISE FAMILY PRACTICE*****XX*1234567893'), ['NM1@8 2000A 2', 'N3@9 2000A 2', 'N4@10 2000A 2', 'REF@11 2000A 2', 'NM1@12 2010AA 3']],
  ])('qualifiers: %s', (_name, edit, expected) => {
    expect(summary(validate(setText(edit(A1))))).toEqual(expected);
  });

  it('the 51st service line: IK3*LX*pos*2400*4, and the line still counts', () => {
    const lines = Array.from({ length: 49 }, (_, i) => [`LX*${i + 3}`, 'SV1*HC:87880*50*UN*1***1', 'DTP*472*D8*20250110']).flat();
    const r = validate(setText(insertAfter(28, ...lines)(A1)));
    const lx51 = 28 + 48 * 3 + 1;
    expect(summary(r)).toEqual([`LX@${lx51} 2400 4`]);
    expect(r.errors[0]).toMatchObject({ claimId: 'PCN-0001', line: 51, message: expect.stringContaining('more than 50 times') });
    expect(r.claimList[0]?.lines).toHaveLength(51);
  });

  it('returns errors in file order', () => {
    const r = validate(fixture('837p/x12_segments_out_of_order.txt'));
    const positions = r.errors.map((e) => e.setIndex);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.length).toBeGreaterThan(2);
  });

  it('never throws on damaged data (random cuts, swaps, duplicates and junk)', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const junk = ['', 'ZZ*1', 'HL*9*9*99*9', 'CLM', 'NM1*85', 'LX*X', 'SV1*HC:::::::::', 'DTP*472*RD8*2025-', 'HL*1**20*1*1*1*1', 'N4*\xc3\xa9', 'SE*1*1', 'ST*837'];
    for (let round = 0; round < 300; round++) {
      const lines: string[] = [...A1];
      for (let k = 0; k < 1 + random(6); k++) {
        const at = 1 + random(lines.length - 1);
        switch (random(4)) {
          case 0: lines.splice(at, 1); break;
          case 1: lines.splice(at, 0, lines[random(lines.length)]!); break;
          case 2: lines.splice(at, 0, junk[random(junk.length)]!); break;
          default: [lines[at], lines[1]] = [lines[1]!, lines[at]!];
        }
      }
      const r = validate(setText(lines));
      const positions = r.errors.map((e) => e.setIndex);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});
