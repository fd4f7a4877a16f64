import { describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../../lib/adapters/fs-codesets.ts';
import type { CodeSets } from '../../../lib/codesets/code-set-file.ts';
import { createMemoryCodeTables } from '../../../lib/codesets/memory-code-tables.ts';
import type { PtpEdit } from '../../../lib/codesets/types.ts';
import { rule } from '../../../lib/rules/pm/ncci-ptp.ts';
import type { ClaimSpec } from '../../helpers/pain-claim.ts';
import { painClaim } from '../../helpers/pain-claim.ts';
import { contextFor, ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'XS on the column-2 code', claim: { lines: [{ code: '62323' }, { code: '64483', modifiers: ['LT', 'XS'] }] } },
    { name: '59 on the column-1 code (accepted on either line)', claim: { lines: [{ code: '62323', modifiers: ['59'] }, { code: '64483', modifiers: ['LT'] }] } },
    { name: 'XU on the column-2 ultrasound line', claim: { lines: [{ code: '20610', modifiers: ['RT'] }, { code: '76942', modifiers: ['XU'] }] } },
    { name: 'different knees: 20611-RT with 20610-LT', claim: { lines: [{ code: '20611', modifiers: ['RT'] }, { code: '20610', modifiers: ['LT'] }] } },
    { name: 'the pair on different dates', claim: { lines: [{ code: '62323', dos: '20261110' }, { code: '64483', modifiers: ['LT'], dos: '20261111' }] } },
    { name: 'E/M in column 2 is pm/em-modifier-25’s', claim: { lines: [{ code: '62323' }, { code: '99213' }] } },
    { name: 'before the edit took effect (62323/64484 from 2017-04-01)', claim: { dos: '20170315', lines: [{ code: '62323' }, { code: '64484', modifiers: ['LT'] }] } },
    { name: 'codes with no edit between them', claim: { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '64493', modifiers: ['RT'] }] } },
    { name: 'column 1 alone', claim: { lines: [{ code: '20611', modifiers: ['RT'] }] } },
  ],
  invalid: [
    {
      name: 'interlaminar and transforaminal ESI the same day',
      claim: { lines: [{ code: '62323' }, { code: '64483', modifiers: ['LT'] }] },
      findings: [{ message: '64483 (line 2) is bundled into 62323 (line 1) on 2026-11-10 by an NCCI PTP edit (modifier indicator 1): remove 64483, or append XS/XE/XP/XU (or 59)', element: 'SV101-2', line: 2, ack: 'A7:454', fix: null }],
    },
    {
      name: 'column-2 line first in the claim',
      claim: { lines: [{ code: '76942' }, { code: '64483', modifiers: ['RT'] }] },
      findings: [{ message: '76942 (line 1) is bundled into 64483 (line 2)', line: 1 }],
    },
    {
      name: 'same knee on both lines (RT and RT) is not a different site',
      claim: { lines: [{ code: '20611', modifiers: ['RT'] }, { code: '20610', modifiers: ['RT'] }] },
      findings: [{ message: '20610 (line 2) is bundled into 20611 (line 1)', line: 2 }],
    },
    {
      name: 'a side on one line only is not a different site',
      claim: { lines: [{ code: '20611', modifiers: ['RT'] }, { code: '20610' }] },
      findings: [{ message: '20610 (line 2) is bundled into 20611 (line 1)', line: 2 }],
    },
    {
      name: 'on the day the edit took effect',
      claim: { dos: '20170401', lines: [{ code: '62323' }, { code: '64484', modifiers: ['LT'] }] },
      findings: [{ message: '64484 (line 2) is bundled into 62323 (line 1) on 2017-04-01', line: 2 }],
    },
    {
      name: 'a column-2 code bundled into two column-1 codes is reported once',
      claim: { lines: [{ code: '20611', modifiers: ['RT'] }, { code: '62323' }, { code: '76942' }] },
      findings: [
        { message: '62323 (line 2) is bundled into 20611 (line 1)', line: 2 },
        { message: '76942 (line 3) is bundled into 20611 (line 1)', line: 3 },
      ],
    },
    {
      name: '25 is not a PTP bypass for a procedure',
      claim: { lines: [{ code: '64483', modifiers: ['RT'] }, { code: '20610', modifiers: ['25'] }] },
      findings: [{ message: '20610 (line 2) is bundled into 64483 (line 1)', line: 2 }],
    },
  ],
});

/** Indicator 0 and 9 are not in the confirmed shipped pairs (§2.1), so they are tried on a table of our own. */
describe('pm/ncci-ptp with modifier indicators 0 and 9', () => {
  const edit = (column2: string, modifierIndicator: PtpEdit['modifierIndicator']): PtpEdit => ({
    column1: '11042', column2, modifierIndicator, effectiveFrom: '2017-01-01', effectiveTo: null, source: 'test',
  });
  const run = async (claim: ClaimSpec): Promise<string[]> => {
    const sets: CodeSets = await loadCodeSets();
    const ptp = { ...sets.ptp, entries: [edit('62323', '0'), edit('64483', '9')] };
    const tables = createMemoryCodeTables({ ...sets, ptp });
    return rule.check(painClaim(claim).view, contextFor(tables, claim)).map((f) => f.message);
  };

  it('fires for indicator 0 even with 59 or XS on either line', async () => {
    expect(await run({ lines: [{ code: '11042', modifiers: ['59'] }, { code: '62323', modifiers: ['XS'] }] })).toEqual([
      '62323 (line 2) is bundled into 11042 (line 1) on 2026-11-10 by an NCCI PTP edit (modifier indicator 0: no modifier can bypass it): remove 62323',
    ]);
  });

  it('does not fire for indicator 9 (edit not applied)', async () => {
    expect(await run({ lines: [{ code: '11042' }, { code: '64483', modifiers: ['LT'] }] })).toEqual([]);
  });
});
