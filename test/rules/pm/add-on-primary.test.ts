import { rule } from '../../../lib/rules/pm/add-on-primary.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'TF ESI add-on with its primary', claim: { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '64484', modifiers: ['LT'] }] } },
    { name: 'add-on before its primary in the claim', claim: { lines: [{ code: '64494', modifiers: ['50'] }, { code: '64493', modifiers: ['50'] }] } },
    { name: 'three facet levels', claim: { lines: [{ code: '64490', modifiers: ['RT'] }, { code: '64491', modifiers: ['RT'] }, { code: '64492', modifiers: ['RT'] }] } },
    { name: 'primary alone', claim: { lines: [{ code: '64635', modifiers: ['LT'] }] } },
    // Prolonged-service add-ons are judged by pm/prolonged-service.
    { name: '99417 alone is pm/prolonged-service’s', claim: { lines: [{ code: '99417' }] } },
  ],
  invalid: [
    {
      name: 'TF ESI add-on without any primary',
      claim: { lines: [{ code: '64484', modifiers: ['RT'] }] },
      findings: [{ message: '64484 (line 1) is an add-on code and needs 64483 on the same date (2026-11-10); none is billed', element: 'SV101-2', line: 1, ack: 'A7:454' }],
    },
    {
      name: 'add-on with its primary on another date',
      claim: { lines: [{ code: '64483', modifiers: ['RT'], dos: '20261110' }, { code: '64484', modifiers: ['RT'], dos: '20261111' }] },
      findings: [{ message: '64484 (line 2) is an add-on code and needs 64483 on the same date (2026-11-11); 64483 (line 1) is on 2026-11-10', line: 2 }],
    },
    {
      name: 'lumbar facet add-on with a cervical primary',
      claim: { lines: [{ code: '64490', modifiers: ['RT'] }, { code: '64494', modifiers: ['RT'] }] },
      findings: [{ message: '64494 (line 2) is an add-on code and needs 64493', line: 2 }],
    },
    {
      name: 'RFA add-on alone',
      claim: { lines: [{ code: '64636', modifiers: ['LT'] }] },
      findings: [{ message: 'needs 64635', line: 1 }],
    },
  ],
});
