import type { Day } from '../codesets/types.ts';

/**
 * Calendar arithmetic on "YYYY-MM-DD" days (UTC, so no daylight-saving shifts). Frequency
 * windows are rolling day counts (pain-coding-rules §6); the new-patient look-back is in years.
 */

export function addDays(day: Day, days: number): Day {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same calendar day `years` later (or earlier); 29 February falls back to the 28th. */
export function addYears(day: Day, years: number): Day {
  const d = parse(day);
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastOfMonth));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

function parse(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}
