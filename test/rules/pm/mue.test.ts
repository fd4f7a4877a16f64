import { describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../../lib/adapters/fs-codesets.ts';
import { createMemoryCodeTables } from '../../../lib/codesets/memory-code-tables.ts';
import { rule } from '../../../lib/rules/pm/mue.ts';
import { painClaim, type ClaimSpec } from '../../helpers/pain-claim.ts';
import { contextFor, ruleTester } from '../../helpers/rule-tester.ts';

// Shipped MUEs used here (pain-coding-rules §1, S26): 64484 4/MAI 3, 64483 1/MAI 2, 62323 1/MAI 3, 20610 2/MAI 3.
ruleTester(rule, {
  valid: [
    { name: 'at the limit on one line (64484 × 4)', claim: { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '64484', modifiers: ['LT'], units: 4 }] } },
    { name: 'at the limit summed over the date (20610 × 1 + × 1)', claim: { lines: [{ code: '20610', modifiers: ['RT'] }, { code: '20610', modifiers: ['LT'] }] } },
    { name: 'one unit a day on two dates', claim: { lines: [{ code: '64483', modifiers: ['LT'], dos: '20261110' }, { code: '64483', modifiers: ['LT'], dos: '20261111' }] } },
    { name: 'code without a confirmed MUE', claim: { lines: [{ code: '64493', modifiers: ['RT'], units: 3 }] } },
    { name: 'code not in the table', claim: { lines: [{ code: '99999', units: 40 }] } },
  ],
  invalid: [
    {
      name: 'over the limit on one line (64484 × 5)',
      claim: { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '64484', modifiers: ['LT'], units: 5 }] },
      findings: [{ message: '64484 (line 2) has 5 units on 2026-11-10, above the MUE of 64484 (MUE 4, MAI 3: per date of service, clinical limit)', element: 'SV104', line: 2, ack: 'A7:476' }],
    },
    {
      name: 'MAI 2 summed over two lines of the date, reported on the last',
      claim: { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '62323' }, { code: '64483', modifiers: ['RT'] }] },
      findings: [{ message: '64483 (lines 1, 3) add up to 2 units on 2026-11-10, above the MUE of 64483 (MUE 1, MAI 2: per date of service, policy limit)', line: 3 }],
    },
    {
      name: 'MAI 3 over the limit with 59 (a modifier does not bypass an MUE)',
      claim: { lines: [{ code: '62323', units: 2, modifiers: ['59'] }] },
      findings: [{ message: 'MUE 1, MAI 3', line: 1 }],
    },
  ],
});

/** No shipped MUE has MAI 1 (per line) yet, so the per-line reading is tried on a table of our own. */
describe('pm/mue with MAI 1 (per line)', () => {
  const run = async (claim: ClaimSpec): Promise<string[]> => {
    const sets = await loadCodeSets();
    const entries = sets.procedures.entries.map((e) => (e.code === '20610' ? { ...e, mue: { units: 2, mai: 1 as const } } : e));
    const tables = createMemoryCodeTables({ ...sets, procedures: { ...sets.procedures, entries } });
    return rule.check(painClaim(claim).view, contextFor(tables, claim)).map((f) => f.message);
  };

  it('does not sum lines that are each within the limit', async () => {
    expect(await run({ lines: [{ code: '20610', modifiers: ['RT'], units: 2 }, { code: '20610', modifiers: ['LT'], units: 2 }] })).toEqual([]);
  });

  it('fires on the line over the limit', async () => {
    expect(await run({ lines: [{ code: '20610', modifiers: ['RT'], units: 1 }, { code: '20610', modifiers: ['LT'], units: 3 }] })).toEqual([
      '20610 (line 2) has 3 units on 2026-11-10, above the MUE of 20610 (MUE 2, MAI 1: per line)',
    ]);
  });
});
