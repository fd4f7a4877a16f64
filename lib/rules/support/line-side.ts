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

/** Where the levels on one side of a session first pass a limit. */
export interface LevelExcess {
  readonly line: ServiceLineView;
  readonly side: 'left' | 'right';
  readonly levels: number;
}

/**
 * Counts levels per side over a session's lines in claim order and returns where a side first
 * passes `max`, or null. Each line adds its units (SV104; none sent = 1) to the sides it names:
 * 50 is both sides of one level, so 64484-50 × 1 adds one level to each side (pain-coding-rules
 * §1.3 "bilateral at one level = one level"; §1.2 CMS convention `64484-50 × 1`). A line naming
 * no side adds to both, since its side is unknown (pm/laterality reports it).
 */
export function firstLevelExcess(lines: readonly ServiceLineView[], max: number): LevelExcess | null {
  const levels = { left: 0, right: 0 };
  for (const line of lines) {
    const side = lineSide(line);
    const units = line.units ?? 1;
    for (const s of side === 'L' ? (['left'] as const) : side === 'R' ? (['right'] as const) : (['left', 'right'] as const)) {
      levels[s] += units;
      if (levels[s] > max) return { line, side: s, levels: levels[s] };
    }
  }
  return null;
}
