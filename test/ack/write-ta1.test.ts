import { describe, expect, it } from 'vitest';
import type { Delimiters } from '../../lib/x12/delimiters.ts';
import { ta1Due, writeTa1 } from '../../lib/ack/write-ta1.ts';
import { A2_ISA, context, interchangeResult } from './fixtures.ts';
import { expectGolden, readBackEnvelope } from './golden.ts';

const REJECTED_SENDER = { code: '006', ack: 'R', message: 'invalid interchange sender ID' } as const;

describe('writeTa1', () => {
  it('reproduces the TA1 of brief §1.7 byte for byte', () => {
    // Copied from the brief (interchange 701 answering 000000102 sent 250115 1100); we agree everywhere.
    const brief = [
      'ISA*00*          *00*          *ZZ*RECEIVER01     *ZZ*SUBMITTER01    *250115*1101*^*00501*000000701*0*T*:~',
      'TA1*000000102*250115*1100*R*006~',
      'IEA*0*000000701~',
    ].join('');
    const text = writeTa1(interchangeResult({ ta1: REJECTED_SENDER }), context('2025-01-15T11:01:00Z', 701));
    readBackEnvelope(text);
    expect(text).toBe(brief);
  });

  it('answers a corrupt, truncated ISA with what is legible and zero-filled placeholders', () => {
    // The file ends inside ISA09: no delimiters are known, ISA09 is 5 digits, ISA10/13/15 are absent.
    const isa = 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *25011'.split('*');
    const interchange = interchangeResult({ isa, ta1: { code: '023', ack: 'R', message: 'the file ends inside the ISA' } });
    const text = writeTa1(interchange, context('2025-01-15T11:01:00Z', 702), null);
    readBackEnvelope(text);
    expect(text).toContain('*ZZ*RECEIVER01     *ZZ*SUBMITTER01    *250115*1101*^*00501*000000702*0*P*:~TA1*000000000*000101*0000*R*023~');
    expectGolden('corrupt-isa.ta1', text);
  });

  it("answers in the sender's delimiters (| ^ > !), with line breaks on request", () => {
    const pipes: Delimiters = { element: '|', component: '>', repetition: '^', segment: '!' };
    const interchange = interchangeResult({ isa: [...A2_ISA.slice(0, 16), '>'] });
    const text = writeTa1(interchange, context('2025-01-15T11:01:00Z', 703), pipes, { lineBreaks: true });
    readBackEnvelope(text);
    expect(text).toContain('!\nTA1|000000102|250115|1100|A|000!\nIEA|0|000000703!\n');
    expectGolden('accepted-pipes-linebreaks.ta1', text);
  });

  it('writes the same bytes for the same input, clock and start number', () => {
    const write = (): string => writeTa1(interchangeResult({ ta1: REJECTED_SENDER }), context('2025-01-15T11:01:00Z', 701));
    expect(write()).toBe(write());
  });
});

describe('ta1Due', () => {
  it('is due when ISA14 asks for it or the envelope has an error', () => {
    const noRequest = A2_ISA.map((v, i) => (i === 14 ? '0' : v));
    expect(ta1Due(interchangeResult({}))).toBe(true);
    expect(ta1Due(interchangeResult({ isa: noRequest }))).toBe(false);
    expect(ta1Due(interchangeResult({ isa: noRequest, ta1: REJECTED_SENDER }))).toBe(true);
    expect(ta1Due(interchangeResult({ isa: ['ISA'], ta1: { code: '023', ack: 'R', message: 'truncated' } }))).toBe(true);
  });
});
