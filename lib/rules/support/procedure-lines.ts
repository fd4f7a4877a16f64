import type { ProcedureEntry } from '../../codesets/types.ts';
import type { ClaimView } from '../../model/claim-view.ts';
import type { CodeTables } from '../../ports.ts';
import { datedLines, type DatedLine } from './same-date.ts';

/** A dated service line with the procedure-table entry in force on its date. */
export interface ProcedureLine extends DatedLine {
  readonly procedure: ProcedureEntry;
}

/**
 * The claim's lines that the coding rules can judge: a date of service (the SNIP layer reports
 * a missing one) and a code the procedure table knows on that date (code/procedure reports the
 * rest). Claim order is kept.
 */
export function procedureLines(view: ClaimView, tables: CodeTables): readonly ProcedureLine[] {
  const known = cache.get(view);
  if (known !== undefined && known.tables === tables) return known.lines;
  const lines = datedLines(view).flatMap(({ line, dos }) => {
    const found = tables.procedure(line.code, dos);
    return found.status === 'active' ? [{ line, dos, procedure: found.entry }] : [];
  });
  cache.set(view, { tables, lines });
  return lines;
}

/** Most pm/ rules start from these lines: looked up once per claim view and code tables. */
const cache = new WeakMap<ClaimView, { readonly tables: CodeTables; readonly lines: readonly ProcedureLine[] }>();
