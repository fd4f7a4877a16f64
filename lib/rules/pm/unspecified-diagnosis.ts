import type { ProcedureFamily } from '../../codesets/types.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { withDecimalPoint } from '../support/icd10.ts';
import { diagnosisKey, hiElement, pointedDiagnoses } from '../support/pointed-diagnoses.ts';
import { procedureLines } from '../support/procedure-lines.ts';

/** Injection, block, ablation and implant families: those LCDs want the underlying condition (§4.1). */
const INTERVENTIONAL: readonly ProcedureFamily[] = ['ESI', 'FACET', 'RFA', 'SIJ', 'SIJ_RFA', 'TPI', 'JOINT', 'NERVE', 'SYMP', 'SCS', 'PUMP'];

export const rule = defineRule({
  id: 'pm/unspecified-diagnosis',
  level: 7,
  defaultSeverity: 'warning',
  // 277CA 255 "diagnosis code", at the line, should a profile make it an error.
  ack: { category: 'A7', status: '255' },
  source: 'pain-coding-rules §4.1 (R52 too nonspecific, k; keep the underlying spinal condition first); unspecified flags in codesets/diagnoses.json',
  description: 'The primary diagnosis of an interventional procedure (the first one the line points at) should not be an unspecified pain code such as R52 or M54.9.',
  howToFix: 'Point the line first at the specific, documented condition the procedure treats (e.g. M54.16 lumbar radiculopathy, M47.816 lumbar spondylosis), keeping the pain code as a secondary diagnosis.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const { line, dos, procedure } of procedureLines(view, ctx.tables)) {
      if (!INTERVENTIONAL.includes(procedure.family)) continue;
      const primary = pointedDiagnoses(view, line)[0];
      if (primary === undefined) continue;
      const found = ctx.tables.diagnosis(diagnosisKey(primary), dos);
      if (found.status !== 'active' || !found.entry.unspecified) continue;
      findings.push({
        message: `${line.code} (${procedure.family}) has the unspecified diagnosis ${withDecimalPoint(found.entry.code)} as its primary diagnosis: payers want the specific condition treated first`,
        segment: primary.segment,
        element: hiElement(primary),
        line,
      });
    }
    return findings;
  },
});
