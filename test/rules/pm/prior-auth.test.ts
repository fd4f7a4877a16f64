import { rule } from '../../../lib/rules/pm/prior-auth.ts';
import { describe, expect, it } from 'vitest';
import { viewClaim } from '../../../lib/model/claim-view.ts';
import { claimText, type ClaimSpec } from '../../helpers/pain-claim.ts';
import { contextFor, ruleTester, shippedTables } from '../../helpers/rule-tester.ts';
import { validate } from '../../helpers/x12-snippet.ts';

const medicare = { filing: 'MB', dx: ['M47816'] } as const;
const wiser = { filing: 'MB', state: 'TX' } as const;

ruleTester(rule, {
  valid: [
    { name: 'Medicare facet injection in the office: OPD PA is for POS 19/22 only', claim: { ...medicare, lines: [{ code: '64493', modifiers: ['50'] }] } },
    { name: 'Medicare facet injection in the hospital outpatient department with REF*G1 on the claim', claim: { ...medicare, pos: '22', claimRefs: ['REF*G1*UTN00012345'], lines: [{ code: '64493', modifiers: ['50'] }, { code: '64494', modifiers: ['50'] }] } },
    { name: 'Medicare facet injection at POS 22 before OPD PA started (2023-07-01)', claim: { ...medicare, pos: '22', dos: '20230630', lines: [{ code: '64493', modifiers: ['RT'] }] } },
    { name: 'Medicare SCS trial lead in the office: 63650 OPD PA is for POS 19/22 only', claim: { filing: 'MB', dx: ['M961'], lines: [{ code: '63650' }] } },
    { name: 'WISeR code in a state outside the model (IL)', claim: { filing: 'MB', state: 'IL', lines: [{ code: '64483', modifiers: ['RT'] }] } },
    { name: 'WISeR code in Texas before the model started (DOS 2026-01-14)', claim: { ...wiser, dos: '20260114', lines: [{ code: '64483', modifiers: ['RT'] }] } },
    { name: 'WISeR code in Texas at a place of service outside the list (POS 21 inpatient)', claim: { ...wiser, pos: '21', lines: [{ code: '62323' }] } },
    { name: 'WISeR code in Texas with REF*G1', claim: { ...wiser, claimRefs: ['REF*G1*WISER123'], lines: [{ code: '64483', modifiers: ['RT'] }, { code: '64484', modifiers: ['RT'] }] } },
    { name: 'commercial interlaminar ESI is not on the seed list', claim: { lines: [{ code: '62323' }] } },
  ],
  invalid: [
    {
      name: 'Medicare facet injection in the hospital outpatient department without REF*G1',
      claim: { ...medicare, pos: '22', lines: [{ code: '64493', modifiers: ['50'] }] },
      findings: [{ message: /^64493 needs prior authorisation \(Medicare OPD prior authorization: facet joint interventions\) at place of service 22 in IL on 2026-11-10/, element: 'SV101-2', line: 1, ack: 'A6:252:PR' }],
    },
    {
      name: 'Medicare SCS trial lead at POS 19 (line POS) without REF*G1',
      claim: { filing: 'MB', dx: ['M961'], lines: [{ code: '63650', pos: '19' }] },
      findings: [{ message: '63650 needs prior authorisation (Medicare OPD prior authorization: implanted spinal neurostimulators) at place of service 19', line: 1 }],
    },
    {
      name: 'WISeR: TF ESI and its add-on in Texas in the office',
      claim: { ...wiser, lines: [{ code: '64483', modifiers: ['RT'] }, { code: '64484', modifiers: ['RT'] }] },
      findings: [{ message: '64483 needs prior authorisation (Medicare WISeR model', line: 1 }, { message: '64484', line: 2 }],
    },
    {
      name: 'commercial seed list: TF ESI without REF*G1',
      claim: { lines: [{ code: '64483', modifiers: ['LT'] }] },
      findings: [{ message: '64483 needs prior authorisation (Practice guide seed list', line: 1 }],
    },
  ],
});

/**
 * Line-level REF*G1: painClaim appends `extra` 2400 segments after REF*6R, but the TR3 puts
 * REF*G1 before it, so these claims move it into place and must then be SNIP 1–2 clean.
 */
async function lineFindings(spec: ClaimSpec): Promise<string[]> {
  const text = claimText(spec).replace(/(REF\*6R\*L\d+~\n)(REF\*G1\*[^~]*~\n)/g, '$2$1');
  const run = validate(text);
  expect(run.errors).toEqual([]);
  const view = viewClaim(run.claimList[0]!);
  return rule.check(view, contextFor(await shippedTables(), spec)).map((f) => `${f.line?.lx}: ${f.message}`);
}

describe('pm/prior-auth with REF*G1 on the line (2400)', () => {
  it('accepts a Medicare facet injection at POS 19 whose line carries the UTN', async () => {
    expect(await lineFindings({ ...medicare, pos: '19', lines: [{ code: '64493', modifiers: ['RT'], extra: ['REF*G1*UTN00012345'] }] })).toEqual([]);
  });
  it('accepts a commercial TF ESI whose line carries the authorisation', async () => {
    expect(await lineFindings({ lines: [{ code: '64483', modifiers: ['LT'], extra: ['REF*G1*AUTH778'] }] })).toEqual([]);
  });
  it('covers only the line that carries it (WISeR, Ohio)', async () => {
    const findings = await lineFindings({ ...wiser, state: 'OH', lines: [{ code: '62321', extra: ['REF*G1*WISER9'] }, { code: '62323', dos: '20261112' }] });
    expect(findings).toEqual([expect.stringMatching(/^2: 62323 needs prior authorisation \(Medicare WISeR model/)]);
  });
});
