import { describe, expect, it } from 'vitest';
import { checkElements } from '../../lib/model/element-check.ts';
import { isDate } from '../../lib/x12/dates.ts';
import type { SegmentSpec, SimpleElementSpec } from '../../lib/model/tr3.ts';
import { DEFAULT_DELIMITERS } from '../../lib/x12/delimiters.ts';
import type { Segment } from '../../lib/x12/segment.ts';

function simple(ref: string, name: string, usage: SimpleElementSpec['usage'], type: SimpleElementSpec['type'], min: number, max: number, extra: Partial<SimpleElementSpec> = {}): SimpleElementSpec {
  return { ref, name, usage, type, min, max, ...extra };
}

/** T01 AN 2-5 R, T02 R 1-6, T03 N0 1-3, T04 ID A|B, T05 DT, T06 TM, T07 composite, T08 not used, T09 AN ×2. */
const T: SegmentSpec = {
  id: 'T', name: 'Test', usage: 'R', maxUse: 1,
  elements: [
    simple('67', 'identifier', 'R', 'AN', 2, 5),
    simple('782', 'amount', 'S', 'R', 1, 6),
    simple('554', 'count', 'S', 'N0', 1, 3),
    simple('128', 'code', 'S', 'ID', 1, 1, { codes: ['A', 'B'] }),
    simple('373', 'date', 'S', 'DT', 8, 8),
    simple('337', 'time', 'S', 'TM', 4, 8),
    { ref: 'C003', name: 'procedure', usage: 'S', components: [
      simple('235', 'qualifier', 'R', 'ID', 2, 2, { codes: ['HC', 'ER'] }),
      simple('234', 'procedure code', 'R', 'AN', 1, 5),
      simple('1339', 'modifier', 'S', 'AN', 2, 2),
    ] },
    simple('352', 'not used', 'N', 'AN', 1, 80),
    simple('127', 'repeated id', 'S', 'AN', 1, 10, { repeat: 2 }),
  ],
};

const DTP: SegmentSpec = {
  id: 'DTP', name: 'Date', usage: 'R', maxUse: 1,
  elements: [
    simple('374', 'date qualifier', 'R', 'ID', 3, 3, { codes: ['472'] }),
    simple('1250', 'format qualifier', 'R', 'ID', 2, 3, { codes: ['D8', 'RD8'] }),
    simple('1251', 'service date', 'R', 'AN', 1, 35),
  ],
};

function segment(text: string): Segment {
  const elements = text.split('*');
  return { id: elements[0]!, elements, delimiters: DEFAULT_DELIMITERS, byteOffset: 0, fileIndex: 1 };
}

/** "element[-component]:code" for each error. */
function codes(text: string, spec: SegmentSpec = T): string[] {
  return checkElements(segment(text), spec).map((e) => `${e.element}${e.component === undefined ? '' : `-${e.component}`}:${e.code}`);
}

