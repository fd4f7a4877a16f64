import { rule } from '../../../lib/rules/pm/prolonged-service.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: '99417 with 99215 (commercial)', claim: { lines: [{ code: '99215' }, { code: '99417', units: 2 }] } },
    { name: '99417 with 99205 (commercial)', claim: { lines: [{ code: '99205' }, { code: '99417' }] } },
    { name: 'G2212 with 99215 to Medicare', claim: { filing: 'MB', lines: [{ code: '99215' }, { code: 'G2212' }] } },
    { name: 'a level-5 visit without prolonged time', claim: { filing: 'MB', lines: [{ code: '99215' }] } },
    { name: 'other add-ons are pm/add-on-primary’s', claim: { lines: [{ code: '64484', modifiers: ['LT'] }] } },
  ],
  invalid: [
    {
      name: '99417 to Medicare',
      claim: { filing: 'MB', lines: [{ code: '99215' }, { code: '99417' }] },
      findings: [{ message: '99417 (line 2) is not payable by Medicare: report G2212', element: 'SV101-2', line: 2, ack: 'A7:454' }],
    },
    {
      name: '99417 without a level-5 visit',
      claim: { lines: [{ code: '99214' }, { code: '99417' }] },
      findings: [{ message: '99417 (line 2) is an add-on code and needs 99205, 99215', line: 2 }],
    },
    {
      name: '99417 to Medicare without its primary: both problems',
      claim: { filing: 'MB', lines: [{ code: '99417' }] },
      findings: [{ message: 'not payable by Medicare: report G2212' }, { message: 'none is billed' }],
    },
    {
      name: '99417 with its primary on another date',
      claim: { lines: [{ code: '99215', dos: '20261109' }, { code: '99417', dos: '20261110' }] },
      findings: [{ message: '99215 (line 1) is on 2026-11-09', line: 2 }],
    },
    {
      name: 'G2212 without 99205/99215',
      claim: { filing: 'MB', lines: [{ code: '99213' }, { code: 'G2212' }] },
      findings: [{ message: 'G2212 (line 2) is an add-on code and needs 99205, 99215 or 99483', line: 2 }],
    },
    {
      name: '99418 to Medicare',
      claim: { filing: 'MB', pos: '21', lines: [{ code: '99233' }, { code: '99418' }] },
      findings: [{ message: '99418 (line 2) is not payable by Medicare: report G0316 (hospital)', line: 2 }],
    },
  ],
});
