import type { CodeTables } from '../../ports.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { modifierElement } from '../support/modifier-element.ts';
import { procedureLines } from '../support/procedure-lines.ts';
import { datedLines, lineLabel, type DatedLine } from '../support/same-date.ts';

export const rule = defineRule({
  id: 'pm/em-modifier-25',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 453 "procedure code modifier(s)", at the E/M line: its modifier 25 is missing.
  ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §2.1 (NCCI PTP E/M edits, S26), §3 (modifier 25; S26, S32); global days in codesets/procedures.json (Medicare global surgery rule, k)',
  description: 'An E/M visit on the same date as a procedure with a 000 or 010 global period, or with an NCCI PTP edit against the E/M, needs modifier 25 on the E/M line.',
  howToFix: 'Append 25 to the E/M code when the visit was significant and separately identifiable from the procedure (documented); otherwise remove the E/M line: the procedure includes its usual pre-service evaluation.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    const dated = datedLines(view);
    for (const em of procedureLines(view, ctx.tables)) {
      if (em.procedure.family !== 'EM' || em.line.modifiers.includes('25')) continue;
      const reason = dated.filter((other) => other.dos === em.dos).map((other) => whyModifier25(ctx.tables, other, em)).find((r): r is string => r !== null);
      if (reason === undefined) continue;
      findings.push({
        segment: em.line.sv1,
        element: modifierElement(em.line, '25'),
        line: em.line,
        message: `E/M ${lineLabel(em.line)} is billed on ${em.dos} with ${reason}, without modifier 25: append 25 if the visit was separately identifiable, otherwise remove the E/M`,
      });
    }
    return findings;
  },
});

/** Why `other` makes the E/M need 25, or null. */
function whyModifier25(tables: CodeTables, other: DatedLine, em: DatedLine): string | null {
  const found = tables.procedure(other.line.code, other.dos);
  // Another visit is not a procedure (two E/Ms on one day are a different question).
  if (other.line === em.line || (found.status === 'active' && found.entry.family === 'EM')) return null;
  const edit = tables.ptp(other.line.code, em.line.code, em.dos);
  if (edit !== null && edit.modifierIndicator !== '9') return `${lineLabel(other.line)}, which has an NCCI PTP edit against ${em.line.code}`;
  const global = found.status === 'active' ? found.entry.globalDays : null;
  return global === '000' || global === '010' ? `${lineLabel(other.line)}, a procedure with a ${global}-day global period` : null;
}
