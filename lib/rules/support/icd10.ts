import type { Day } from '../../codesets/types.ts';
import type { DiagnosisView } from '../../model/claim-view.ts';
import type { CodeTables } from '../../ports.ts';
import type { Ack277 } from '../define-rule.ts';

/** An ICD-10-CM code as 837P HI sends it: letter, digit, alphanumeric, up to four more, no decimal point. */
export const ICD10_CM_FORMAT = /^[A-Z]\d[0-9A-Z][0-9A-Z]{0,4}$/;

/** The code as people write it, with the decimal point after the category (M48061 → M48.061). */
export function withDecimalPoint(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

const NEXT_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The billable codes below a header on a date, found by asking the table for each code one
 * character longer (ICD-10-CM codes grow one character per level, to seven), so the children
 * are data, never a list in a rule.
 */
export function billableChildren(tables: CodeTables, header: string, dos: Day): string[] {
  if (header.length >= 7) return [];
  const children: string[] = [];
  for (const next of NEXT_CHARACTERS) {
    const found = tables.diagnosis(header + next, dos);
    if (found.status !== 'active') continue;
    if (found.entry.billable) children.push(found.entry.code);
    else children.push(...billableChildren(tables, found.entry.code, dos));
  }
  return children;
}

/**
 * Makes the children of the claim's header codes available to {@link billableChildren}: a
 * remote code table (DynamoDB) only answers for what was prefetched, so without this a header's
 * suggested children would depend on what earlier claims happened to load. One round per level.
 */
export async function prefetchChildren(tables: CodeTables, codes: readonly string[], dos: Day): Promise<void> {
  const isHeader = (code: string): boolean => {
    const found = tables.diagnosis(code, dos);
    return found.status === 'active' && !found.entry.billable && code.length < 7;
  };
  for (let headers = codes.filter(isHeader); headers.length > 0; ) {
    const children = headers.flatMap((h) => [...NEXT_CHARACTERS].map((next) => h + next));
    await tables.prefetch({ procedures: [], diagnoses: children });
    headers = children.filter(isHeader);
  }
}

/** 277CA 254 for the principal diagnosis (HI position 1), 255 for the others (x12-837p-999-277ca §3.1 D1). */
export function diagnosisAck(dx: DiagnosisView): Ack277 {
  return { category: 'A7', status: dx.pointer === 1 ? '254' : '255' };
}
