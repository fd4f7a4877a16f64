import type { PtpEdit } from '../../codesets/types.ts';
import type { CodeTables } from '../../ports.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { isEmCode } from '../support/em-code.ts';
import { ptpBypassed } from '../support/ncci-modifiers.ts';
import { byDate, datedLines, lineLabel, type DatedLine } from '../support/same-date.ts';

export const rule = defineRule({
  id: 'pm/ncci-ptp',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 454 "procedure code for services rendered", at the column-2 line: its code is not
  // payable with the column-1 code that day.
  ack: { category: 'A7', status: '454' },
  source: 'pain-coding-rules §2.1 (CMS NCCI practitioner PTP v32.2, S26), §3 (59/X{EPSU}, anatomic modifiers; S32); codesets/ncci-ptp.json',
  description: 'A column-2 code must not be billed with its NCCI column-1 code on the same date: modifier indicator 0 never, indicator 1 only with an NCCI-associated modifier (59, XE, XS, XP, XU, or anatomic modifiers naming different sites).',
  howToFix: 'Remove the column-2 line, or, when it was a separate and distinct service (another site, session or encounter) and the edit allows a modifier (indicator 1), document it and append XS/XE/XP/XU (or 59) to the column-2 code.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const day of byDate(datedLines(view))) {
      for (const column2 of day) {
        // An E/M in column 2 is bypassed by 25, not 59: pm/em-modifier-25 reports it, once.
        if (isEmCode(ctx.tables, column2.line.code, column2.dos)) continue;
        const hit = firstEdit(ctx.tables, day, column2);
        if (hit === null) continue;
        const { column1, edit } = hit;
        const base = `${lineLabel(column2.line)} is bundled into ${lineLabel(column1.line)} on ${column2.dos} by an NCCI PTP edit (modifier indicator ${edit.modifierIndicator}`;
        const message = edit.modifierIndicator === '0'
          ? `${base}: no modifier can bypass it): remove ${column2.line.code}`
          : `${base}): remove ${column2.line.code}, or append XS/XE/XP/XU (or 59) if it was a distinct service`;
        findings.push({ segment: column2.line.sv1, element: 'SV101-2', line: column2.line, message });
      }
    }
    return findings;
  },
});

/** The first same-day line whose edit with `column2` applies (indicator 0, or 1 without a bypass). */
function firstEdit(tables: CodeTables, day: readonly DatedLine[], column2: DatedLine): { column1: DatedLine; edit: PtpEdit } | null {
  for (const column1 of day) {
    if (column1 === column2) continue;
    const edit = tables.ptp(column1.line.code, column2.line.code, column2.dos);
    if (edit === null || edit.modifierIndicator === '9') continue;
    if (edit.modifierIndicator === '1' && ptpBypassed(column1, column2, tables)) continue;
    return { column1, edit };
  }
  return null;
}
