/**
 * X12 DT values: CCYYMMDD that must be a real calendar date (999 IK403 8). One check for the
 * envelope, the element checks and the claim view. Digit by digit, with no allocation: it runs
 * on every date element of every segment.
 */

/** A real calendar date CCYYMMDD. */
export function isDate(value: string): boolean {
  return isDateAt(value, 0, value.length);
}

/** The same for value[start..end), so an RD8 range is checked without slicing it. */
export function isDateAt(value: string, start: number, end: number): boolean {
  if (end - start !== 8) return false;
  let n = 0;
  for (let k = start; k < end; k++) {
    const ch = value.charCodeAt(k);
    if (ch < 0x30 || ch > 0x39) return false;
    n = n * 10 + (ch - 0x30);
  }
  const year = Math.floor(n / 10000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
