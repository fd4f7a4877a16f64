import { rule } from '../../../lib/rules/pm/laterality.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'TF ESI with RT', claim: { lines: [{ code: '64483', modifiers: ['RT'] }] } },
    { name: 'TF ESI with LT', claim: { lines: [{ code: '64483', modifiers: ['LT'] }] } },
    { name: 'facet injection with 50', claim: { lines: [{ code: '64493', modifiers: ['50'] }, { code: '64494', modifiers: ['50'] }] } },
    { name: 'side after another modifier', claim: { lines: [{ code: '20610', modifiers: ['XS', 'RT'] }] } },
    { name: 'midline interlaminar ESI needs no side', claim: { lines: [{ code: '62323' }] } },
    { name: 'trigger points need no side', claim: { lines: [{ code: '20553' }] } },
    { name: 'E/M needs no side', claim: { lines: [{ code: '99213' }] } },
    { name: 'line without a date of service is left to the SNIP layer', claim: { lines: [{ code: '64483', dos: '2026111' }], allowSnipErrors: true } },
  ],
  invalid: [
    {
      name: 'TF ESI without a side ("bilateral without 50/LT/RT")',
      claim: { lines: [{ code: '64483' }] },
      findings: [{ message: /^64483 \(.*\) is done on one side or both but has neither LT, RT nor 50/, element: 'SV101-3', line: 1, ack: 'A7:453', fix: null }],
    },
    {
      name: 'SI joint injection with only a distinct-service modifier',
      claim: { lines: [{ code: '99214', modifiers: ['25'] }, { code: '27096', modifiers: ['XS'] }] },
      findings: [{ message: '27096', line: 2 }],
    },
    {
      name: 'RFA primary with a side but its add-on without',
      claim: { lines: [{ code: '64635', modifiers: ['RT'] }, { code: '64636' }] },
      findings: [{ message: '64636', line: 2 }],
    },
    {
      name: 'knee injection and genicular block, both without a side',
      claim: { lines: [{ code: '20611' }, { code: '64454' }] },
      findings: [{ line: 1 }, { line: 2 }],
    },
  ],
});
