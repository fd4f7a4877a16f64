import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/rules/code/diagnosis.ts';
import { painClaim, type ClaimSpec } from '../../helpers/pain-claim.ts';
import { contextFor, ruleTester, runRule, shippedTables } from '../../helpers/rule-tester.ts';

const lines = [{ code: '64483' }];

ruleTester(rule, {
  valid: [
    { name: 'billable codes (M54.16, G89.29)', claim: { dx: ['M5416', 'G8929'], lines } },
    { name: 'the children of M48.06', claim: { dx: ['M48061', 'M48062'], lines } },
    { name: 'a seven-character code (S33.6XXA)', claim: { dx: ['M533', 'S336XXA'], lines } },
    { name: 'M54.5 while it was billable (2021-06-01)', claim: { dos: '20210601', dx: ['M545'], lines }, context: { asOf: '2021-07-01' } },
    { name: 'M48.06 before it became a header (2017-06-01)', claim: { dos: '20170601', dx: ['M4806'], lines }, context: { asOf: '2017-07-01' } },
    { name: 'M51.36 on its last billable day (2024-09-30)', claim: { dos: '20240930', dx: ['M5136'], lines }, context: { asOf: '2024-10-15' } },
    { name: 'ICD-9 qualifiers are left to claim/icd-version', claim: { dos: '20140612', hi: ['HI*BK:7245*BF:M4806'], lines }, context: { asOf: '2016-01-04' } },
  ],
  invalid: [
    {
      name: 'M48.06 header as principal diagnosis',
      claim: { dx: ['M4806'], lines },
      findings: [{ message: 'HI01-2 diagnosis code M48.06 is a header (not billable) since 2017-10-01: use M48.061 or M48.062', element: 'HI01-2', line: null, ack: 'A7:254', fix: null }],
    },
    {
      name: 'M54.5 header as a secondary diagnosis',
      claim: { dx: ['M5416', 'M545'], lines },
      findings: [{ message: 'HI02-2 diagnosis code M54.5 is a header (not billable) since 2021-10-01: use M54.50, M54.51 or M54.59', element: 'HI02-2', ack: 'A7:255' }],
    },
    {
      name: 'M51.36 header since FY2025',
      claim: { dx: ['M5416', 'M5417', 'M5136'], lines },
      findings: [{ message: 'M51.36 is a header (not billable) since 2024-10-01: use M51.360, M51.361, M51.362 or M51.369', element: 'HI03-2', ack: 'A7:255' }],
    },
    {
      name: 'a header two levels above its billable codes (G90.5)',
      claim: { dx: ['G905'], lines },
      findings: [{ message: 'G90.5 is a header (not billable) since 2015-10-01: use G90.50, G90.511, G90.512, G90.513, G90.519, G90.521, G90.522, G90.523, G90.529 or G90.59' }],
    },
    {
      name: 'a billable code before it existed (M51.360 in June 2024)',
      claim: { dos: '20240603', dx: ['M51360'], lines },
      context: { asOf: '2024-07-01' },
      findings: [{ message: 'HI01-2 diagnosis code M51.360 is not in force until 2024-10-01, and this service is on 2024-06-03', ack: 'A7:254' }],
    },
    {
      name: 'decimal point: removed by a safe fix',
      claim: { dx: ['M5416', 'M54.17'], lines },
      findings: [{ message: "HI02-2 diagnosis code 'M54.17' has a decimal point (837P sends ICD-10-CM codes without it): send 'M5417'", element: 'HI02-2', ack: 'A7:255', fix: 'replace' }],
    },
    {
      name: 'lower case: upper-cased by a safe fix',
      claim: { dx: ['m5416'], lines },
      findings: [{ message: "HI01-2 diagnosis code 'm5416' is lower case: send 'M5416'", fix: 'replace' }],
    },
    {
      name: 'a decimal point on a header: the fix alone does not make it billable',
      claim: { dx: ['M48.06'], lines },
      findings: [{ message: "'M48.06' has a decimal point", fix: 'replace' }, { message: 'M48.06 is a header (not billable) since 2017-10-01: use M48.061 or M48.062', fix: null }],
    },
    {
      name: 'an ICD-9 code sent with the ICD-10 qualifier',
      claim: { dx: ['7245'], lines },
      findings: [{ message: "HI01-2 diagnosis code '7245' is not an ICD-10-CM code (a letter, a digit, then 1 to 5 letters or digits)", ack: 'A7:254', fix: null }],
    },
    { name: 'too long', claim: { dx: ['M4806123'], lines }, findings: [{ message: "'M4806123' is not an ICD-10-CM code" }] },
    {
      name: 'well-formed but not in the loaded subset',
      claim: { dx: ['M5416', 'M25551'], lines },
      findings: [{ message: 'HI02-2 diagnosis code M25.551 is not in the loaded code set: check it against the ICD-10-CM list', ack: 'A7:255', fix: null }],
    },
  ],
});

describe('code/diagnosis severities and fixes', () => {
  const unknown: ClaimSpec = { dx: ['M25551'], lines };

  it('grades a well-formed unknown code as a warning while the ICD-10-CM list is not loaded', async () => {
    const [finding] = await runRule(rule, unknown);
    expect(finding?.severity).toBe('warning');
  });

  it('grades it as an error when the full list for the fiscal year is loaded', async () => {
    const tables = await shippedTables();
    const ctx = { ...contextFor(tables, unknown), tables: { ...tables, diagnosesComplete: () => true } };
    const findings = rule.check(painClaim(unknown).view, ctx);
    expect(findings.map((f) => [f.message, f.severity])).toEqual([['HI01-2 diagnosis code M25.551 is not a valid ICD-10-CM code on 2026-11-10', undefined]]);
  });

  it('replaces HI component 2 with the code without its decimal point', async () => {
    const [finding] = await runRule(rule, { dx: ['M5416', 'm54.17'], lines });
    expect(finding?.fix).toMatchObject({ kind: 'replace', element: 2, component: 2, value: 'M5417', reason: "remove the decimal point from diagnosis code 'm54.17': 'M5417'" });
  });
});
