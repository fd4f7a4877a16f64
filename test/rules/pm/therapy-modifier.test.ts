import { rule } from '../../../lib/rules/pm/therapy-modifier.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const medicare = { filing: 'MB' } as const;

ruleTester(rule, {
  valid: [
    { name: 'therapeutic exercise with GP', claim: { ...medicare, lines: [{ code: '97110', modifiers: ['GP'], units: 2 }] } },
    { name: 'manual therapy with GO after KX', claim: { ...medicare, lines: [{ code: '97140', modifiers: ['KX', 'GO'] }] } },
    { name: 'PT evaluation with GN', claim: { ...medicare, lines: [{ code: '97161', modifiers: ['GN'] }] } },
    { name: 'adaptive-behavior code 97153 is in the 97xxx range but no therapy', claim: { ...medicare, lines: [{ code: '97153', units: 4 }] } },
    { name: 'injection is no therapy', claim: { ...medicare, lines: [{ code: '20552' }] } },
  ],
  invalid: [
    {
      name: 'therapeutic exercise without a plan modifier',
      claim: { ...medicare, lines: [{ code: '97110', units: 2 }] },
      findings: [{ message: '97110 is a physical-medicine service without GP, GO or GN', element: 'SV101-3', line: 1, ack: 'A7:453' }],
    },
    {
      name: 'hot packs with only 59, second line',
      claim: { ...medicare, lines: [{ code: '97110', modifiers: ['GP'] }, { code: '97010', modifiers: ['59'] }] },
      findings: [{ message: '97010', line: 2 }],
    },
    {
      name: 'commercial claim: the rule itself still checks (the profile turns it off)',
      claim: { lines: [{ code: '97530' }] },
      findings: [{ message: '97530' }],
    },
  ],
});
