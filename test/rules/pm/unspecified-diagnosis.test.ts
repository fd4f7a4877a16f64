import { rule } from '../../../lib/rules/pm/unspecified-diagnosis.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'ESI with a specific primary diagnosis', claim: { dx: ['M5416', 'R52'], lines: [{ code: '64483', modifiers: ['RT'] }] } },
    { name: 'unspecified pain as secondary pointer only', claim: { dx: ['R52', 'M47816'], lines: [{ code: '64493', modifiers: ['RT'], pointers: [2, 1] }] } },
    { name: 'E/M visit for unspecified pain is not interventional', claim: { dx: ['R52'], lines: [{ code: '99203' }] } },
    { name: 'physical therapy for dorsalgia is not interventional', claim: { dx: ['M549'], lines: [{ code: '97110', modifiers: ['GP'] }] } },
  ],
  invalid: [
    {
      name: 'ESI whose primary diagnosis is R52',
      claim: { dx: ['R52', 'M5416'], lines: [{ code: '62323', pointers: [1, 2] }] },
      findings: [{ message: '62323 (ESI) has the unspecified diagnosis R52 as its primary diagnosis', element: 'HI01-2', line: 1, ack: 'A7:255' }],
    },
    {
      name: 'trigger points pointed first at dorsalgia, unspecified (HI02)',
      claim: { dx: ['M7918', 'M549'], lines: [{ code: '20552', pointers: [2, 1] }] },
      findings: [{ message: 'unspecified diagnosis M54.9', element: 'HI02-2', line: 1 }],
    },
    {
      name: 'sympathetic block and nerve block on one claim, both primary unspecified',
      claim: { dx: ['M5410'], lines: [{ code: '64520', modifiers: ['LT'] }, { code: '64450', modifiers: ['LT'] }] },
      findings: [{ message: '64520 (SYMP)', line: 1 }, { message: '64450 (NERVE)', line: 2 }],
    },
  ],
});
