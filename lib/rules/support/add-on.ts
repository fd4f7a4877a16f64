import type { ProcedureLine } from './procedure-lines.ts';
import { lineLabel, type DatedLine } from './same-date.ts';

/**
 * Why an add-on line has none of its primaries (procedures.json addOnOf) on its own date of
 * service, or null when one is there. A primary billed on another date does not count (CPT:
 * an add-on is reported with its primary for the same session); the message names it.
 */
export function missingPrimary(addOn: ProcedureLine, dated: readonly DatedLine[]): string | null {
  const primaries = addOn.procedure.addOnOf;
  const billed = dated.filter((d) => primaries.includes(d.line.code));
  if (billed.some((d) => d.dos === addOn.dos)) return null;
  const elsewhere = billed[0];
  const needs = `${lineLabel(addOn.line)} is an add-on code and needs ${orList(primaries)} on the same date (${addOn.dos})`;
  return elsewhere === undefined ? `${needs}; none is billed` : `${needs}; ${lineLabel(elsewhere.line)} is on ${elsewhere.dos}`;
}

function orList(codes: readonly string[]): string {
  return codes.length <= 1 ? codes.join('') : `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}`;
}
