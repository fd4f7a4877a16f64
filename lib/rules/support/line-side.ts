import type { ServiceLineView } from '../../model/claim-view.ts';

/** Which side(s) a line's modifiers name: 50 is both sides on one line (pain-coding-rules §3). */
export type LineSide = 'L' | 'R' | 'B';

/**
 * The side a line names with LT, RT or 50, or null when it names none. LT and RT together on
 * one line read as both sides (pm/bilateral reports 50 with LT/RT; LT+RT without 50 is a payer
 * convention some accept).
 */
export function lineSide(line: ServiceLineView): LineSide | null {
  const left = line.modifiers.includes('LT');
  const right = line.modifiers.includes('RT');
  if (line.modifiers.includes('50') || (left && right)) return 'B';
  if (left) return 'L';
  if (right) return 'R';
  return null;
}
