import { defineRule, type RuleFinding } from '../define-rule.ts';
import { missingPrimary } from '../support/add-on.ts';
import { procedureLines } from '../support/procedure-lines.ts';
import { datedLines, lineLabel } from '../support/same-date.ts';

/**
 * CPT prolonged-service codes Medicare does not pay, and its own codes (pain-coding-rules §0
 * C6, C7; confirmed S27, S28): the brief states these as rules, not payer data.
 */
const MEDICARE_CODE_FOR: Readonly<Record<string, string>> = {
  '99417': 'G2212 (which starts later: 99205 from 89 minutes, 99215 from 69 minutes)',
  '99418': 'G0316 (hospital), G0317 (nursing facility) or G0318 (home)',
};

export const rule = defineRule({
  id: 'pm/prolonged-service',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 454 "procedure code for services rendered", at the prolonged-service line.
  ack: { category: 'A7', status: '454' },
  source: 'pain-coding-rules §0 C6–C7, §1.1 (99417/G2212, 99418/G0316–G0318; S27, S28); addOnOf in codesets/procedures.json',
  description: 'A prolonged-service add-on (99417, G2212, 99418 …) needs its level-5 or time-based primary visit (99205/99215 for 99417 and G2212) on the same date, and Medicare takes G2212 instead of 99417.',
  howToFix: 'Bill the prolonged service with its primary visit on the same date, selected on total time; for Medicare report G2212 (office) or G0316–G0318 instead of the CPT 99417/99418 codes.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    const dated = datedLines(view);
    for (const prolonged of procedureLines(view, ctx.tables)) {
      // G2212 needs its primary as much as 99417 does, so every prolonged add-on is checked
      // here from its addOnOf data (pm/add-on-primary leaves this family to this rule).
      if (prolonged.procedure.family !== 'PROLONGED' || prolonged.procedure.addOnOf.length === 0) continue;
      const at = { segment: prolonged.line.sv1, element: 'SV101-2', line: prolonged.line };
      const medicareCode = MEDICARE_CODE_FOR[prolonged.procedure.code];
      // The payer itself differs here (the brief's one profile-specific rule of this kind).
      if (ctx.profile.id === 'medicare' && medicareCode !== undefined) {
        findings.push({ ...at, message: `${lineLabel(prolonged.line)} is not payable by Medicare: report ${medicareCode}` });
      }
      const message = missingPrimary(prolonged, dated);
      if (message !== null) findings.push({ ...at, message });
    }
    return findings;
  },
});
