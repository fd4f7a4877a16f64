import { rule } from '../../../lib/rules/pm/session-levels.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const medicare = { filing: 'MB' } as const;
const facet = { filing: 'MB', dx: ['M47816'] } as const;

ruleTester(rule, {
  valid: [
    { name: 'one interlaminar level', claim: { ...medicare, lines: [{ code: '62323' }] } },
    { name: 'bilateral TF at two levels (64483-50, 64484-50): two levels per side', claim: { ...medicare, lines: [{ code: '64483', modifiers: ['50'] }, { code: '64484', modifiers: ['50'] }] } },
    { name: 'TF at two levels on each side on separate lines', claim: { ...medicare, lines: [{ code: '64483', modifiers: ['RT'] }, { code: '64484', modifiers: ['RT'] }, { code: '64483', modifiers: ['LT'] }, { code: '64484', modifiers: ['LT'] }] } },
    { name: 'lumbar and cervical ESI on different dates', claim: { ...medicare, lines: [{ code: '62321', dos: '20261103' }, { code: '62323', dos: '20261110' }] } },
    { name: 'two interlaminar ESIs on different dates', claim: { ...medicare, lines: [{ code: '62323', dos: '20261103' }, { code: '62323', dos: '20261124' }] } },
    { name: 'bilateral facet injections at two levels', claim: { ...facet, lines: [{ code: '64493', modifiers: ['50', 'KX'] }, { code: '64494', modifiers: ['50', 'KX'] }] } },
    { name: 'NGS: T12-L1 + L1-2 facet session (64490-50 + 64494-50) is two levels', claim: { ...facet, lines: [{ code: '64490', modifiers: ['50'] }, { code: '64494', modifiers: ['50'] }] } },
    { name: 'facet RFA levels are not limited by this rule', claim: { ...facet, lines: [{ code: '64635', modifiers: ['RT'] }, { code: '64636', modifiers: ['RT'], units: 2 }] } },
  ],
  invalid: [
    {
      name: 'ESI in two regions on one date (lumbar interlaminar, cervical TF)',
      claim: { ...medicare, lines: [{ code: '62323' }, { code: '64479', modifiers: ['RT'] }] },
      findings: [{ message: 'ESI in two spinal regions on 2026-11-10: 62323 (line 1) is lumbar/sacral and 64479 (line 2) is cervical/thoracic; Medicare allows one region per session', element: 'SV101-2', line: 2, ack: 'A7:454' }],
    },
    {
      name: 'interlaminar ESI with 2 units',
      claim: { ...medicare, lines: [{ code: '62323', units: 2 }] },
      findings: [{ message: '2 interlaminar/caudal epidural levels on 2026-11-10 (at 62323 (line 1)): Medicare allows one per session', element: 'SV104', line: 1, ack: 'A7:476' }],
    },
    {
      name: 'interlaminar ESI on two lines of one date',
      claim: { ...medicare, lines: [{ code: '62323' }, { code: '62323' }] },
      findings: [{ message: '2 interlaminar/caudal epidural levels', line: 2 }],
    },
    {
      name: 'cervical and lumbar interlaminar ESI on one date: a second region and a second level',
      claim: { ...medicare, lines: [{ code: '62321' }, { code: '62323' }] },
      findings: [{ message: 'ESI in two spinal regions', line: 2 }, { message: '2 interlaminar/caudal epidural levels', line: 2 }],
    },
    {
      name: 'three right TF levels (64483-RT + 64484-RT x 2)',
      claim: { ...medicare, lines: [{ code: '64483', modifiers: ['RT'] }, { code: '64484', modifiers: ['RT'], units: 2 }] },
      findings: [{ message: '3 lumbar/sacral transforaminal epidural levels on the right side on 2026-11-10 (at 64484 (line 2)): Medicare allows two per session', element: 'SV104', line: 2, ack: 'A7:476' }],
    },
    {
      name: 'bilateral TF at three levels (64484-50 x 2)',
      claim: { ...medicare, lines: [{ code: '64483', modifiers: ['50'] }, { code: '64484', modifiers: ['50'], units: 2 }] },
      findings: [{ message: '3 lumbar/sacral transforaminal epidural levels on the left side', line: 2 }],
    },
    {
      name: 'cervical TF without sides: three levels counted on both sides',
      claim: { ...medicare, dx: ['M5412'], lines: [{ code: '64479' }, { code: '64480', units: 2 }] },
      findings: [{ message: '3 cervical/thoracic transforaminal epidural levels on the left side', line: 2 }],
    },
    {
      name: 'bilateral facet injections at three levels (64494-50 x 2)',
      claim: { ...facet, lines: [{ code: '64493', modifiers: ['50'] }, { code: '64494', modifiers: ['50'], units: 2 }] },
      findings: [{ message: '3 facet levels on the left side on 2026-11-10 (at 64494 (line 2)): Medicare allows two per session', element: 'SV104', line: 2 }],
    },
    {
      name: 'right facet levels across the thoracolumbar junction: three in one session',
      claim: { ...facet, lines: [{ code: '64490', modifiers: ['RT'] }, { code: '64491', modifiers: ['RT'] }, { code: '64494', modifiers: ['RT'] }] },
      findings: [{ message: '3 facet levels on the right side', line: 3 }],
    },
    {
      name: 'third lumbar facet level 64495 (not covered)',
      claim: { ...facet, lines: [{ code: '64493', modifiers: ['50'] }, { code: '64494', modifiers: ['50'] }, { code: '64495', modifiers: ['50'] }] },
      findings: [{ message: '64495 (line 3) is a third or further facet level, which Medicare facet LCDs do not cover', element: 'SV101-2', line: 3, ack: 'A7:454' }],
    },
    {
      name: 'third cervical facet level 64492',
      claim: { ...facet, dx: ['M47812'], lines: [{ code: '64490', modifiers: ['RT'] }, { code: '64491', modifiers: ['RT'] }, { code: '64492', modifiers: ['RT'] }] },
      findings: [{ message: '64492 (line 3) is a third or further facet level', line: 3 }],
    },
  ],
});
