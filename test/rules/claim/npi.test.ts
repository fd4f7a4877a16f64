import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/rules/claim/npi.ts';
import { isValidNpi } from '../../../lib/rules/support/npi.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const GOOD = '1558598797';
const BAD = '1234567890';

describe('isValidNpi (x12-837p-999-277ca §3.3 test vectors)', () => {
  it.each(['1234567893', '1558598797', '1619131232'])('accepts %s', (npi) => expect(isValidNpi(npi)).toBe(true));
  it.each([
    ['1234567890', 'wrong check digit'],
    ['1234567894', 'check digit off by one'],
    ['3234567893', 'starts with 3'],
    ['123456789', 'nine digits'],
    ['12345678931', 'eleven digits'],
    ['12345678A3', 'a letter'],
    ['', 'empty'],
  ])('rejects %s (%s)', (npi) => expect(isValidNpi(npi)).toBe(false));
});

/** 2310x claim-level provider loops go after HI, which `hi` lets a test place. */
const afterHi = (...segments: string[]) => ['HI*ABK:M5416', ...segments];

ruleTester(rule, {
  valid: [
    { name: 'valid billing NPI (the CMS worked example)', claim: { lines: [{ code: '64483' }] } },
    { name: 'valid billing and 2310B rendering NPIs', claim: { billingNpi: GOOD, hi: afterHi('NM1*82*1*SMITH*JANE****XX*1619131232'), lines: [{ code: '64483' }] } },
    { name: 'valid 2420A rendering NPI on a line', claim: { lines: [{ code: '64483', extra: [`NM1*82*1*SMITH*JANE****XX*${GOOD}`] }] } },
    { name: 'a referring provider sent without an NPI (NM108/NM109 absent) is not checked', claim: { hi: afterHi('NM1*DN*1*JONES*AMY'), lines: [{ code: '64483' }] } },
  ],
  invalid: [
    {
      name: 'billing provider NPI fails the check digit',
      claim: { billingNpi: BAD, lines: [{ code: '64483' }] },
      findings: [{ message: "NM109 NPI '1234567890' of the billing provider (NM1*85, loop 2010AA) fails the NPI check digit", element: 'NM109', line: null, ack: 'A7:562:85', fix: null }],
    },
    {
      name: 'claim-level rendering provider (2310B)',
      claim: { hi: afterHi(`NM1*82*1*SMITH*JANE****XX*${BAD}`), lines: [{ code: '64483' }] },
      findings: [{ message: 'of the rendering provider (NM1*82, loop 2310B) fails the NPI check digit', line: null, ack: 'A7:562:82' }],
    },
    {
      name: 'line-level rendering provider (2420A) belongs to its line',
      claim: { lines: [{ code: '99213' }, { code: '64483', extra: [`NM1*82*1*SMITH*JANE****XX*${BAD}`] }] },
      findings: [{ message: 'loop 2420A', element: 'NM109', line: 2, ack: 'A7:562:82' }],
    },
    {
      name: 'referring, facility and supervising providers, each with its entity code',
      claim: {
        hi: afterHi(
          `NM1*DN*1*JONES*AMY****XX*${BAD}`,
          'NM1*77*2*SPRINGFIELD ASC*****XX*1234567891',
          'N3*1 SURGERY WAY',
          'N4*SPRINGFIELD*IL*627019999',
          'NM1*DQ*1*BROWN*TOM****XX*1619131233',
        ),
        lines: [{ code: '64483' }],
      },
      findings: [
        { message: 'of the referring provider (NM1*DN, loop 2310A)', ack: 'A7:562:DN' },
        { message: "NPI '1234567891' of the service facility (NM1*77, loop 2310C)", ack: 'A7:562:77' },
        { message: 'of the supervising provider (NM1*DQ, loop 2310D)', ack: 'A7:562:DQ' },
      ],
    },
    {
      name: 'ordering provider on a line (2420E)',
      claim: { lines: [{ code: '64483', extra: [`NM1*DK*1*GREEN*ANN****XX*${BAD}`] }] },
      findings: [{ message: 'of the ordering provider (NM1*DK, loop 2420E)', line: 1, ack: 'A7:562:DK' }],
    },
    {
      name: 'an NPI that is not 10 digits',
      claim: { billingNpi: '123456789', lines: [{ code: '64483' }], allowSnipErrors: true },
      findings: [{ message: "NPI '123456789' of the billing provider (NM1*85, loop 2010AA) is not 10 digits starting with 1 or 2" }],
    },
  ],
});
