import { rule } from '../../../lib/rules/code/place-of-service.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const lines = [{ code: '64483' }];

ruleTester(rule, {
  valid: [
    { name: 'office (11)', claim: { lines } },
    { name: 'on-campus outpatient hospital (22) with a line in an ASC (SV105 24)', claim: { pos: '22', lines: [{ code: '99213' }, { code: '64483', pos: '24' }] } },
    { name: 'telehealth at home (10) from its first day, 2022-01-01', claim: { pos: '10', dos: '20220101', lines: [{ code: '99213' }] }, context: { asOf: '2022-02-01' } },
    { name: 'other place of service (99)', claim: { pos: '99', lines } },
  ],
  invalid: [
    {
      name: 'CLM05-1 that is not a CMS code',
      claim: { pos: '98', lines },
      findings: [{ message: "CLM05-1 place of service '98' is not a CMS place-of-service code", element: 'CLM05-1', line: null, ack: 'A7:249', fix: null }],
    },
    {
      name: 'SV105 that is not a CMS code, on the second line',
      claim: { lines: [{ code: '99213' }, { code: '64483', pos: '30' }] },
      findings: [{ message: "SV105 place of service '30' is not a CMS place-of-service code", element: 'SV105', line: 2, ack: 'A7:249' }],
    },
    {
      name: 'POS 10 before it existed (2021)',
      claim: { pos: '10', dos: '20210614', lines: [{ code: '99213' }] },
      context: { asOf: '2021-07-01' },
      findings: [{ message: 'CLM05-1 place of service 10 is not in force until 2022-01-01, and this service is on 2021-06-14', element: 'CLM05-1' }],
    },
    {
      name: 'both the claim and a line',
      claim: { pos: '1', lines: [{ code: '64483', pos: 'OF' }] },
      findings: [{ message: "CLM05-1 place of service '1' is not", line: null }, { message: "SV105 place of service 'OF' is not", line: 1 }],
    },
  ],
});
