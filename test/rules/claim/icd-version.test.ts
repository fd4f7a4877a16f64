import { rule } from '../../../lib/rules/claim/icd-version.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const lines = [{ code: '64483' }];

ruleTester(rule, {
  valid: [
    { name: 'ICD-10 (ABK/ABF) in 2026', claim: { dx: ['M5416', 'M5417'], lines } },
    { name: 'ICD-10 on 2015-10-01, the first ICD-10 day', claim: { dos: '20151001', dx: ['M5416'], lines }, context: { asOf: '2016-01-04' } },
    { name: 'ICD-9 (BK/BF) on 2015-09-30, the last ICD-9 day', claim: { dos: '20150930', hi: ['HI*BK:7242*BF:7213'], lines }, context: { asOf: '2016-01-04' } },
    { name: 'ICD-9 in 2014', claim: { dos: '20140612', hi: ['HI*BK:7245'], lines }, context: { asOf: '2016-01-04' } },
  ],
  invalid: [
    {
      name: 'ICD-9 principal for a 2026 service',
      claim: { hi: ['HI*BK:7245'], lines },
      findings: [{ message: 'HI qualifier BK (ICD-9-CM) is used for a service on 2026-11-10; services on or after 2015-10-01 are coded in ICD-10-CM (ABK/ABF) (code 7245)', element: 'HI01-1', line: null, ack: 'A7:254', fix: null }],
    },
    {
      name: 'ICD-9 on 2015-10-01',
      claim: { dos: '20151001', hi: ['HI*BK:7245'], lines },
      context: { asOf: '2016-01-04' },
      findings: [{ message: 'service on 2015-10-01', ack: 'A7:254' }],
    },
    {
      name: 'ICD-10 for a service on 2015-09-30',
      claim: { dos: '20150930', dx: ['M5416'], lines },
      context: { asOf: '2016-01-04' },
      findings: [{ message: 'HI qualifier ABK (ICD-10-CM) is used for a service on 2015-09-30; services before 2015-10-01 are coded in ICD-9-CM (BK/BF)', ack: 'A7:254' }],
    },
    {
      name: 'ICD-10 principal with an ICD-9 secondary code',
      claim: { hi: ['HI*ABK:M5416*BF:7213'], lines },
      findings: [{ message: 'HI qualifier BF mixes ICD-9-CM (BK/BF) and ICD-10-CM (ABK/ABF) codes on one claim (code 7213)', element: 'HI02-1', ack: 'A7:255' }],
    },
    {
      name: 'ICD-9 principal with an ICD-10 secondary code, before 2015-10-01',
      claim: { dos: '20150601', hi: ['HI*BK:7245*ABF:M5416'], lines },
      context: { asOf: '2016-01-04' },
      findings: [{ message: 'HI qualifier ABF mixes', element: 'HI02-1', ack: 'A7:255' }],
    },
    {
      name: 'lines on both sides of 2015-10-01 with ICD-10 codes',
      claim: { dx: ['M5416'], lines: [{ code: '64483', dos: '20150930' }, { code: '64483', dos: '20151002' }] },
      context: { asOf: '2016-01-04' },
      findings: [{ message: 'service on 2015-09-30', ack: 'A7:254' }],
    },
  ],
});
