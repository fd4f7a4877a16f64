import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/rules/pm/imaging-included.ts';
import { ruleTester, runRule } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'ESI alone', claim: { lines: [{ code: '62323' }] } },
    { name: 'fluoroscopy with a nerve block whose code does not include imaging', claim: { lines: [{ code: '64405' }, { code: '77002' }] } },
    { name: 'guidance on another date than the ESI', claim: { lines: [{ code: '62323', dos: '20261110' }, { code: '77003', dos: '20261111' }] } },
    // Confirmed PTP pairs (§2.1) are judged by pm/ncci-ptp with their modifier indicator.
    { name: 'ultrasound with 20611 (a confirmed PTP pair: pm/ncci-ptp)', claim: { lines: [{ code: '20611', modifiers: ['RT'] }, { code: '76942' }] } },
    { name: 'ultrasound with a TF ESI (a confirmed PTP pair: pm/ncci-ptp)', claim: { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '76942' }] } },
  ],
  invalid: [
    {
      name: 'fluoroscopy 77003 with a lumbar interlaminar ESI',
      claim: { lines: [{ code: '62323' }, { code: '77003' }] },
      findings: [{ message: '77003 (line 2) is imaging guidance billed on 2026-11-10 with 62323 (line 1), whose code already includes imaging guidance: remove 77003', element: 'SV101-2', line: 2, ack: 'A7:454', fix: 'drop-line' }],
    },
    {
      name: 'guidance line first, procedure second',
      claim: { lines: [{ code: '77003' }, { code: '64483', modifiers: ['RT'] }, { code: '64484', modifiers: ['RT'] }] },
      findings: [{ message: 'with 64483 (line 2)', line: 1, fix: 'drop-line' }],
    },
    {
      name: 'CT guidance 77012 with a facet RFA',
      claim: { lines: [{ code: '64635', modifiers: ['LT'] }, { code: '77012' }] },
      findings: [{ message: '77012 (line 2)', line: 2 }],
    },
    {
      name: 'fluoroscopy with a bilateral SI injection',
      claim: { lines: [{ code: '27096', modifiers: ['50'] }, { code: '77003' }] },
      findings: [{ message: '27096 (line 1)', line: 2 }],
    },
    {
      name: 'ultrasound with the cervical interlaminar ESI 62321 (no confirmed PTP edit)',
      claim: { lines: [{ code: '62321' }, { code: '76942' }] },
      findings: [{ message: '76942 (line 2)', line: 2, fix: 'drop-line' }],
    },
    {
      name: '59 on the guidance line does not make included imaging separate',
      claim: { lines: [{ code: '64493', modifiers: ['RT'] }, { code: '77003', modifiers: ['59'] }] },
      findings: [{ message: '77003 (line 2)', line: 2 }],
    },
    {
      name: 'another procedure that day may have used the guidance: a warning without a fix',
      claim: { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '64405' }, { code: '77002' }] },
      findings: [{ message: 'keep it only if it guided 64405 (line 2)', line: 3, fix: null }],
    },
  ],
});

describe('pm/imaging-included grading and fix', () => {
  it('is an error with a drop-line fix naming the line when nothing else could use the guidance', async () => {
    const [finding] = await runRule(rule, { lines: [{ code: '62323' }, { code: '77003' }] });
    expect(finding?.severity).toBeUndefined();
    expect(finding?.fix).toEqual({ kind: 'drop-line', line: 2, reason: 'drop 77003 (line 2): imaging guidance is included in 62323 (CPT)' });
  });

  it('is a warning when another procedure that day does not include imaging', async () => {
    const [finding] = await runRule(rule, { lines: [{ code: '64483', modifiers: ['LT'] }, { code: '64405' }, { code: '77002' }] });
    expect(finding?.severity).toBe('warning');
  });
});
