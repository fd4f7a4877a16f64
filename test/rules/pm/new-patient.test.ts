import { rule } from '../../../lib/rules/pm/new-patient.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';
import { session } from '../../ledger/session-fixture.ts';

// The visit is on 2026-11-10 (painClaim's default date), billed by 1234567893.
const newVisit = { lines: [{ code: '99204' }] };
const visitNow = session({ family: 'VISIT', dos: '2026-11-10', codes: ['99204'], key: '000000001#PCN-0001#1#VISIT' });
const visit = (dos: string) => session({ family: 'VISIT', dos, codes: ['99213'] });

ruleTester(rule, {
  valid: [
    { name: 'no earlier visit with this provider', claim: newVisit, context: { current: [visitNow] } },
    { name: 'the last visit was three years and a day before', claim: newVisit, context: { current: [visitNow], sessions: [visit('2023-11-09')] } },
    { name: 'a service the same day (another claim) is this encounter', claim: newVisit, context: { current: [visitNow], sessions: [visit('2026-11-10')] } },
    { name: 'an established-patient visit after earlier visits', claim: { lines: [{ code: '99213' }] }, context: { current: [{ ...visitNow, codes: ['99213'] }], sessions: [visit('2026-05-01')] } },
    { name: 'history unknown (no patient key)', claim: newVisit, context: { current: [visitNow], sessions: [visit('2026-05-01')], historyKnown: false } },
  ],
  invalid: [
    {
      name: 'a visit with the same billing provider last year',
      claim: newVisit,
      context: { current: [visitNow], sessions: [visit('2025-02-03')] },
      findings: [{ message: 'new-patient visit 99204 on 2026-11-10, but billing provider 1234567893 billed a service for this patient on 2025-02-03, within three years', element: 'SV101-2', line: 1, ack: 'A7:454' }],
    },
    {
      name: 'exactly three years before still counts',
      claim: { filing: 'MB', lines: [{ code: '99205' }] },
      context: { current: [visitNow], sessions: [visit('2023-11-10')] },
      findings: [{ message: 'new-patient visit 99205 on 2026-11-10, but billing provider 1234567893 billed a service for this patient on 2023-11-10' }],
    },
    {
      name: 'the claim itself shows an earlier date with the provider',
      claim: { lines: [{ code: '20552', dos: '20261020' }, { code: '99203' }] },
      context: { current: [visit('2026-10-20'), { ...visitNow, codes: ['99203'] }].map((s, i) => ({ ...s, key: `000000001#PCN-0001#${i + 1}#VISIT` })) },
      findings: [{ message: 'new-patient visit 99203 on 2026-11-10, but billing provider 1234567893 billed a service for this patient on 2026-10-20', line: 2 }],
    },
  ],
});
