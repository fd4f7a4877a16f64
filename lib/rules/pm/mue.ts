import { defineRule, type RuleFinding } from '../define-rule.ts';
import { procedureLines, type ProcedureLine } from '../support/procedure-lines.ts';
import { byDate, lineLabel } from '../support/same-date.ts';

/** MUE adjudication indicators (pain-coding-rules §1, S43). */
const MAI_MEANING = { 1: 'per line', 2: 'per date of service, policy limit', 3: 'per date of service, clinical limit' } as const;

export const rule = defineRule({
  id: 'pm/mue',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 476 "missing or invalid units of service", at the line whose units go over.
  ack: { category: 'A7', status: '476' },
  source: 'pain-coding-rules §1 (NCCI practitioner MUE 2026 Q3/Q4, S26; MAI definitions S43); mue in codesets/procedures.json',
  description: 'The units of a code on one date must not exceed its medically unlikely edit: per line for MAI 1, summed over the date of service for MAI 2 and 3.',
  howToFix: 'Correct the units (one unit per session, level or joint as the code defines it); for MAI 1 codes a second line with RT/LT, 76 or 77 may carry more when it is a separate site or repeat. 59 does not bypass an MUE.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const day of byDate(procedureLines(view, ctx.tables))) {
      for (const lines of byCode(day)) {
        const { procedure, dos } = lines[0]!;
        if (procedure.mue === null) continue;
        const { units: limit, mai } = procedure.mue;
        const over = (at: ProcedureLine, units: number, what: string): RuleFinding => ({
          segment: at.line.sv1,
          element: 'SV104',
          line: at.line,
          message: `${what} ${units} units on ${dos}, above the MUE of ${procedure.code} (MUE ${limit}, MAI ${mai}: ${MAI_MEANING[mai]})`,
        });
        if (mai === 1) {
          for (const p of lines) if (unitsOf(p) > limit) findings.push(over(p, unitsOf(p), `${lineLabel(p.line)} has`));
          continue;
        }
        const total = lines.reduce((sum, p) => sum + unitsOf(p), 0);
        const last = lines[lines.length - 1]!;
        if (total > limit) findings.push(over(last, total, lines.length > 1 ? `${procedure.code} (lines ${lines.map((p) => p.line.lx ?? '?').join(', ')}) add up to` : `${lineLabel(last.line)} has`));
      }
    }
    return findings;
  },
});

/** A date's lines of each code that carry units (SV103 UN): minutes (MJ) are anesthesia time, not MUE units. */
function byCode(day: readonly ProcedureLine[]): ProcedureLine[][] {
  const groups = new Map<string, ProcedureLine[]>();
  for (const p of day) {
    if (p.line.unitType !== 'UN') continue;
    groups.set(p.procedure.code, [...(groups.get(p.procedure.code) ?? []), p]);
  }
  return [...groups.values()];
}

/** A missing or malformed SV104 is the SNIP layer's: it counts as no units here. */
function unitsOf(p: ProcedureLine): number {
  return p.line.units ?? 0;
}
