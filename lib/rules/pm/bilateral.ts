import { defineRule, type RuleFinding } from '../define-rule.ts';
import { modifierElement } from '../support/modifier-element.ts';
import { procedureLines } from '../support/procedure-lines.ts';

/** Why 50 is wrong for an MPFS bilateral indicator (0, 2, 9); 1 and 3 allow it. */
const NOT_BILATERAL: Readonly<Record<string, string>> = {
  '0': 'bilateral indicator 0: the code cannot be billed as bilateral (midline, or one per session)',
  '2': 'bilateral indicator 2: the code is already bilateral by definition',
  '9': 'bilateral indicator 9: the bilateral concept does not apply to the code',
};

export const rule = defineRule({
  id: 'pm/bilateral',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 453 "procedure code modifier(s)", at the line: the modifier set is invalid for the code.
  ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §3 (modifier 50; S5, S8, S12, S35, S36); MPFS bilateral indicator in codesets/procedures.json',
  description: 'Modifier 50 must not be combined with LT or RT on one line, and only goes on codes whose MPFS bilateral indicator allows it (1 or 3): not on 62320–62323, 20552/20553 or guidance codes.',
  howToFix: 'For a bilateral procedure send one line with 50 alone (Medicare) or two lines with LT and RT where the payer asks for it; remove 50 from codes that cannot be bilateral.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const { line, procedure } of procedureLines(view, ctx.tables)) {
      if (!line.modifiers.includes('50')) continue;
      const at = { segment: line.sv1, element: modifierElement(line, '50'), line };
      const sides = line.modifiers.filter((m) => m === 'LT' || m === 'RT');
      if (sides.length > 0) {
        findings.push({ ...at, message: `${line.code} has modifier 50 (bilateral) together with ${sides.join(' and ')} on one line: use 50 alone, or two lines with LT and RT` });
      }
      // A null indicator is unknown (pain-coding-rules §8 item 3): no finding without data.
      const why = procedure.bilateralIndicator === null ? undefined : NOT_BILATERAL[procedure.bilateralIndicator];
      if (why !== undefined) findings.push({ ...at, message: `${line.code} does not take modifier 50 (MPFS ${why})` });
    }
    return findings;
  },
});
