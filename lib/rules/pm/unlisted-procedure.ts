import { defineRule, type RuleFinding } from '../define-rule.ts';
import { procedureLines } from '../support/procedure-lines.ts';

export const rule = defineRule({
  id: 'pm/unlisted-procedure',
  level: 7,
  defaultSeverity: 'error',
  // 277CA A6 (missing) + 454 "procedure code for services rendered": the code cannot be priced without its narrative.
  ack: { category: 'A6', status: '454' },
  source: 'pain-coding-rules §1.6 (64999: manual pricing, narrative); 005010X222A1 2400 SV101-7; unlisted codes in codesets/procedures.json',
  description: 'An unlisted procedure code (64999 and the like) must describe the service in SV101-7, since the payer prices it by hand from that narrative.',
  howToFix: 'Put a short description of what was done (technique, target, side) in SV101-7 of the line, and keep the operative note ready.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const { line } of procedureLines(view, ctx.tables).filter((p) => p.procedure.unlisted)) {
      if (line.description.trim() !== '') continue;
      findings.push({
        message: `${line.code} is an unlisted procedure code but the line has no description of the service in SV101-7`,
        segment: line.sv1,
        element: 'SV101-7',
        line,
      });
    }
    return findings;
  },
});
