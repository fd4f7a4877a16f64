import { defineRule } from '../define-rule.ts';

/** Integer cents as "$1,234.56" (no floating point: the comparison is exact in cents). */
function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}$${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export const rule = defineRule({
  id: 'claim/balance',
  level: 3,
  defaultSeverity: 'error',
  // 277CA 400 "claim is out of balance" (x12-837p-999-277ca §3.1 B1).
  ack: { category: 'A7', status: '400' },
  source: 'x12-837p-999-277ca §3.1 B1 (005010X222A1 1.4.4 balancing)',
  description: 'The total claim charge (CLM02) must equal the sum of the service line charges (SV102), compared exactly in cents.',
  howToFix: 'Correct CLM02 or the line charges so the claim total is the sum of its lines; check for a line added or removed after the total was set.',
  check(view) {
    // A missing or malformed amount is a SNIP 1–2 error already; the sum would be meaningless.
    if (view.chargeCents === null || view.lines.length === 0) return [];
    let sum = 0;
    for (const line of view.lines) {
      if (line.chargeCents === null) return [];
      sum += line.chargeCents;
    }
    if (sum === view.chargeCents) return [];
    const diff = view.chargeCents - sum;
    return [{
      message: `CLM02 total charge ${dollars(view.chargeCents)} does not equal the sum of the ${view.lines.length} service line charges (SV102) ${dollars(sum)}: ` +
        `the total is ${dollars(Math.abs(diff))} too ${diff > 0 ? 'high' : 'low'}`,
      segment: view.clm,
      element: 'CLM02',
      line: null,
    }];
  },
});
