import type { Day, Dated } from '../../codesets/types.ts';

/**
 * Why a code the table knows is not valid on a date of service: deleted before it, or not yet
 * in force (the table's lookups return the nearest entry as `inactive`).
 */
export function notInForceReason(entry: Dated, dos: Day): string {
  if (entry.effectiveTo !== null && dos > entry.effectiveTo) {
    return `was deleted: its last valid date of service is ${entry.effectiveTo}, and this service is on ${dos}`;
  }
  return `is not in force until ${entry.effectiveFrom}, and this service is on ${dos}`;
}
