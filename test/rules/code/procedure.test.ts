import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/rules/code/procedure.ts';
import { runEdited } from '../../helpers/claim-edits.ts';
import { painClaim, type ClaimSpec } from '../../helpers/pain-claim.ts';
import { contextFor, ruleTester, runRule, shippedTables } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'CPT code in force (64483)', claim: { lines: [{ code: '64483' }, { code: '64484' }] } },
    { name: 'HCPCS Level II code (G2212 with 99215)', claim: { filing: 'MB', lines: [{ code: '99215' }, { code: 'G2212' }] } },
    { name: 'Category III code in force (0213T)', claim: { lines: [{ code: '0213T' }] } },
    { name: '64410 before its deletion (2019-06-03)', claim: { dos: '20190603', lines: [{ code: '64410' }] }, context: { asOf: '2019-07-01' } },
    { name: '64410 on its last valid day (2019-12-31)', claim: { dos: '20191231', lines: [{ code: '64410' }] }, context: { asOf: '2020-01-15' } },
    { name: '0775T while it existed (2023-06-15)', claim: { dos: '20230615', lines: [{ code: '0775T' }] }, context: { asOf: '2023-07-01' } },
    { name: '27278 from its first day (2024-01-01)', claim: { dos: '20240101', lines: [{ code: '27278' }] }, context: { asOf: '2024-02-01' } },
    { name: 'a line without a date of service is left to the SNIP layer', claim: { dos: '20261331', lines: [{ code: '64410' }], allowSnipErrors: true } },
  ],
  invalid: [
    {
      name: '64410 after its deletion',
      claim: { lines: [{ code: '64483' }, { code: '64410' }] },
      findings: [{ message: 'SV101-2 procedure code 64410 was deleted: its last valid date of service is 2019-12-31, and this service is on 2026-11-10', element: 'SV101-2', line: 2, ack: 'A7:454', fix: null }],
    },
    {
      name: '0775T in 2024 (replaced by 27278)',
      claim: { dos: '20240201', lines: [{ code: '0775T' }] },
      context: { asOf: '2024-03-01' },
      findings: [{ message: '0775T was deleted: its last valid date of service is 2023-12-31', line: 1 }],
    },
    {
      name: '99201 after 2020',
      claim: { lines: [{ code: '99201' }] },
      findings: [{ message: '99201 was deleted: its last valid date of service is 2020-12-31' }],
    },
    {
      name: 'not yet in force: 27278 in 2023',
      claim: { dos: '20230601', lines: [{ code: '27278' }] },
      context: { asOf: '2023-07-01' },
      findings: [{ message: 'SV101-2 procedure code 27278 is not in force until 2024-01-01, and this service is on 2023-06-01' }],
    },
    {
      name: 'four digits',
      claim: { lines: [{ code: '6448' }] },
      findings: [{ message: "SV101-2 procedure code '6448' is not a CPT/HCPCS code (5 digits, 4 digits and F or T, or a letter and 4 digits)", element: 'SV101-2', line: 1, ack: 'A7:454' }],
    },
    { name: 'six characters', claim: { lines: [{ code: '64483A' }] }, findings: [{ message: "'64483A' is not a CPT/HCPCS code" }] },
    { name: 'Category III letter other than F/T', claim: { lines: [{ code: '0213X' }] }, findings: [{ message: "'0213X' is not a CPT/HCPCS code" }] },
    { name: 'a decimal point', claim: { lines: [{ code: '6448.3' }] }, findings: [{ message: "'6448.3' is not a CPT/HCPCS code" }] },
    {
      name: 'lower-case HCPCS code: fixed by upper-casing',
      claim: { filing: 'MB', lines: [{ code: '99215' }, { code: 'g2212' }] },
      findings: [{ message: "SV101-2 procedure code 'g2212' is lower case: send 'G2212'", element: 'SV101-2', line: 2, fix: 'replace' }],
    },
    {
      name: 'well-formed but not in the loaded code set',
      claim: { lines: [{ code: '99999' }] },
      findings: [{ message: 'SV101-2 procedure code 99999 is not in the loaded code set', line: 1, ack: 'A7:454', fix: null }],
    },
  ],
});

describe('code/procedure severities', () => {
  const unknown: ClaimSpec = { lines: [{ code: '64483' }, { code: '99999' }] };

  it('grades a well-formed unknown code as a warning while the table is incomplete', async () => {
    const [finding] = await runRule(rule, unknown);
    expect(finding?.severity).toBe('warning');
  });

  it('grades it as an error when the procedure table is declared complete', async () => {
    const tables = await shippedTables();
    const ctx = { ...contextFor(tables, unknown), tables: { ...tables, proceduresComplete: true } };
    const findings = rule.check(painClaim(unknown).view, ctx);
    expect(findings.map((f) => [f.message, f.severity])).toEqual([['SV101-2 procedure code 99999 is not a valid CPT/HCPCS code', undefined]]);
  });

  it('leaves malformed and deleted codes at the rule default (error)', async () => {
    const findings = await runRule(rule, { lines: [{ code: '6448' }, { code: '64410' }] });
    expect(findings.map((f) => f.severity)).toEqual([undefined, undefined]);
  });

  it('judges only HC (CPT/HCPCS) lines: a jurisdiction-specific (ER) code is not checked', async () => {
    expect(await runEdited(rule, { lines: [{ code: '6448' }] }, [['SV1*HC:6448*', 'SV1*ER:6448*']])).toEqual([]);
  });

  it('offers the upper-case fix on SV101-2', async () => {
    const [finding] = await runRule(rule, { lines: [{ code: 'g2212' }] });
    expect(finding?.fix).toMatchObject({ kind: 'replace', element: 1, component: 2, value: 'G2212' });
  });
});
