import { defineRule, type RuleFinding } from '../define-rule.ts';
import { procedureLines } from '../support/procedure-lines.ts';
import { byDate, lineLabel } from '../support/same-date.ts';

export const rule = defineRule({
  id: 'pm/tpi-one-code',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 454 "procedure code for services rendered", at the second trigger-point code's line.
  ack: { category: 'A7', status: '454' },
  source: 'pain-coding-rules §1.5, §2.2 (CPT: one of 20552/20553 per session; TPI LCD L36859, S13, S14); family TPI in codesets/procedures.json',
  description: 'Only one trigger-point injection code (20552 for one or two muscles, 20553 for three or more) may be billed per date of service.',
  howToFix: 'Bill one line for the session with the code that counts every muscle injected: 20553 when three or more muscles were injected, else 20552.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const day of byDate(procedureLines(view, ctx.tables))) {
      // The §2.2 PTP pair 20553/20552 is unconfirmed, so the CPT rule is enforced from the
      // family rather than from an NCCI indicator; a repeated code is pm/mue's.
      const tpi = day.filter((p) => p.procedure.family === 'TPI');
      const first = tpi[0];
      for (const other of tpi) {
        if (first === undefined || other.procedure.code === first.procedure.code) continue;
        findings.push({
          segment: other.line.sv1,
          element: 'SV101-2',
          line: other.line,
          message: `${lineLabel(other.line)} and ${lineLabel(first.line)} are both trigger-point injection codes on ${other.dos}: bill one code per session (20553 when three or more muscles were injected)`,
        });
      }
    }
    return findings;
  },
});
