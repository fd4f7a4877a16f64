import { rule } from '../../../lib/rules/claim/service-date.ts';
import { appendedLine } from '../../helpers/claim-edits.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const sv1 = 'SV1*HC:97110*40*UN*2***1';
/** One clean line 1, then line 2 from `appendedLine` with the given DTP*472 (null: none). */
const withSecondLine = (dtp472: string | null) => ({ lines: [{ code: '97110', extra: appendedLine(2, sv1, dtp472) }] });

ruleTester(rule, {
  valid: [
    { name: 'D8 date in the past', claim: { lines: [{ code: '64483' }] } },
    { name: 'D8 date equal to today (--as-of)', claim: { dos: '20261201', lines: [{ code: '64483' }] }, context: { asOf: '2026-12-01' } },
    { name: 'RD8 range in the past', claim: withSecondLine('DTP*472*RD8*20261101-20261105') },
    { name: 'RD8 range of one day', claim: withSecondLine('DTP*472*RD8*20261105-20261105') },
    { name: 'RD8 ending today', claim: withSecondLine('DTP*472*RD8*20261125-20261201') },
    { name: 'a 2015 date against a 2016 as-of day', claim: { dos: '20150930', hi: ['HI*BK:7245'], lines: [{ code: '64483' }] }, context: { asOf: '2016-01-04' } },
  ],
  invalid: [
    {
      name: 'D8 date tomorrow',
      claim: { dos: '20261202', lines: [{ code: '64483' }] },
      findings: [{ message: 'DTP*472 service date 2026-12-02 is in the future (today is 2026-12-01)', element: 'DTP03', line: 1, ack: 'A7:510', fix: null }],
    },
    {
      name: 'future date against an earlier --as-of',
      claim: { lines: [{ code: '64483' }, { code: '64484', dos: '20261020' }] },
      context: { asOf: '2026-11-01' },
      findings: [{ message: 'service date 2026-11-10 is in the future (today is 2026-11-01)', line: 1 }],
    },
    {
      name: 'RD8 range ending in the future',
      claim: withSecondLine('DTP*472*RD8*20261125-20261203'),
      findings: [{ message: 'service date 2026-12-03 is in the future', line: 2, ack: 'A7:510' }],
    },
    {
      name: 'RD8 range from after to',
      // The SNIP layer also rejects it (999 IK403 8); the 277CA says it in plain words.
      claim: { ...withSecondLine('DTP*472*RD8*20261105-20261101'), allowSnipErrors: true },
      findings: [{ message: 'DTP*472 service date range starts 2026-11-05, after it ends 2026-11-01', element: 'DTP03', line: 2, ack: 'A7:187' }],
    },
    {
      name: 'D8 that is not a calendar date (30 February)',
      claim: { dos: '20260230', lines: [{ code: '64483' }], allowSnipErrors: true },
      findings: [{ message: "DTP*472 service date '20260230' is not a calendar date (CCYYMMDD)", element: 'DTP03', line: 1, ack: 'A7:187' }],
    },
    {
      name: 'RD8 whose end is not a calendar date',
      claim: { ...withSecondLine('DTP*472*RD8*20261101-20261131'), allowSnipErrors: true },
      findings: [{ message: "service date '20261131' is not a calendar date (CCYYMMDD) in the RD8 range '20261101-20261131'", line: 2 }],
    },
    {
      name: 'RD8 that is one date',
      claim: { ...withSecondLine('DTP*472*RD8*20261101'), allowSnipErrors: true },
      findings: [{ message: "RD8 service date range '20261101' is not CCYYMMDD-CCYYMMDD", line: 2 }],
    },
    {
      name: 'no DTP*472 on the line',
      claim: { ...withSecondLine(null), allowSnipErrors: true },
      findings: [{ message: 'The service line has no DTP*472 service date', element: null, line: 2, ack: 'A7:187' }],
    },
  ],
});
