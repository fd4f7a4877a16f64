import { rule } from '../../../lib/rules/pm/diagnosis-support.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'TF ESI for lumbar radiculopathy', claim: { dx: ['M5416'], lines: [{ code: '64483', modifiers: ['RT'] }] } },
    { name: 'ESI pointed at axial pain and at radiculopathy: one supporting diagnosis is enough', claim: { dx: ['M5450', 'M5117'], lines: [{ code: '62323', pointers: [1, 2] }] } },
    { name: 'ESI for stenosis with neurogenic claudication', claim: { dx: ['M48062'], lines: [{ code: '62323' }] } },
    { name: 'ESI for postoperative pain (exempt from the dx list)', claim: { dx: ['G8918'], lines: [{ code: '62323' }] } },
    { name: 'facet injection for lumbar spondylosis', claim: { dx: ['M47816'], lines: [{ code: '64493', modifiers: ['50'] }] } },
    { name: 'SI joint injection for sacroiliitis', claim: { dx: ['M461'], lines: [{ code: '27096', modifiers: ['RT'] }] } },
    { name: 'trigger points for myofascial pain', claim: { dx: ['M7918'], lines: [{ code: '20553' }] } },
    { name: 'E/M has no support entry', claim: { dx: ['M5450'], lines: [{ code: '99213' }] } },
    { name: 'joint injection family has no support entry', claim: { dx: ['M170'], lines: [{ code: '20610', modifiers: ['RT'] }] } },
    { name: 'decimal point sent in HI still matches the group', claim: { dx: ['M54.16'], lines: [{ code: '64483', modifiers: ['RT'] }] } },
  ],
  invalid: [
    {
      name: 'interlaminar ESI pointed only at axial low back pain',
      claim: { dx: ['M5450'], lines: [{ code: '62323' }] },
      findings: [{ message: /^62323 \(ESI\) points only at M54\.50 \(does not support ESI on its own\), none in the diagnosis groups that support it \(M54\.1, /, element: 'SV107', line: 1, ack: 'A8:255' }],
    },
    {
      name: 'TF ESI pointed at low back pain and cervicalgia',
      claim: { dx: ['M5459', 'M542'], lines: [{ code: '64483', modifiers: ['LT'], pointers: [1, 2] }] },
      findings: [{ message: 'points only at M54.59 (does not support ESI on its own), M54.2 (does not support ESI on its own)' }],
    },
    {
      name: 'facet injection pointed only at radiculopathy; the ESI line is fine',
      claim: { dx: ['M5416', 'M47816'], lines: [{ code: '64483', modifiers: ['RT'] }, { code: '64493', modifiers: ['RT'], dos: '20261201' }] },
      findings: [{ message: '64493 (FACET) points only at M54.16 (does not support FACET on its own)', line: 2 }],
    },
    {
      name: 'spinal cord stimulator trial for axial low back pain',
      claim: { dx: ['M5459'], lines: [{ code: '63650' }] },
      findings: [{ message: '63650 (SCS) points only at M54.59,' }],
    },
  ],
});
