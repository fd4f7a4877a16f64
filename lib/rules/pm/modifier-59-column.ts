import type { CodeTables } from '../../ports.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { isEmCode } from '../support/em-code.ts';
import { modifierElement } from '../support/modifier-element.ts';
import { modifiersOfKind } from '../support/ncci-modifiers.ts';
import { byDate, datedLines, lineLabel, type DatedLine } from '../support/same-date.ts';

export const rule = defineRule({
  id: 'pm/modifier-59-column',
  level: 7,
  // Medicare systems accept 59/X{EPSU} on either column since 2019-07-01 (CR 11168), so the
  // placement is advice, not a rejection (pain-coding-rules §0 C19).
  defaultSeverity: 'warning',
  // 277CA 453 "procedure code modifier(s)", at the column-1 line that carries the modifier.
  ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §0 C19, §3 (NCCI manual; CR 11168, S32); codesets/ncci-ptp.json, modifiers.json',
  description: 'The distinct-service modifier (59, XE, XS, XP, XU) that bypasses an NCCI PTP edit belongs on the column-2 code, not on the column-1 code.',
  howToFix: 'Move the 59/X{EPSU} modifier from the column-1 code to the column-2 code of the edit (some payers other than Medicare still require that placement).',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const day of byDate(datedLines(view))) {
      for (const column1 of day) {
        const modifier = modifiersOfKind(column1.line, column1.dos, ctx.tables, 'distinct')[0];
        // The modifier is in its place when this line is itself column 2 of another edit.
        if (modifier === undefined || day.some((other) => editable(ctx.tables, other, column1))) continue;
        // An E/M in column 2 takes 25, never 59 (pm/em-modifier-25, code/modifier).
        const column2 = day.find((other) => editable(ctx.tables, column1, other) && !isEmCode(ctx.tables, other.line.code, other.dos)
          && modifiersOfKind(other.line, other.dos, ctx.tables, 'distinct').length === 0);
        if (column2 === undefined) continue;
        findings.push({
          segment: column1.line.sv1,
          element: modifierElement(column1.line, modifier),
          line: column1.line,
          message: `${modifier} is on ${lineLabel(column1.line)}, the column-1 code of the NCCI PTP edit with ${lineLabel(column2.line)}: put it on the column-2 code ${column2.line.code}`,
        });
      }
    }
    return findings;
  },
});

/** An indicator-1 edit in force with `column1` and `column2` on the date (the only ones 59/X bypass). */
function editable(tables: CodeTables, column1: DatedLine, column2: DatedLine): boolean {
  return column1 !== column2 && tables.ptp(column1.line.code, column2.line.code, column2.dos)?.modifierIndicator === '1';
}
