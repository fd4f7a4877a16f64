import { rule } from '../../../lib/rules/pm/bilateral.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'bilateral TF ESI with 50 alone', claim: { lines: [{ code: '64483', modifiers: ['50'] }] } },
    { name: 'add-on with 50 (CMS convention 64484-50 x 1)', claim: { lines: [{ code: '64483', modifiers: ['50'] }, { code: '64484', modifiers: ['50'] }] } },
    { name: 'two lines with LT and RT instead of 50', claim: { lines: [{ code: '64493', modifiers: ['LT'] }, { code: '64493', modifiers: ['RT'] }] } },
    { name: 'interlaminar ESI without 50', claim: { lines: [{ code: '62323' }] } },
    { name: 'code with unknown bilateral indicator (64495) is not judged', claim: { lines: [{ code: '64495', modifiers: ['50'] }] } },
    { name: 'code not in the procedure table is not judged', claim: { lines: [{ code: '99999', modifiers: ['50'] }] } },
  ],
  invalid: [
    {
      name: '50 with RT on one line',
      claim: { lines: [{ code: '64483', modifiers: ['50', 'RT'] }] },
      findings: [{ message: '64483 has modifier 50 (bilateral) together with RT on one line', element: 'SV101-3', line: 1, ack: 'A7:453' }],
    },
    {
      name: '50 after LT (second modifier position)',
      claim: { lines: [{ code: '27096', modifiers: ['LT', '50'] }] },
      findings: [{ message: 'together with LT', element: 'SV101-4', line: 1 }],
    },
    {
      name: '50 on the midline interlaminar ESI 62323 (indicator 0)',
      claim: { lines: [{ code: '62323', modifiers: ['50'] }] },
      findings: [{ message: '62323 does not take modifier 50 (MPFS bilateral indicator 0', element: 'SV101-3', line: 1, ack: 'A7:453' }],
    },
    {
      name: '50 on trigger-point injection 20552 on the second line',
      claim: { lines: [{ code: '99213', modifiers: ['25'] }, { code: '20552', modifiers: ['50'] }] },
      findings: [{ message: '20552 does not take modifier 50', line: 2 }],
    },
    {
      name: '50 on the guidance code 77003',
      claim: { lines: [{ code: '64483', modifiers: ['50'] }, { code: '77003', modifiers: ['50'] }] },
      findings: [{ message: '77003 does not take modifier 50', line: 2 }],
    },
    {
      name: '50 with LT on a code that cannot be bilateral: both problems',
      claim: { lines: [{ code: '62321', modifiers: ['50', 'LT'] }] },
      findings: [{ message: 'together with LT' }, { message: 'does not take modifier 50' }],
    },
  ],
});
