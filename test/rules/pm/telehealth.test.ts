import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/rules/pm/telehealth.ts';
import { ruleTester, runRule } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'office E/M in the office', claim: { lines: [{ code: '99213' }] } },
    { name: 'telehealth E/M with 95 at POS 10', claim: { pos: '10', lines: [{ code: '99214', modifiers: ['95'] }] } },
    { name: 'audio-only psychotherapy with 93', claim: { lines: [{ code: '90834', modifiers: ['93'] }] } },
    { name: 'GT on an eligible code for a commercial payer', claim: { lines: [{ code: '99213', modifiers: ['GT'] }] } },
    { name: 'injection at the office with POS 11', claim: { filing: 'MB', lines: [{ code: '64483', modifiers: ['RT'] }] } },
    { name: 'Medicare telehealth visit with POS 02 and 95', claim: { filing: 'MB', pos: '02', lines: [{ code: '99213', modifiers: ['95'] }] } },
  ],
  invalid: [
    {
      name: 'TF ESI with modifier 95',
      claim: { lines: [{ code: '64483', modifiers: ['RT', '95'] }] },
      findings: [{ message: /^64483 \(.*\) is not a telehealth service but is billed with telehealth modifier 95$/, element: 'SV101-4', line: 1, ack: 'A7:453' }],
    },
    {
      name: 'trigger points at claim POS 10',
      claim: { pos: '10', lines: [{ code: '20552' }] },
      findings: [{ message: 'billed with telehealth place of service 10', element: 'CLM05-1', line: 1, ack: 'A7:249' }],
    },
    {
      name: 'facet injection with line POS 02 (SV105), E/M line fine',
      claim: { lines: [{ code: '99213', modifiers: ['25'] }, { code: '64493', modifiers: ['LT'], pos: '02' }] },
      findings: [{ message: 'place of service 02', element: 'SV105', line: 2, ack: 'A7:249' }],
    },
    {
      name: 'GT on an injection for a commercial payer: the ineligible code is the error',
      claim: { lines: [{ code: '20610', modifiers: ['GT', 'RT'] }] },
      findings: [{ message: 'telehealth modifier GT', element: 'SV101-3' }],
    },
    {
      name: 'GT on an eligible code to Medicare: warning (brief C8)',
      claim: { filing: 'MB', pos: '02', lines: [{ code: '99213', modifiers: ['GT'] }] },
      findings: [{ message: '99213 has modifier GT, which Medicare (medicare profile) accepts only on CAH Method II institutional claims', element: 'SV101-3', line: 1 }],
    },
  ],
});

describe('pm/telehealth severity', () => {
  it('grades GT on a Medicare 837P as a warning and an ineligible code as the rule default (error)', async () => {
    const gt = await runRule(rule, { filing: 'MB', pos: '02', lines: [{ code: '99213', modifiers: ['GT'] }] });
    expect(gt.map((f) => f.severity)).toEqual(['warning']);
    const injection = await runRule(rule, { filing: 'MB', lines: [{ code: '64483', modifiers: ['RT', 'GT'] }] });
    expect(injection.map((f) => f.severity)).toEqual([undefined]);
  });
});
