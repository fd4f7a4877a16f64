import { defineRule, type RuleFinding } from '../define-rule.ts';
import { missingPrimary } from '../support/add-on.ts';
import { procedureLines } from '../support/procedure-lines.ts';
import { datedLines } from '../support/same-date.ts';

export const rule = defineRule({
  id: 'pm/add-on-primary',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 454 "procedure code for services rendered", at the add-on line: an add-on code is not
  // valid on its own.
  ack: { category: 'A7', status: '454' },
  source: 'pain-coding-rules §1.1–§1.3 (add-on → primary; S5, S6, S7, S17, S18); addOnOf in codesets/procedures.json (CMS AOC file, CPT)',
  description: 'An add-on code (64480, 64484, 64491, 64492, 64494, 64495, 64634, 64636 …) must be billed with one of its primary codes on the same date of service.',
  howToFix: 'Bill the primary procedure on the same claim and date (e.g. 64483 with 64484), or, if only one level was done, bill the primary code alone instead of the add-on.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    const dated = datedLines(view);
    for (const addOn of procedureLines(view, ctx.tables)) {
      // Prolonged-service add-ons (99417, G2212, 99418 …) are pm/prolonged-service's, which also
      // judges the payer's code choice: each problem is reported once.
      if (addOn.procedure.addOnOf.length === 0 || addOn.procedure.family === 'PROLONGED') continue;
      const message = missingPrimary(addOn, dated);
      if (message !== null) findings.push({ segment: addOn.line.sv1, element: 'SV101-2', line: addOn.line, message });
    }
    return findings;
  },
});
