import { rule } from '../../../lib/rules/pm/modifier-59-column.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'XS on the column-2 code', claim: { lines: [{ code: '62323' }, { code: '64483', modifiers: ['LT', 'XS'] }] } },
    { name: 'no modifier at all (pm/ncci-ptp’s)', claim: { lines: [{ code: '62323' }, { code: '64483', modifiers: ['LT'] }] } },
    { name: '59 on both codes', claim: { lines: [{ code: '62323', modifiers: ['59'] }, { code: '64483', modifiers: ['LT', '59'] }] } },
    { name: 'XS on a code with no edit partner that day', claim: { lines: [{ code: '64483', modifiers: ['LT', 'XS'] }, { code: '64493', modifiers: ['RT'] }] } },
    { name: 'the pair on different dates', claim: { lines: [{ code: '62323', modifiers: ['59'], dos: '20261110' }, { code: '64483', modifiers: ['LT'], dos: '20261111' }] } },
    {
      name: 'XS on a line that is column 2 of another edit that day',
      claim: { lines: [{ code: '62323' }, { code: '20610', modifiers: ['RT', 'XS'] }, { code: '76942', modifiers: ['XU'] }] },
    },
    { name: 'column 2 is an E/M (its bypass is 25)', claim: { lines: [{ code: '20610', modifiers: ['RT', 'XS'] }, { code: '99213', modifiers: ['25'] }] } },
  ],
  invalid: [
    {
      name: '59 on the interlaminar ESI (column 1) instead of the TF ESI',
      claim: { lines: [{ code: '62323', modifiers: ['59'] }, { code: '64483', modifiers: ['LT'] }] },
      findings: [{ message: '59 is on 62323 (line 1), the column-1 code of the NCCI PTP edit with 64483 (line 2): put it on the column-2 code 64483', element: 'SV101-3', line: 1, ack: 'A7:453' }],
    },
    {
      name: 'XS after a side modifier on column 1',
      claim: { lines: [{ code: '76942' }, { code: '20611', modifiers: ['LT', 'XS'] }] },
      findings: [{ message: 'XS is on 20611 (line 2)', element: 'SV101-4', line: 2 }],
    },
  ],
});
