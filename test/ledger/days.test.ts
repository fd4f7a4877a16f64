import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween } from '../../lib/ledger/days.ts';

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-10', -364)).toBe('2025-11-11');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('adds calendar years; 29 February falls back to the 28th', () => {
    expect(addYears('2026-11-10', -3)).toBe('2023-11-10');
    expect(addYears('2024-02-29', -3)).toBe('2021-02-28');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-08-02', '2026-11-10')).toBe(100);
    expect(daysBetween('2026-11-10', '2026-08-02')).toBe(-100);
  });
});
