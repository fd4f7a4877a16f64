import { defineRule, type RuleFinding } from '../define-rule.ts';
import { withDecimalPoint } from '../support/icd10.ts';
import { diagnosisKey, pointedDiagnoses } from '../support/pointed-diagnoses.ts';
import { procedureLines } from '../support/procedure-lines.ts';
import { otherRegion, SPINAL_REGION_NAME } from '../support/spinal-region.ts';

export const rule = defineRule({
  id: 'pm/region-mismatch',
  level: 7,
  defaultSeverity: 'error',
  // 277CA A8 (relational: two fields disagree) + 454 "procedure code": the code's spinal region
  // contradicts every region its diagnoses name; the 2220D loop names the line's procedure.
  ack: { category: 'A8', status: '454' },
  source: 'pain-coding-rules §1.2–§1.3 (regions CT/LS), §4.2; regions in codesets/procedures.json and diagnoses.json',
  description: 'A spinal procedure (cervical/thoracic or lumbar/sacral code) must not point only at diagnoses of the other spinal region, e.g. a lumbar 62323 pointed at M54.12 cervical radiculopathy.',
  howToFix: 'Check the level treated: fix the procedure code (e.g. 62321 vs 62323) or point the line at the diagnosis of the region that was treated.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const { line, dos, procedure } of procedureLines(view, ctx.tables)) {
      if (procedure.region === null) continue;
      // Only diagnoses that name a spinal region can contradict the code; with none, no finding.
      const regional = pointedDiagnoses(view, line).flatMap((dx) => {
        const found = ctx.tables.diagnosis(diagnosisKey(dx), dos);
        return found.status === 'unknown' || found.entry.region === null ? [] : [{ code: found.entry.code, region: found.entry.region }];
      });
      if (regional.length === 0 || regional.some((dx) => dx.region === procedure.region)) continue;
      findings.push({
        message: `${line.code} is a ${SPINAL_REGION_NAME[procedure.region]} procedure but its diagnoses name only the ${SPINAL_REGION_NAME[otherRegion(procedure.region)]} spine (${regional.map((dx) => withDecimalPoint(dx.code)).join(', ')}): wrong level or wrong code`,
        segment: line.sv1,
        element: 'SV101-2',
        line,
      });
    }
    return findings;
  },
});
