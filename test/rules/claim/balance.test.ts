import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/rules/claim/balance.ts';
import { appendedLine, runEdited } from '../../helpers/claim-edits.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'one line: CLM02 equals SV102', claim: { lines: [{ code: '64483', charge: 1250 }] } },
    {
      name: 'cents add up exactly (0.10 + 0.20 is not a float problem in integer cents)',
      claim: { lines: [{ code: '64483', charge: 1250.1 }, { code: '64484', charge: 0.2 }, { code: '77003', charge: 99.99 }] },
    },
    { name: 'a zero-charge line counts as zero', claim: { lines: [{ code: '99213', charge: 0 }, { code: '64483', charge: 800 }] } },
  ],
  invalid: [
    {
      name: 'a line added after the total was set: CLM02 is too low by the line charge',
      claim: { lines: [{ code: '64483', charge: 900, extra: appendedLine(2, 'SV1*HC:64484*350.55*UN*1***1') }] },
      findings: [{ message: 'CLM02 total charge $900.00 does not equal the sum of the 2 service line charges (SV102) $1,250.55: the total is $350.55 too low', element: 'CLM02', line: null, ack: 'A7:400', fix: null }],
    },
    {
      name: 'out by one cent',
      claim: { lines: [{ code: '64483', charge: 100.5, extra: appendedLine(2, 'SV1*HC:64484*0.01*UN*1***1') }] },
      findings: [{ message: '$0.01 too low', element: 'CLM02' }],
    },
  ],
});

describe('claim/balance with an edited CLM02', () => {
  const spec = { lines: [{ code: '64483', charge: 150 }, { code: '64484', charge: 75.25 }] };

  it('names both amounts when CLM02 is higher than the lines', async () => {
    const findings = await runEdited(rule, spec, [['CLM*PCN-0001*225.25*', 'CLM*PCN-0001*300*']]);
    expect(findings.map((f) => f.message)).toEqual([
      'CLM02 total charge $300.00 does not equal the sum of the 2 service line charges (SV102) $225.25: the total is $74.75 too high',
    ]);
  });

  it('compares in cents: 225.250 equals 225.25', async () => {
    expect(await runEdited(rule, spec, [['CLM*PCN-0001*225.25*', 'CLM*PCN-0001*225.250*']])).toEqual([]);
  });

  it('stays silent when an amount is not a number (the SNIP layer reports it)', async () => {
    const edits = [['CLM*PCN-0001*225.25*', 'CLM*PCN-0001*22O.25*']] as const;
    expect(await runEdited(rule, { ...spec, allowSnipErrors: true }, edits)).toEqual([]);
  });
});
