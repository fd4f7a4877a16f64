import { defineRule, type RuleFinding } from '../define-rule.ts';
import { lineSide } from '../support/line-side.ts';
import { modifiersOfKind } from '../support/ncci-modifiers.ts';
import { procedureLines } from '../support/procedure-lines.ts';

export const rule = defineRule({
  id: 'pm/laterality',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 453 "procedure code modifier(s)", at the line: the side modifier the code needs is not there.
  ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §3 (LT/RT, 50; S12, S43); unilateral-eligible codes in codesets/procedures.json (sided)',
  description: 'A procedure done on one side or both (transforaminal epidural, facet, RFA, SI joint, joint injection, nerve block) must say which: LT, RT or 50.',
  howToFix: 'Add RT or LT for a one-sided procedure, or 50 (one line, one unit) for both sides; some payers want two lines with LT and RT instead of 50.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const { line, dos, procedure } of procedureLines(view, ctx.tables)) {
      if (!procedure.sided || lineSide(line) !== null) continue;
      // Anatomic modifiers for fingers, toes and eyelids (FA–F9, TA–T9, E1–E4) each name one side
      // (F0–F4 left hand, F5–F9 right hand …), so a small-joint injection carrying one says where
      // it was done. Which modifiers count is data: kind 'side' in codesets/modifiers.json.
      if (modifiersOfKind(line, dos, ctx.tables, 'side').length > 0) continue;
      findings.push({
        message: `${line.code} (${procedure.description}) is done on one side or both but has neither LT, RT nor 50: say which side was treated`,
        segment: line.sv1,
        element: 'SV101-3',
        line,
      });
    }
    return findings;
  },
});
