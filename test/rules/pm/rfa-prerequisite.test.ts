import { rule } from '../../../lib/rules/pm/rfa-prerequisite.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';
import { session } from '../../ledger/session-fixture.ts';

// The RFA is on 2026-11-10 (painClaim's default date).
const lumbarRfa = { filing: 'MB', dx: ['M47816'], lines: [{ code: '64635', modifiers: ['50'] }, { code: '64636', modifiers: ['50'] }] };
const rfaNow = session({ family: 'RFA', dos: '2026-11-10', codes: ['64635', '64636'], joints: ['64635#L', '64635#R'], key: '000000001#PCN-0001#1' });
const block = (dos: string, region: 'CT' | 'LS' = 'LS') => session({ family: 'FACET_DX', region, dos, codes: ['64493'] });

ruleTester(rule, {
  valid: [
    { name: 'two lumbar diagnostic blocks in the year before', claim: lumbarRfa, context: { current: [rfaNow], sessions: [block('2026-08-01'), block('2026-08-20')] } },
    { name: 'the claim itself carries the second block on an earlier date', claim: { ...lumbarRfa, lines: [{ code: '64493', modifiers: ['50', 'KX'], dos: '20261020' }, { code: '64635', modifiers: ['50'] }] }, context: { current: [block('2026-10-20'), rfaNow], sessions: [block('2026-08-01')] } },
    { name: 'cervical RFA with cervical blocks', claim: { ...lumbarRfa, dx: ['M47812'], lines: [{ code: '64633', modifiers: ['RT'] }] }, context: { current: [{ ...rfaNow, region: 'CT', codes: ['64633'] }], sessions: [block('2026-09-01', 'CT'), block('2026-09-15', 'CT')] } },
    { name: 'history unknown (no patient key)', claim: lumbarRfa, context: { current: [rfaNow], historyKnown: false } },
    { name: 'no RFA on the claim', claim: { filing: 'MB', dx: ['M47816'], lines: [{ code: '64493', modifiers: ['KX'] }] }, context: { current: [block('2026-11-10')] } },
  ],
  invalid: [
    {
      name: 'no diagnostic block in the ledger',
      claim: lumbarRfa,
      context: { current: [rfaNow] },
      findings: [{ message: 'lumbar facet RFA 64635, 64636 on 2026-11-10: the ledger shows no lumbar diagnostic facet (medial branch block) sessions in the year before; 2 are expected before an RFA', element: 'SV101-2', line: 1, ack: 'A7:732' }],
    },
    {
      name: 'one block only',
      claim: lumbarRfa,
      context: { current: [rfaNow], sessions: [block('2026-08-01')] },
      findings: [{ message: 'shows only 1 lumbar diagnostic facet (medial branch block) session in the year before (on 2026-08-01)' }],
    },
    {
      name: 'blocks in the other region do not count',
      claim: lumbarRfa,
      context: { current: [rfaNow], sessions: [block('2026-08-01', 'CT'), block('2026-08-20', 'CT')] },
      findings: [{ message: 'shows no lumbar diagnostic facet' }],
    },
    {
      name: 'blocks more than a year before do not count',
      claim: lumbarRfa,
      context: { current: [rfaNow], sessions: [block('2025-11-09'), block('2026-08-20')] },
      findings: [{ message: 'shows only 1' }],
    },
    {
      name: 'therapeutic facet injections are not diagnostic blocks',
      claim: lumbarRfa,
      context: { current: [rfaNow], sessions: [{ ...block('2026-08-01'), family: 'FACET_TX' }, { ...block('2026-08-20'), family: 'FACET_TX' }] },
      findings: [{ message: 'shows no lumbar diagnostic facet' }],
    },
    {
      name: 'a block on the RFA day does not count: it must come before',
      claim: { ...lumbarRfa, lines: [{ code: '64493', modifiers: ['50', 'KX'] }, { code: '64635', modifiers: ['50'] }] },
      context: { current: [block('2026-11-10'), { ...rfaNow, codes: ['64635'] }], sessions: [block('2026-08-01')] },
      findings: [{ message: 'lumbar facet RFA 64635 on 2026-11-10: the ledger shows only 1', line: 2 }],
    },
  ],
});
