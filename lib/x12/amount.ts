/**
 * X12 R amounts and integer cents: charges are compared and summed in cents, never in floats
 * (brief §3.1 B1), and written back the way X12 senders write them.
 */

const AMOUNT = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * An R amount as integer cents, exactly (no floats, brief §3.1 B1): "150" → 15000,
 * "150.5" → 15050, "-1.25" → -125. Null when it is not a valid amount ("15O.00", "150.", "")
 * or has non-zero digits below a cent.
 */
export function parseCents(value: string): number | null {
  const m = AMOUNT.exec(value);
  if (m === null) return null;
  const [, sign = '', whole = '', fraction] = m;
  if (whole === '' && (fraction === undefined || fraction === '')) return null;
  if (fraction === '' || (fraction !== undefined && /[1-9]/.test(fraction.slice(2)))) return null;
  const cents = Number(whole || '0') * 100 + Number((fraction ?? '').slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Integer cents as an X12 R value, without trailing zeros after the point: 35050 → "350.5", 35000 → "350", -125 → "-1.25". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 100)}${fraction === '' ? '' : `.${fraction}`}`;
}
