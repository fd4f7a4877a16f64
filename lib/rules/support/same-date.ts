import type { Day } from '../../codesets/types.ts';
import type { ClaimView, ServiceLineView } from '../../model/claim-view.ts';

/** A service line with its date of service (DTP*472 from). */
export interface DatedLine {
  readonly line: ServiceLineView;
  readonly dos: Day;
}

/** Many rules ask for the same claim's dated lines: computed once per claim view. */
const dated = new WeakMap<ClaimView, readonly DatedLine[]>();

/** Lines with a date of service, in claim order (the SNIP layer reports a missing one). */
export function datedLines(view: ClaimView): readonly DatedLine[] {
  let lines = dated.get(view);
  if (lines === undefined) {
    lines = view.lines.flatMap((line) => (line.dos === null ? [] : [{ line, dos: line.dos.from }]));
    dated.set(view, lines);
  }
  return lines;
}

/**
 * Lines grouped by date of service, each group in claim order, groups in order of first
 * appearance: same-day edits (NCCI PTP, MUE per date, add-on primaries) compare within a group.
 * A line's date is `dos.from` (pain-management services are one-day services).
 */
export function byDate<T extends { readonly dos: Day }>(items: readonly T[]): T[][] {
  const groups = new Map<Day, T[]>();
  for (const item of items) {
    const group = groups.get(item.dos);
    if (group === undefined) groups.set(item.dos, [item]);
    else group.push(item);
  }
  return [...groups.values()];
}

/** How findings name a line: "64483 (line 2)". */
export function lineLabel(line: ServiceLineView): string {
  return `${line.code} (line ${line.lx ?? '?'})`;
}
