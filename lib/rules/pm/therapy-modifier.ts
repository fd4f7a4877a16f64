import { defineRule, type RuleFinding } from '../define-rule.ts';
import { procedureLines } from '../support/procedure-lines.ts';

/** Therapy plan-of-care modifiers: physical therapy, occupational therapy, speech-language pathology. */
const THERAPY_MODIFIERS = ['GP', 'GO', 'GN'];

export const rule = defineRule({
  id: 'pm/therapy-modifier',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 453 "procedure code modifier(s)", at the line: the modifier set lacks the plan modifier.
  ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §1.9, §3 (GP/GO/GN, k: IOM 100-04 ch.5); physical-medicine family PT in codesets/procedures.json',
  description: 'A physical-medicine line (97010–97799) to Medicare must carry GP, GO or GN to say under which therapy plan of care it was given.',
  howToFix: 'Add GP (physical therapy), GO (occupational therapy) or GN (speech-language pathology) to each therapy line, matching the plan of care.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    // The PT family, not the numeric range: 97151–97158 (adaptive behavior) sit inside
    // 97010–97799 but are no therapy services. Whether the payer asks for the modifiers is the
    // profile's business (off for commercial).
    for (const { line } of procedureLines(view, ctx.tables).filter((p) => p.procedure.family === 'PT')) {
      if (line.modifiers.some((m) => THERAPY_MODIFIERS.includes(m))) continue;
      findings.push({
        message: `${line.code} is a physical-medicine service without GP, GO or GN: say under which therapy plan of care it was given`,
        segment: line.sv1,
        element: 'SV101-3',
        line,
      });
    }
    return findings;
  },
});
