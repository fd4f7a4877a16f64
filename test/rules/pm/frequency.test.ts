import { rule } from '../../../lib/rules/pm/frequency.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';
import { session } from '../../ledger/session-fixture.ts';

// The claim under test is on 2026-11-10 (painClaim's default); its own sessions (`current`)
// are written out as sessionsOf would derive them (test/ledger/sessions.test.ts checks that).
const medicare = { filing: 'MB' } as const;
const lumbarEsi = { ...medicare, lines: [{ code: '62323' }] };
const esiNow = session({ family: 'ESI', dos: '2026-11-10', codes: ['62323'], key: '000000001#PCN-0001#1' });
const esi = (...dates: string[]) => dates.map((dos) => session({ family: 'ESI', dos, codes: ['64483'] }));
const fourEarlier = esi('2026-01-05', '2026-03-05', '2026-05-05', '2026-08-05');

const rfa = (dos: string, joints: string[], key = `000000009#RFA-${dos}#1`) => session({ family: 'RFA', dos, codes: ['64635'], joints, key });
const rfaNow = rfa('2026-11-10', ['64635#R'], '000000001#PCN-0001#1');
const rightRfa = { ...medicare, dx: ['M47816'], lines: [{ code: '64635', modifiers: ['RT'] }] };

ruleTester(rule, {
  valid: [
    { name: '4th lumbar ESI in 365 days (Medicare allows 4)', claim: lumbarEsi, context: { current: [esiNow], sessions: fourEarlier.slice(1) } },
    { name: 'the oldest session is 365 days back: outside the rolling window', claim: lumbarEsi, context: { current: [esiNow], sessions: [...esi('2025-11-10'), ...fourEarlier.slice(1)] } },
    { name: 'earlier ESIs in the cervical/thoracic region do not count for lumbar', claim: lumbarEsi, context: { current: [esiNow], sessions: fourEarlier.map((s) => ({ ...s, region: 'CT' as const })) } },
    { name: 'a same-day session of another claim is the same session', claim: lumbarEsi, context: { current: [esiNow], sessions: [...fourEarlier.slice(1), ...esi('2026-11-10')] } },
    { name: 'therapeutic facet sessions do not count against the diagnostic limit', claim: { ...medicare, lines: [{ code: '64493', modifiers: ['KX'] }] }, context: { current: [session({ family: 'FACET_DX', dos: '2026-11-10', codes: ['64493'] })], sessions: fourEarlier.map((s) => ({ ...s, family: 'FACET_TX' as const })) } },
    { name: 'history unknown (no patient key): no count', claim: lumbarEsi, context: { current: [esiNow], sessions: fourEarlier, historyKnown: false } },
    { name: 'commercial: 3rd ESI (guide seed 3 per year)', claim: { lines: [{ code: '62323' }] }, context: { current: [{ ...esiNow, payerGroup: 'COMM-PAYER01' }], sessions: fourEarlier.slice(2) } },
    { name: 'RFA of the same joint 200 days later (Medicare: 182)', claim: rightRfa, context: { current: [rfaNow], sessions: [rfa('2026-04-24', ['64635#R'])] } },
    { name: 'RFA of the other side 30 days later', claim: rightRfa, context: { current: [rfaNow], sessions: [rfa('2026-10-11', ['64635#L'])] } },
    { name: 'a visit is not a counted family', claim: { ...medicare, lines: [{ code: '99213' }] }, context: { current: [session({ family: 'VISIT', dos: '2026-11-10', codes: ['99213'] })], sessions: fourEarlier.map((s) => ({ ...s, family: 'VISIT' as const, region: 'NA' as const })) } },
  ],
  invalid: [
    {
      name: '5th lumbar ESI in 365 days for Medicare',
      claim: lumbarEsi,
      context: { current: [esiNow], sessions: fourEarlier },
      findings: [{ message: '5th lumbar ESI session in 365 days (limit 4 for Medicare): earlier sessions on 2026-01-05, 2026-03-05, 2026-05-05, 2026-08-05', element: 'SV101-2', line: 1, ack: 'A7:732' }],
    },
    {
      name: 'the window is rolling: a session 364 days back still counts',
      claim: lumbarEsi,
      context: { current: [esiNow], sessions: [...esi('2025-11-11'), ...fourEarlier.slice(1)] },
      findings: [{ message: '5th lumbar ESI session in 365 days (limit 4 for Medicare): earlier sessions on 2025-11-11,' }],
    },
    {
      name: 'commercial: 4th ESI (guide seed 3 per year)',
      claim: { lines: [{ code: '62323' }] },
      context: { current: [{ ...esiNow, payerGroup: 'COMM-PAYER01' }], sessions: fourEarlier.slice(1) },
      findings: [{ message: '4th lumbar ESI session in 365 days (limit 3 for commercial payers)', line: 1 }],
    },
    {
      name: 'the claim itself spans two dates: its first session counts for the second',
      claim: { ...medicare, lines: [{ code: '62323' }, { code: '62323', dos: '20261120' }] },
      context: { current: [esiNow, { ...esiNow, dos: '2026-11-20', key: '000000001#PCN-0001#2' }], sessions: fourEarlier.slice(1) },
      findings: [{ message: '5th lumbar ESI session in 365 days (limit 4 for Medicare): earlier sessions on 2026-03-05, 2026-05-05, 2026-08-05, 2026-11-10', line: 2 }],
    },
    {
      name: '3rd diagnostic SI joint session (Medicare allows 2)',
      claim: { ...medicare, dx: ['M533'], lines: [{ code: '27096', modifiers: ['KX'] }] },
      context: { current: [session({ family: 'SIJ_DX', region: 'SI', dos: '2026-11-10', codes: ['27096'] })], sessions: [session({ family: 'SIJ_DX', region: 'SI', dos: '2026-02-01' }), session({ family: 'SIJ_DX', region: 'SI', dos: '2026-06-01' })] },
      findings: [{ message: '3rd diagnostic SI joint session in 365 days (limit 2 for Medicare)', line: 1 }],
    },
    {
      name: '4th trigger point injection session (Medicare allows 3), on the TPI line',
      claim: { ...medicare, dx: ['M7918'], lines: [{ code: '99213', modifiers: ['25'] }, { code: '20553' }] },
      context: { current: [session({ family: 'TPI', dos: '2026-11-10', codes: ['20553'] })], sessions: ['2026-02-01', '2026-05-01', '2026-08-01'].map((dos) => session({ family: 'TPI', dos })) },
      findings: [{ message: '4th trigger point injection session in 365 days (limit 3 for Medicare)', line: 2 }],
    },
    {
      name: '5th diagnostic facet session',
      claim: { ...medicare, dx: ['M47816'], lines: [{ code: '64493', modifiers: ['KX', 'RT'] }] },
      context: { current: [session({ family: 'FACET_DX', dos: '2026-11-10', codes: ['64493'] })], sessions: fourEarlier.map((s) => ({ ...s, family: 'FACET_DX' as const })) },
      findings: [{ message: '5th lumbar diagnostic facet session in 365 days (limit 4 for Medicare)' }],
    },
    {
      name: 'RFA of the same joint 100 days later (Medicare: 182)',
      claim: rightRfa,
      context: { current: [rfaNow], sessions: [rfa('2026-08-02', ['64635#R', '64636#R'])] },
      findings: [{ message: 'lumbar facet RFA of the same joint (64635 side R) 100 days after the one on 2026-08-02 (Medicare: at least 182 days between ablations of a joint)', line: 1, ack: 'A7:732' }],
    },
    {
      name: '3rd lumbar RFA session and a bilateral repeat of a joint',
      claim: { ...rightRfa, lines: [{ code: '64635', modifiers: ['50'] }] },
      context: { current: [rfa('2026-11-10', ['64635#L', '64635#R'], '000000001#PCN-0001#1')], sessions: [rfa('2026-03-01', ['64635#L']), rfa('2026-09-01', ['64635#L'])] },
      findings: [{ message: '3rd lumbar facet RFA session in 365 days (limit 2 for Medicare): earlier sessions on 2026-03-01, 2026-09-01' }, { message: '(64635 side L) 70 days after the one on 2026-09-01' }],
    },
    {
      name: 'commercial: the same joint again within a year',
      claim: { dx: ['M47816'], lines: [{ code: '64635', modifiers: ['RT'] }] },
      context: { current: [rfaNow], sessions: [rfa('2026-01-10', ['64635#R'])] },
      findings: [{ message: '(64635 side R) 304 days after the one on 2026-01-10 (commercial payers: at least 365 days between ablations of a joint)' }],
    },
  ],
});
