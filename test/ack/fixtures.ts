import type { ElementError, GroupResult, InterchangeResult, SegmentError, SetResult } from '../../lib/x12/results.ts';
import { fixedClock } from '../../lib/ack/clock.ts';
import { counterControlNumbers } from '../../lib/ack/control-numbers.ts';
import type { AckContext } from '../../lib/ack/envelope-writer.ts';

/** The ISA of brief Appendix A.2 as the tokenizer gives it: index 0 = "ISA", padding kept, ISA16 = ':'. */
export const A2_ISA: readonly string[] = 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *250115*1100*^*00501*000000102*1*T*:'.split('*');

/** The GS of Appendix A.2 (index 0 = "GS", like the ISA and every Segment). */
export const A2_GS: readonly string[] = ['GS', 'HC', 'SUBMITTER01', 'RECEIVER01', '20250115', '1100', '102', 'X', '005010X222A1'];

/** §4.5: clock 2025-01-15T11:05Z, interchange 501, group 501, set 1. */
export function context(at = '2025-01-15T11:05:00Z', interchange = 501, group = 501, set = 1): AckContext {
  return { clock: fixedClock(at), controlNumbers: counterControlNumbers({ interchange, group, set }) };
}

export function elementError(e: Partial<ElementError> & Pick<ElementError, 'element' | 'code'>): ElementError {
  return { message: 'test element error', ...e };
}

export function segmentError(e: Partial<SegmentError> & Pick<SegmentError, 'segmentId' | 'setIndex' | 'code'>): SegmentError {
  return {
    loopId: null,
    claimId: null,
    line: null,
    elementErrors: [],
    message: 'test segment error',
    rule: 'x12/structure',
    byteOffset: null,
    fileIndex: null,
    ...e,
  };
}

export function setResult(s: Partial<SetResult> & Pick<SetResult, 'st02'>): SetResult {
  return {
    st01: '837',
    st03: '005010X222A1',
    setErrors: [],
    segmentErrors: [],
    ack: 'A',
    messages: [],
    byteOffset: null,
    fileIndex: null,
    ...s,
  };
}

export function groupResult(g: Partial<GroupResult> & Pick<GroupResult, 'sets'>): GroupResult {
  return {
    gs: A2_GS,
    declaredSets: g.sets.length,
    groupErrors: [],
    messages: [],
    ack: 'A',
    byteOffset: null,
    fileIndex: null,
    ...g,
  };
}

export function interchangeResult(i: Partial<InterchangeResult>): InterchangeResult {
  return {
    isa: A2_ISA,
    ta1: { code: '000', ack: 'A', message: 'interchange envelope accepted' },
    groups: [],
    byteOffset: 0,
    ...i,
  };
}

/** The validation result of Appendix A.2: CLM02 "15O.00" has a letter O; line 1 lacks its DTP*472. */
export function appendixA2(): InterchangeResult {
  const set = setResult({
    st02: '0001',
    ack: 'R',
    setErrors: ['5'],
    segmentErrors: [
      segmentError({
        segmentId: 'CLM',
        setIndex: 18,
        loopId: '2300',
        code: '8',
        claimId: 'PCN-0003',
        rule: 'x12/syntax',
        elementErrors: [elementError({ element: 2, dataElementRef: '782', code: '6', value: '15O.00' })],
      }),
      // Brief §4.4 rule 3: a missing segment is reported where its absence was seen (the next LX).
      segmentError({ segmentId: 'DTP', setIndex: 22, loopId: '2400', code: '3', claimId: 'PCN-0003', line: 1 }),
    ],
  });
  return interchangeResult({ groups: [groupResult({ sets: [set], ack: 'R' })] });
}
