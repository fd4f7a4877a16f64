import type { Day } from '../../codesets/types.ts';
import { componentAt } from '../../x12/segment.ts';
import { defineRule, type RuleContext, type RuleFinding } from '../define-rule.ts';
import { notInForceReason } from '../support/code-dates.ts';
import { billableChildren, diagnosisAck, ICD10_CM_FORMAT, withDecimalPoint } from '../support/icd10.ts';
import { diagnosisKey, hiElement } from '../support/pointed-diagnoses.ts';

export const rule = defineRule({
  id: 'code/diagnosis',
  level: 5,
  defaultSeverity: 'error',
  // 277CA 254 principal / 255 other diagnosis code (x12-837p-999-277ca §3.1 D1); set per finding.
  ack: { category: 'A7', status: '254' },
  source: 'x12-837p-999-277ca §3.1 D1; pain-coding-rules §4.1; codesets/diagnoses.json',
  description: 'Each ICD-10-CM code in HI must be well formed (no decimal point), billable (not a header such as M48.06, M51.36 or M54.5) and valid on the dates of service.',
  howToFix: 'Send the most specific (billable) ICD-10-CM code in force on the date of service, without the decimal point; for a header, pick the child code that the documentation supports.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const dx of view.diagnoses) {
      if (dx.qualifier === 'BK' || dx.qualifier === 'BF') continue; // ICD-9: claim/icd-version
      const element = hiElement(dx);
      const at = { segment: dx.segment, element, line: null, ack: diagnosisAck(dx) };
      const sent = componentAt(dx.segment, dx.element, 2);
      const code = diagnosisKey(dx);
      if (!ICD10_CM_FORMAT.test(code)) {
        findings.push({ ...at, message: `${element} diagnosis code '${sent}' is not an ICD-10-CM code (a letter, a digit, then 1 to 5 letters or digits)` });
        continue;
      }
      if (sent !== code) {
        const what = sent.includes('.') ? 'has a decimal point (837P sends ICD-10-CM codes without it)' : 'is lower case';
        const reason = `${sent.includes('.') ? 'remove the decimal point from' : 'upper-case'} diagnosis code '${sent}': '${code}'`;
        findings.push({ ...at, message: `${element} diagnosis code '${sent}' ${what}: send '${code}'`, fix: { kind: 'replace', segment: dx.segment, element: dx.element, component: 2, value: code, reason } });
      }
      const problem = view.datesOfService.map((dos) => tableProblem(code, dos, ctx)).find((p) => p !== null);
      if (problem !== undefined) findings.push({ ...at, ...problem, message: `${element} diagnosis code ${withDecimalPoint(code)} ${problem.message}` });
    }
    return findings;
  },
});

/** What the table says is wrong with a well-formed code on one date of service, or null. */
function tableProblem(code: string, dos: Day, ctx: RuleContext): Pick<RuleFinding, 'message' | 'severity'> | null {
  const found = ctx.tables.diagnosis(code, dos);
  if (found.status === 'inactive') return { message: notInForceReason(found.entry, dos) };
  if (found.status === 'unknown') {
    // Only the full CMS list for the fiscal year makes an unknown code invalid (rule-catalogue).
    return ctx.tables.diagnosesComplete(dos)
      ? { message: `is not a valid ICD-10-CM code on ${dos}` }
      : { message: 'is not in the loaded code set: check it against the ICD-10-CM list', severity: 'warning' };
  }
  if (found.entry.billable) return null;
  const children = billableChildren(ctx.tables, code, dos).map(withDecimalPoint);
  const use = children.length === 0 ? 'use a more specific code' : `use ${children.slice(0, -1).join(', ')}${children.length > 1 ? ' or ' : ''}${children.at(-1)}`;
  return { message: `is a header (not billable) since ${found.entry.effectiveFrom}: ${use}` };
}
