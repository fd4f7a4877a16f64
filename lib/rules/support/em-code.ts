import type { Day } from '../../codesets/types.ts';
import type { CodeTables } from '../../ports.ts';

/**
 * An evaluation and management visit code (procedures.json family EM: 99202–99215, 99221–99233 …)
 * on the date; prolonged-service add-ons are family PROLONGED, not E/M.
 */
export function isEmCode(tables: CodeTables, code: string, dos: Day): boolean {
  const found = tables.procedure(code, dos);
  return found.status === 'active' && found.entry.family === 'EM';
}
