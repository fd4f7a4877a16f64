import { rule } from '../../../lib/rules/pm/diagnostic-kx.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const medicare = { filing: 'MB', dx: ['M47816'] } as const;

ruleTester(rule, {
  valid: [
    { name: 'diagnostic lumbar MBB with KX', claim: { ...medicare, lines: [{ code: '64493', modifiers: ['50', 'KX'] }, { code: '64494', modifiers: ['50', 'KX'] }] } },
    { name: 'cervical MBB with KX', claim: { ...medicare, dx: ['M47812'], lines: [{ code: '64490', modifiers: ['KX', 'RT'] }] } },
    { name: 'RFA needs no KX', claim: { ...medicare, lines: [{ code: '64635', modifiers: ['50'] }] } },
    { name: 'transforaminal ESI: intent cannot be told from the claim', claim: { ...medicare, dx: ['M5416'], lines: [{ code: '64483', modifiers: ['RT'] }] } },
  ],
  invalid: [
    {
      name: 'lumbar facet injection without KX',
      claim: { ...medicare, lines: [{ code: '64493', modifiers: ['RT'] }] },
      findings: [{ message: '64493 has no KX: if this facet injection or medial branch block was diagnostic, Medicare asks for KX', element: 'SV101-3', line: 1, ack: 'A7:453' }],
    },
    {
      name: 'primary with KX, add-on without',
      claim: { ...medicare, dx: ['M47812'], lines: [{ code: '64490', modifiers: ['50', 'KX'] }, { code: '64491', modifiers: ['50'] }] },
      findings: [{ message: '64491', line: 2 }],
    },
  ],
});
