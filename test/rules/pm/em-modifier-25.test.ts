import { rule } from '../../../lib/rules/pm/em-modifier-25.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'E/M with 25 and a TF ESI', claim: { lines: [{ code: '99213', modifiers: ['25'] }, { code: '64483', modifiers: ['LT'] }] } },
    { name: 'E/M alone', claim: { lines: [{ code: '99214' }] } },
    { name: 'E/M with a service that has no global period or E/M edit', claim: { lines: [{ code: '99213' }, { code: '97110', modifiers: ['GP'] }] } },
    { name: 'E/M the day before the procedure', claim: { lines: [{ code: '99204', dos: '20261109' }, { code: '62323', dos: '20261110' }] } },
    { name: 'two E/M codes the same day are not a procedure', claim: { lines: [{ code: '99213' }, { code: '99214' }] } },
    { name: '25 in the second modifier position', claim: { lines: [{ code: '99213', modifiers: ['GC', '25'] }, { code: '20610', modifiers: ['RT'] }] } },
  ],
  invalid: [
    {
      name: 'established visit with a TF ESI (NCCI PTP E/M edit)',
      claim: { lines: [{ code: '99213' }, { code: '64483', modifiers: ['LT'] }] },
      findings: [{ message: 'E/M 99213 (line 1) is billed on 2026-11-10 with 64483 (line 2), which has an NCCI PTP edit against 99213, without modifier 25', element: 'SV101-3', line: 1, ack: 'A7:453' }],
    },
    {
      name: 'new-patient visit with an interlaminar ESI (000 global, no PTP edit)',
      claim: { lines: [{ code: '62323' }, { code: '99204' }] },
      findings: [{ message: 'E/M 99204 (line 2) is billed on 2026-11-10 with 62323 (line 1), a procedure with a 000-day global period', line: 2 }],
    },
    {
      name: 'visit with a facet RFA (010 global)',
      claim: { lines: [{ code: '99214' }, { code: '64635', modifiers: ['RT'] }] },
      findings: [{ message: 'a procedure with a 010-day global period', line: 1 }],
    },
    {
      name: 'another modifier on the E/M: 25 goes in the next position',
      claim: { lines: [{ code: '99213', modifiers: ['GC'] }, { code: '20552' }] },
      findings: [{ message: '20552 (line 2)', element: 'SV101-4', line: 1 }],
    },
    {
      name: '59 on the E/M is not its bypass',
      claim: { lines: [{ code: '99213', modifiers: ['59'] }, { code: '20611', modifiers: ['LT'] }] },
      findings: [{ message: 'E/M 99213 (line 1)', line: 1 }],
    },
  ],
});
