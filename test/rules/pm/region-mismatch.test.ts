import { rule } from '../../../lib/rules/pm/region-mismatch.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'lumbar ESI for lumbar radiculopathy', claim: { dx: ['M5416'], lines: [{ code: '62323' }] } },
    { name: 'cervical ESI for cervical radiculopathy', claim: { dx: ['M5412'], lines: [{ code: '62321' }] } },
    { name: 'lumbar ESI pointed at cervical and lumbar diagnoses: one matches', claim: { dx: ['M5412', 'M5117'], lines: [{ code: '62323', pointers: [1, 2] }] } },
    { name: 'lumbar ESI pointed at diagnoses without a spinal region', claim: { dx: ['G8929', 'M961'], lines: [{ code: '62323', pointers: [1, 2] }] } },
    { name: 'regionless primary pointer, lumbar secondary', claim: { dx: ['M5416', 'G8929'], lines: [{ code: '62323', pointers: [2, 1] }] } },
    { name: 'non-spinal procedure (SI joint) with a cervical diagnosis', claim: { dx: ['M5412'], lines: [{ code: '27096', modifiers: ['RT'] }] } },
    { name: 'diagnosis not in the table is not judged', claim: { dx: ['M5402'], lines: [{ code: '62323' }] } },
  ],
  invalid: [
    {
      name: 'lumbar 62323 pointed only at cervical radiculopathy',
      claim: { dx: ['M5412'], lines: [{ code: '62323' }] },
      findings: [{ message: '62323 is a lumbar/sacral procedure but its diagnoses name only the cervical/thoracic spine (M54.12): wrong level or wrong code', element: 'SV101-2', line: 1, ack: 'A8:454' }],
    },
    {
      name: 'cervical facet injection for lumbar spondylosis, with a regionless code too',
      claim: { dx: ['M47816', 'G8929'], lines: [{ code: '64490', modifiers: ['RT'], pointers: [1, 2] }] },
      findings: [{ message: '64490 is a cervical/thoracic procedure but its diagnoses name only the lumbar/sacral spine (M47.816)', line: 1 }],
    },
    {
      name: 'second line of the claim: cervical TF ESI for lumbar stenosis',
      claim: { dx: ['M5416', 'M48061'], lines: [{ code: '64483', modifiers: ['RT'] }, { code: '64479', modifiers: ['RT'], pointers: [2] }] },
      findings: [{ message: '64479 is a cervical/thoracic procedure', line: 2 }],
    },
  ],
});
