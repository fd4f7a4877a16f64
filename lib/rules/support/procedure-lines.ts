import type { Day, ProcedureEntry } from '../../codesets/types.ts';
import type { ClaimView, ServiceLineView } from '../../model/claim-view.ts';
import type { CodeTables } from '../../ports.ts';

/** A service line with its date of service and the procedure-table entry in force on that date. */
export interface ProcedureLine {
  readonly line: ServiceLineView;
  readonly dos: Day;
  readonly procedure: ProcedureEntry;
}

/**
 * The claim's lines that the coding rules can judge: a date of service (the SNIP layer reports
 * a missing one) and a code the procedure table knows on that date (code/procedure reports the
 * rest). Claim order is kept.
 */
export function procedureLines(view: ClaimView, tables: CodeTables): ProcedureLine[] {
  const out: ProcedureLine[] = [];
  for (const line of view.lines) {
    if (line.dos === null) continue;
    const found = tables.procedure(line.code, line.dos.from);
    if (found.status === 'active') out.push({ line, dos: line.dos.from, procedure: found.entry });
  }
  return out;
}
