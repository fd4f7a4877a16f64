import { describe, expect, it } from 'vitest';
import type { Delimiters } from '../../lib/x12/delimiters.ts';
import { write999 } from '../../lib/ack/write-999.ts';
import type { InterchangeResult } from '../../lib/x12/results.ts';
import { A2_GS, A2_ISA, appendixA2, context, elementError, groupResult, interchangeResult, segmentError, setResult } from './fixtures.ts';
import { compareGolden, expectGolden, readBackEnvelope } from './golden.ts';

const PIPES: Delimiters = { element: '|', component: '>', repetition: '^', segment: '!' };

/** Writes, checks the envelope arithmetic by reading the output back, and returns the text. */
function written(interchange: InterchangeResult, delimiters?: Delimiters, lineBreaks = false): string {
  const text = write999(interchange, context(), delimiters, { lineBreaks });
  expect(text).not.toBeNull();
  readBackEnvelope(text!);
  return text!;
}

describe('write999', () => {
  it('reproduces the 999 of brief §4.5 byte for byte from the Appendix A.2 result', () => {
    // Copied from the brief; our output agrees with it everywhere, and §4.2 confirms each choice
    // (CTX*CLM01 after both IK3s, IK303 loop ids, IK5*R*5, AK9*R*1*1*0, SE01 = 11 with ST and SE).
    const brief = [
      'ISA*00*          *00*          *ZZ*RECEIVER01     *ZZ*SUBMITTER01    *250115*1105*^*00501*000000501*0*T*:~',
      'GS*FA*RECEIVER01*SUBMITTER01*20250115*1105*501*X*005010X231A1~',
      'ST*999*0001*005010X231A1~',
      'AK1*HC*102*005010X222A1~',
      'AK2*837*0001*005010X222A1~',
      'IK3*CLM*18*2300*8~',
      'CTX*CLM01:PCN-0003~',
      'IK4*2*782*6*15O.00~',
      'IK3*DTP*22*2400*3~',
      'CTX*CLM01:PCN-0003~',
      'IK5*R*5~',
      'AK9*R*1*1*0~',
      'SE*11*0001~',
      'GE*1*501~',
      'IEA*1*000000501~',
    ].join('');
    expect(written(appendixA2())).toBe(brief);
  });

  it('writes the same bytes for the same input, clock and start numbers', () => {
    expect(write999(appendixA2(), context())).toBe(write999(appendixA2(), context()));
  });

  it('returns null when the interchange has no group to acknowledge', () => {
    expect(write999(interchangeResult({ groups: [] }), context())).toBeNull();
  });

  it('acknowledges an all-good group with IK5*A and AK9*A*n*n*n (brief §6 "999 always rejecting")', () => {
    const text = written(interchangeResult({ groups: [groupResult({ sets: [setResult({ st02: '0001' }), setResult({ st02: '0002' })] })] }));
    expect(text).toContain('AK2*837*0002*005010X222A1~IK5*A~AK9*A*2*2*2~');
    expectGolden('accepted.999', text);
  });

  it('acknowledges a partially accepted group (AK901 P) set by set', () => {
    const rejected = setResult({
      st02: '0002',
      ack: 'R',
      setErrors: ['5'],
      segmentErrors: [
        segmentError({
          segmentId: 'NM1',
          setIndex: 9,
          loopId: '2010AA',
          code: '8',
          elementErrors: [elementError({ element: 9, dataElementRef: '67', code: 'I12', value: '123456789X' })],
        }),
      ],
    });
    const text = written(interchangeResult({ groups: [groupResult({ sets: [setResult({ st02: '0001' }), rejected], ack: 'P' })] }));
    expect(text).toContain('IK3*NM1*9*2010AA*8~IK4*9*67*I12*123456789X~IK5*R*5~AK9*P*2*2*1~');
    expectGolden('partial.999', text);
  });

  it('reports a group in an unsupported guide with AK905 2 and each set with IK5*R*I6', () => {
    const guide = '005010X223A2';
    const group = groupResult({
      gs: A2_GS.map((v, i) => (i === 8 ? guide : v)),
      sets: [setResult({ st02: '0001', st03: guide, ack: 'R', setErrors: ['I6'] })],
      groupErrors: ['2'],
      ack: 'R',
    });
    const text = written(interchangeResult({ groups: [group] }));
    expect(text).toContain(`AK1*HC*102*${guide}~AK2*837*0001*${guide}~IK5*R*I6~AK9*R*1*1*0*2~`);
    expectGolden('wrong-guide.999', text);
  });

  it('writes the situational-trigger CTX before the CLM01 CTX (X231A1 loop 2100 order)', () => {
    // A replacement claim (CLM05-3 = 7) needs the payer claim control number REF*F8; it is missing.
    const set = setResult({
      st02: '0001',
      ack: 'R',
      setErrors: ['I5'],
      segmentErrors: [
        segmentError({
          segmentId: 'REF',
          setIndex: 20,
          loopId: '2300',
          code: 'I6',
          claimId: 'PCN-0007',
          trigger: { segmentId: 'CLM', setIndex: 18, loopId: '2300', element: 5, component: 3, dataElementRef: '1325' },
        }),
      ],
    });
    const text = written(interchangeResult({ groups: [groupResult({ sets: [set], ack: 'R' })] }));
    expect(text).toContain('IK3*REF*20*2300*I6~CTX*SITUATIONAL TRIGGER*CLM*18*2300*5:3*1325~CTX*CLM01:PCN-0007~IK5*R*I5~');
    expectGolden('situational-trigger.999', text);
  });

  it('leaves IK404 out when the bad value holds a delimiter', () => {
    const set = setResult({
      st02: '0001',
      ack: 'R',
      setErrors: ['5'],
      segmentErrors: [
        segmentError({
          segmentId: 'NM1',
          setIndex: 14,
          loopId: '2010BA',
          code: '8',
          // "O^BRIEN": the repetition separator inside a non-repeating element.
          elementErrors: [elementError({ element: 3, dataElementRef: '1035', code: '6', value: 'O^BRIEN' })],
        }),
        segmentError({
          segmentId: 'HI',
          setIndex: 19,
          loopId: '2300',
          code: '8',
          claimId: 'PCN-0009',
          elementErrors: [elementError({ element: 1, component: 2, dataElementRef: '1271', code: '7', value: 'J069X' })],
        }),
      ],
    });
    const text = written(interchangeResult({ groups: [groupResult({ sets: [set], ack: 'R' })] }));
    expect(text).toContain('IK4*3*1035*6~');
    expect(text).toContain('IK4*1:2*1271*7*J069X~');
    expectGolden('ik404-delimiter.999', text);
  });

  it("answers in the sender's delimiters (| ^ > !)", () => {
    const isa = [...A2_ISA.slice(0, 16), '>'];
    const text = written({ ...appendixA2(), isa }, PIPES);
    expect(text).toContain('IK3|CLM|18|2300|8!CTX|CLM01>PCN-0003!');
    expect(text.slice(0, 106)).toBe('ISA|00|          |00|          |ZZ|RECEIVER01     |ZZ|SUBMITTER01    |250115|1105|^|00501|000000501|0|T|>!');
    expectGolden('a2-pipes.999', text);
  });

  it('adds a line break after each terminator on request', () => {
    const text = written(appendixA2(), undefined, true);
    expect(text.split('~\n')).toHaveLength(16);
    expect(text.endsWith('IEA*1*000000501~\n')).toBe(true);
    expectGolden('a2-linebreaks.999', text);
  });

  it('adds no second line break when the terminator is itself a newline', () => {
    const text = written(appendixA2(), { element: '*', component: ':', repetition: '^', segment: '\n' }, true);
    expect(text).not.toContain('\n\n');
    expect(text.split('\n')).toHaveLength(16);
  });

  it('puts groups of other applications in their own GS*FA, numbering groups and sets in order', () => {
    const other = groupResult({ gs: ['GS', 'HC', 'BRANCH02', 'RECEIVER01', '20250115', '1100', '103', 'X', '005010X222A1'], sets: [setResult({ st02: '0001' })] });
    const text = written(interchangeResult({ groups: [groupResult({ sets: [setResult({ st02: '0001' })] }), groupResult({ gs: A2_GS.map((v, i) => (i === 6 ? '104' : v)), sets: [setResult({ st02: '0001' })] }), other] }));
    expect(text).toContain('GS*FA*RECEIVER01*SUBMITTER01*20250115*1105*501*X*005010X231A1~ST*999*0001*');
    expect(text).toContain('SE*6*0002~GE*2*501~GS*FA*RECEIVER01*BRANCH02*20250115*1105*502*X*005010X231A1~ST*999*0003*');
    expect(text).toContain('AK1*HC*104*005010X222A1~');
    expect(text.endsWith('GE*1*502~IEA*2*000000501~')).toBe(true);
    expectGolden('two-applications.999', text);
  });

  it('gives a rejected set without codes the generic IK502 5, and caps IK5 and AK9 at five codes', () => {
    const bare = setResult({ st02: '0001', ack: 'R' });
    const many = setResult({ st02: '0002', ack: 'R', setErrors: ['1', '2', '3', '4', '5', '6'] });
    const group = groupResult({ sets: [bare, many], declaredSets: null, ack: 'R', groupErrors: ['1', '2', '3', '4', '5', '19'] });
    const text = written(interchangeResult({ groups: [group] }));
    expect(text).toContain('AK2*837*0001*005010X222A1~IK5*R*5~');
    expect(text).toContain('IK5*R*1*2*3*4*5~AK9*R*2*2*0*1*2*3*4*5~');
  });

  it('omits an empty AK203 and IK303, writes the root loop "ST" as no loop, and counts a rejected group as accepting none', () => {
    const set = setResult({ st02: '0001', st03: '', ack: 'A', segmentErrors: [segmentError({ segmentId: 'BHT', setIndex: 2, loopId: 'ST', code: '8' }), segmentError({ segmentId: 'ZZZ', setIndex: 3, code: '1' })] });
    const text = written(interchangeResult({ groups: [groupResult({ sets: [set], ack: 'R', groupErrors: ['4'] })] }));
    expect(text).toContain('AK2*837*0001~IK3*BHT*2**8~IK3*ZZZ*3**1~IK5*A~AK9*R*1*1*0*4~');
  });

  it('writes IK401 as element[:component[:repetition]], keeping an empty component before a repetition', () => {
    const errors = [
      elementError({ element: 4, code: '1' }),
      elementError({ element: 2, repetition: 3, code: '12', value: '' }),
      elementError({ element: 1, component: 2, repetition: 1, dataElementRef: '1271', code: '7', value: 'ZZ' }),
    ];
    const set = setResult({ st02: '0001', ack: 'E', segmentErrors: [segmentError({ segmentId: 'HI', setIndex: 19, loopId: '2300', code: '8', elementErrors: errors })] });
    const text = written(interchangeResult({ groups: [groupResult({ sets: [set], ack: 'E' })] }));
    expect(text).toContain('IK3*HI*19*2300*8~IK4*4**1~IK4*2::3**12~IK4*1:2:1*1271*7*ZZ~IK5*E~AK9*E*1*1*1~');
  });

  it('copies ISA15 and writes P when it is unreadable; dates come from the clock in UTC', () => {
    const isa = A2_ISA.map((v, i) => (i === 15 ? '?' : v));
    const text = write999({ ...appendixA2(), isa }, context('2031-12-31T23:59:59.999Z'))!;
    expect(text.slice(0, 106)).toBe('ISA*00*          *00*          *ZZ*RECEIVER01     *ZZ*SUBMITTER01    *311231*2359*^*00501*000000501*0*P*:~');
    expect(text).toContain('GS*FA*RECEIVER01*SUBMITTER01*20311231*2359*501*');
  });

  it('fails the golden comparison when the output differs', () => {
    const text = written(interchangeResult({ groups: [groupResult({ sets: [setResult({ st02: '0001' }), setResult({ st02: '0002' })] })] }));
    expect(() => compareGolden('accepted.999', text.replace('IK5*A', 'IK5*E'))).toThrow();
  });
});
