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
export function procedureLines(view: ClaimView, tables: CodeTables): ProcedureLine[] {
  return datedLines(view).flatMap(({ line, dos }) => {
    const found = tables.procedure(line.code, dos);
    return found.status === 'active' ? [{ line, dos, procedure: found.entry }] : [];
  });
}
