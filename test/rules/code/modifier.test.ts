import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/rules/code/modifier.ts';
import { ruleTester, runRule } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'no modifiers', claim: { lines: [{ code: '64483' }] } },
    { name: 'side modifier on a unilateral procedure', claim: { lines: [{ code: '64483', modifiers: ['RT'] }] } },
    { name: '25 on the E/M, procedure the same day', claim: { lines: [{ code: '99213', modifiers: ['25'] }, { code: '64483', modifiers: ['LT'] }] } },
    { name: '26 and TC on imaging codes with a PC/TC split', claim: { pos: '22', lines: [{ code: '77003', modifiers: ['26'] }, { code: '77012', modifiers: ['TC'] }] } },
    { name: '59 and XS on procedure codes', claim: { lines: [{ code: '20552', modifiers: ['59'] }, { code: '64450', modifiers: ['XS', 'RT'] }] } },
    { name: 'XE on its first day (2015-01-01)', claim: { dos: '20150101', hi: ['HI*BK:7245'], lines: [{ code: '64483', modifiers: ['XE'] }] }, context: { asOf: '2015-02-01' } },
    { name: 'empty placeholder components before an unlisted-code description', claim: { lines: [{ code: '64999', description: 'CRYOABLATION OF NERVE' }] } },
    { name: 'a modifier on an unknown code is judged only against the modifier table', claim: { lines: [{ code: '99999', modifiers: ['25'] }] } },
  ],
  invalid: [
    {
      name: 'well-formed modifier missing from the shipped (pain-subset) list',
      claim: { lines: [{ code: '64483', modifiers: ['ZZ'] }] },
      findings: [{ message: "SV101-3 modifier 'ZZ' is not in the loaded modifier list", element: 'SV101-3', line: 1, ack: 'A7:453', fix: null }],
    },
    {
      name: 'unknown modifier in the third position after an empty one',
      claim: { lines: [{ code: '64483', modifiers: ['RT', '', 'Q9'] }] },
      findings: [{ message: "SV101-5 modifier 'Q9' is not in the loaded modifier list", element: 'SV101-5' }],
    },
    {
      name: 'malformed modifier (not letters or digits)',
      claim: { lines: [{ code: '64483', modifiers: ['RT', 'R-'] }] },
      findings: [{ message: "SV101-4 modifier 'R-' is not a procedure modifier (two letters or digits)", element: 'SV101-4' }],
    },
    {
      name: '26 on an injection without a PC/TC split',
      claim: { lines: [{ code: '64483', modifiers: ['26'] }] },
      findings: [{ message: 'SV101-3 modifier 26 is not allowed on 64483, which has no professional/technical split', element: 'SV101-3', line: 1, ack: 'A7:453' }],
    },
    {
      name: 'TC on an E/M code',
      claim: { lines: [{ code: '99213', modifiers: ['TC'] }] },
      findings: [{ message: 'modifier TC is not allowed on 99213, which has no professional/technical split' }],
    },
    {
      name: '25 on a procedure code',
      claim: { lines: [{ code: '99213' }, { code: '64483', modifiers: ['RT', '25'] }] },
      findings: [{ message: 'SV101-4 modifier 25 is for E/M codes only, and 64483 is not an E/M code', element: 'SV101-4', line: 2 }],
    },
    {
      name: '59 on an E/M code',
      claim: { lines: [{ code: '99214', modifiers: ['59'] }, { code: '64483' }] },
      findings: [{ message: 'SV101-3 modifier 59 must not be used on the E/M code 99214 (a separately identifiable E/M takes 25)', line: 1 }],
    },
    {
      name: 'XU on an E/M code after 25',
      claim: { lines: [{ code: '99204', modifiers: ['25', 'XU'] }, { code: '64483' }] },
      findings: [{ message: 'modifier XU must not be used on the E/M code 99204', element: 'SV101-4' }],
    },
    {
      name: 'XE before it existed (2014)',
      claim: { dos: '20140602', hi: ['HI*BK:7245'], lines: [{ code: '64483', modifiers: ['XE'] }] },
      context: { asOf: '2014-07-01' },
      findings: [{ message: 'SV101-3 modifier XE is not in force until 2015-01-01, and this service is on 2014-06-02' }],
    },
    {
      name: 'lower-case side modifier: upper-cased by a safe fix',
      claim: { lines: [{ code: '64483', modifiers: ['rt'] }] },
      findings: [{ message: "SV101-3 modifier 'rt' is lower case: send 'RT'", element: 'SV101-3', line: 1, fix: 'replace' }],
    },
    {
      name: 'lower-case 59 equivalent on an E/M: the fix alone does not clear it',
      claim: { lines: [{ code: '99213', modifiers: ['xs'] }, { code: '64483' }] },
      findings: [{ message: "modifier 'xs' is lower case", fix: 'replace' }, { message: 'modifier XS must not be used on the E/M code 99213', fix: null }],
    },
  ],
});

describe('code/modifier fixes', () => {
  it('replaces the SV101 component that holds the modifier', async () => {
    const [finding] = await runRule(rule, { lines: [{ code: '64483', modifiers: ['RT', 'xs'] }] });
    expect(finding?.fix).toMatchObject({ kind: 'replace', element: 1, component: 4, value: 'XS' });
  });
});
