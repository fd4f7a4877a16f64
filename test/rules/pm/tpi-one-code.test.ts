import { rule } from '../../../lib/rules/pm/tpi-one-code.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: '20552 alone', claim: { lines: [{ code: '20552' }] } },
    { name: '20553 alone', claim: { lines: [{ code: '20553' }] } },
    { name: 'the two codes on different dates', claim: { lines: [{ code: '20552', dos: '20261110' }, { code: '20553', dos: '20261111' }] } },
    { name: 'one code repeated (units are pm/mue’s)', claim: { lines: [{ code: '20553' }, { code: '20553' }] } },
  ],
  invalid: [
    {
      name: '20552 and 20553 the same day',
      claim: { lines: [{ code: '20552' }, { code: '20553' }] },
      findings: [{ message: '20553 (line 2) and 20552 (line 1) are both trigger-point injection codes on 2026-11-10: bill one code per session', element: 'SV101-2', line: 2, ack: 'A7:454' }],
    },
    {
      name: '20553 first, with a visit between',
      claim: { lines: [{ code: '20553' }, { code: '99213', modifiers: ['25'] }, { code: '20552' }] },
      findings: [{ message: '20552 (line 3) and 20553 (line 1)', line: 3 }],
    },
  ],
});
