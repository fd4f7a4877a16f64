import { describe, expect, it } from 'vitest';
import { counterControlNumbers } from '../../lib/ack/control-numbers.ts';
import { fixedClock } from '../../lib/ack/clock.ts';

describe('counterControlNumbers', () => {
  it('counts interchanges, groups and sets independently from their start numbers', () => {
    const numbers = counterControlNumbers({ interchange: 501, group: 7, set: 1 });
    expect([numbers.nextInterchange(), numbers.nextInterchange()]).toEqual([501, 502]);
    expect([numbers.nextGroup(), numbers.nextSet(), numbers.nextSet(), numbers.nextGroup()]).toEqual([7, 1, 2, 8]);
  });

  it('wraps to 1 after 999999999, the largest ISA13', () => {
    const numbers = counterControlNumbers({ interchange: 999_999_999, group: 1, set: 1 });
    expect([numbers.nextInterchange(), numbers.nextInterchange()]).toEqual([999_999_999, 1]);
  });

  it('refuses a start number that cannot be written', () => {
    expect(() => counterControlNumbers({ interchange: 0, group: 1, set: 1 })).toThrow(RangeError);
    expect(() => counterControlNumbers({ interchange: 1, group: 1.5, set: 1 })).toThrow(RangeError);
    expect(() => counterControlNumbers({ interchange: 1, group: 1, set: 1e9 })).toThrow(RangeError);
  });
});

describe('fixedClock', () => {
  it('always tells the same instant, and callers cannot move it', () => {
    const clock = fixedClock('2025-01-15T11:05:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-01-15T11:05:00.000Z');
  });
});
