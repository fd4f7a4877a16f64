import type { ProcedureFamily } from '../../codesets/types.ts';
import type { CodeTables } from '../../ports.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { procedureLines, type ProcedureLine } from '../support/procedure-lines.ts';
import { byDate, lineLabel } from '../support/same-date.ts';

/** Families that are not needle procedures, so no guidance line can be for them. */
const NOT_GUIDED: ReadonlySet<ProcedureFamily> = new Set(['EM', 'PROLONGED', 'IMAGING', 'PT', 'PSYCH', 'DRUG']);

export const rule = defineRule({
  id: 'pm/imaging-included',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 454 "procedure code for services rendered", at the guidance line: that line's code is
  // not reportable with the procedure (A7 invalid; the relation is named in the message).
  ack: { category: 'A7', status: '454' },
  source: 'pain-coding-rules §0 C15–C17, §1.8 (CPT: imaging inherent in 62321, 62323, 64479–64484, 64490–64495, 64633–64636, 27096, 20604/20606/20611; S23, S36); imagingIncluded/guidance in codesets/procedures.json',
  description: 'A separately billed guidance code (77002, 77003, 77012, 76942, 77021) must not go with a procedure on the same date whose code already includes imaging guidance.',
  howToFix: 'Remove the guidance line: the procedure code pays for the imaging. Keep it only when it guided a different procedure that day whose code does not include imaging, and document that.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const day of byDate(procedureLines(view, ctx.tables))) {
      for (const guidance of day.filter((p) => p.procedure.guidance)) {
        // A PTP edit in force for the pair belongs to pm/ncci-ptp, which applies its confirmed
        // modifier indicator and bypasses (§2.1: 20611/76942, 64483/76942 …): reported once.
        const including = day.filter((p) => p.procedure.imagingIncluded && !edited(ctx.tables, p, guidance));
        const host = including[0];
        if (host === undefined) continue;
        const at = { segment: guidance.line.sv1, element: 'SV101-2', line: guidance.line };
        const what = `${lineLabel(guidance.line)} is imaging guidance billed on ${guidance.dos} with ${lineLabel(host.line)}, whose code already includes imaging guidance`;
        const other = day.find((p) => !p.procedure.imagingIncluded && !p.procedure.guidance && !NOT_GUIDED.has(p.procedure.family));
        if (other !== undefined) {
          // The guidance may be for the other procedure (e.g. 77002 for a 64405 block): a
          // warning to check, and nothing to drop automatically.
          findings.push({ ...at, severity: 'warning', message: `${what}; keep it only if it guided ${lineLabel(other.line)}, and document that` });
        } else {
          const fix = guidance.line.lx === null ? {} : { fix: { kind: 'drop-line' as const, line: guidance.line.lx, reason: `drop ${lineLabel(guidance.line)}: imaging guidance is included in ${host.procedure.code} (CPT)` } };
          findings.push({ ...at, ...fix, message: `${what}: remove ${guidance.procedure.code}` });
        }
      }
    }
    return findings;
  },
});

function edited(tables: CodeTables, procedure: ProcedureLine, guidance: ProcedureLine): boolean {
  const edit = tables.ptp(procedure.procedure.code, guidance.procedure.code, guidance.dos);
  return edit !== null && edit.modifierIndicator !== '9';
}
