import { rule } from '../../../lib/rules/pm/unlisted-procedure.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'unlisted code with a description', claim: { lines: [{ code: '64999', description: 'PULSED RF L4 DRG' }] } },
    { name: 'unlisted code with a description and a side', claim: { lines: [{ code: '64999', modifiers: ['RT'], description: 'PHRENIC NERVE BLOCK' }] } },
    { name: 'a listed code needs no description', claim: { lines: [{ code: '64483', modifiers: ['RT'] }] } },
  ],
  invalid: [
    {
      name: '64999 without a description',
      claim: { lines: [{ code: '64999' }] },
      findings: [{ message: '64999 is an unlisted procedure code but the line has no description of the service in SV101-7', element: 'SV101-7', line: 1, ack: 'A6:454' }],
    },
    {
      name: '64999 with a blank description, second line',
      claim: { lines: [{ code: '99213' }, { code: '64999', modifiers: ['LT'], description: ' ' }] },
      findings: [{ message: '64999', line: 2 }],
    },
  ],
});