describe('element checks', () => {
  it.each([
    'T*AB',
    'T*AB*150.5*12*A*20240229*1230*HC:99213:25**X^Y',
    'T*ABCDE*-1234.5*-999',
    'T*AB*.5',
    'T*AB*123456',
    'T*AB*****123456',
    'T*AB*****12345678',
    'T*AB******ER:1',
    'DTP*472*D8*20250110',
    'DTP*472*RD8*20250101-20250105',
    'DTP*472*RD8*20250105-20250105',
  ])('clean: %s', (text) => {
    expect(codes(text, text.startsWith('DTP') ? DTP : T)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['1 required element missing', 'T**1', ['1:1']],
    ['1 required element absent at the end', 'T', ['1:1']],
    ['3 too many elements', 'T*AB*********X', ['10:3']],
    ['3 trailing element separator', 'T*AB*1*', ['3:3']],
    ['I10 not-used element present', 'T*AB*******NOTE', ['8:I10']],
    ['4 too short', 'T*A', ['1:4']],
    ['5 too long', 'T*ABCDEF', ['1:5']],
    ['5 R length counts digits only', 'T*AB*-1234567', ['2:5']],
    ['6 letter O in an amount', 'T*AB*15O.00', ['2:6']],
    ['6 plus sign', 'T*AB*+15', ['2:6']],
    ['6 two decimal points', 'T*AB*1.2.3', ['2:6']],
    ['6 decimal point without a fraction', 'T*AB*150.', ['2:6']],
    ['6 N0 with a decimal point', 'T*AB**1.5', ['3:6']],
    ['6 non-ASCII byte', 'T*CAF\xc3\xa9', ['1:6']],
    ['6 control character', 'T*A\tB', ['1:6']],
    ['7 code not in the list', 'T*AB***C', ['4:7']],
    ['8 not a calendar date', 'T*AB****20230229', ['5:8']],
    ['8 short date', 'T*AB****2024022', ['5:8']],
    ['9 minutes over 59', 'T*AB*****2460', ['6:9']],
    ['9 hours over 23', 'T*AB*****2400', ['6:9']],
    ['9 odd length', 'T*AB*****123', ['6:9']],
    ['9 too long', 'T*AB*****123456789', ['6:9']],
    ['12 too many repetitions', 'T*AB********A^B^C', ['9:12']],
    ['13 too many components', 'T*AB******HC:1:22:X', ['7-4:13']],
    ['1 required component missing', 'T*AB******:99213', ['7-1:1']],
    ['7 component code', 'T*AB******XX:99213', ['7-1:7']],
    ['4 component too short', 'T*AB******HC:99213:2', ['7-3:4']],
    ['8 D8 date not on the calendar', 'DTP*472*D8*20250230', ['3:8']],
    ['8 D8 date with a range', 'DTP*472*D8*20250101-20250102', ['3:8']],
    ['8 RD8 range ending before it starts', 'DTP*472*RD8*20250110-20250105', ['3:8']],
    ['8 RD8 without a range', 'DTP*472*RD8*20250110', ['3:8']],
    ['several errors in one segment', 'T*A*15O.00***20231301', ['1:4', '2:6', '5:8']],
  ])('IK403 %s', (_name, text, expected) => {
    expect(codes(text, text.startsWith('DTP') ? DTP : T)).toEqual(expected);
  });

  it('names the element, quotes the value and carries IK402', () => {
    const [e] = checkElements(segment('T*AB*15O.00'), T);
    expect(e).toEqual({ element: 2, dataElementRef: '782', code: '6', value: '15O.00', message: "T02 (amount) '15O.00' has an invalid character: it must be a decimal number (optional leading '-', digits, at most one '.' followed by digits)" });
  });

  it('says which byte is not ASCII', () => {
    const [e] = checkElements(segment('T*CAF\xc3\xa9'), T);
    expect(e?.message).toBe("T01 (identifier) 'CAF\\xC3\\xA9' has an invalid character: non-ASCII byte 0xC3");
  });

  it('puts the component on component errors and leaves non-numeric composite refs out of IK402', () => {
    const [bad, tooMany] = [checkElements(segment('T*AB******XX:1'), T)[0], checkElements(segment('T*AB******HC:1:22:X'), T)[0]];
    expect(bad).toMatchObject({ element: 7, component: 1, dataElementRef: '235', code: '7', message: "T07-1 (qualifier) 'XX' is not a valid code (allowed: HC, ER)" });
    expect(tooMany?.dataElementRef).toBeUndefined();
  });

  it('returns a shared empty array for a clean segment (no allocation per segment)', () => {
    expect(checkElements(segment('T*AB'), T)).toBe(checkElements(segment('T*CD'), T));
  });

  it.each([
    ['20240229', true], ['20230229', false], ['19000229', false], ['20000229', true],
    ['20250431', false], ['20251231', true], ['20251301', false], ['20250100', false], ['2025011a', false],
  ])('isDate(%s) = %s', (value, expected) => {
    expect(isDate(value)).toBe(expected);
  });
});
