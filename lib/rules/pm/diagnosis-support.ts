import type { DiagnosisSupport } from '../../codesets/types.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { diagnosisKey, pointedDiagnoses } from '../support/pointed-diagnoses.ts';
import { procedureLines } from '../support/procedure-lines.ts';
import { withDecimalPoint } from '../support/icd10.ts';

export const rule = defineRule({
  id: 'pm/diagnosis-support',
  level: 7,
  defaultSeverity: 'warning',
  // 277CA A8 (relational: diagnosis vs procedure) + 255 "diagnosis code", should a profile make it an error.
  ack: { category: 'A8', status: '255' },
  source: 'pain-coding-rules §4.2 (Medicare LCD indications; S1–S7, S12, S13, S30); codesets/diagnosis-support.json',
  description: 'At least one diagnosis a procedure line points at must be in the covered groups for its family (e.g. radiculopathy or stenosis for an ESI, not axial low back pain alone).',
  howToFix: 'Point the line (SV107) at the diagnosis that justifies the procedure, adding it to HI if it is documented; if none is documented, the payer will likely deny the line.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const { line, dos, procedure } of procedureLines(view, ctx.tables)) {
      const support = ctx.tables.diagnosisSupport(procedure.family, dos);
      const pointed = pointedDiagnoses(view, line).map(diagnosisKey);
      // No pointed diagnosis at all is claim/dx-pointer's finding.
      if (support === null || pointed.length === 0 || pointed.some((code) => matches(support.covered, code))) continue;
      findings.push({
        message: `${line.code} (${procedure.family}) points only at ${pointed.map((c) => describe(c, support)).join(', ')}, none in the diagnosis groups that support it (${support.covered.map(withDecimalPoint).join(', ')} …)`,
        segment: line.sv1,
        element: 'SV107',
        line,
      });
    }
    return findings;
  },
});

/** Groups are ICD-10-CM prefixes without the decimal point (M541 = M54.1x). */
function matches(prefixes: readonly string[], code: string): boolean {
  return prefixes.some((p) => code.startsWith(p));
}

function describe(code: string, support: DiagnosisSupport): string {
  return matches(support.notSupporting, code) ? `${withDecimalPoint(code)} (does not support ${support.family} on its own)` : withDecimalPoint(code);
}
