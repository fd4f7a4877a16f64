import type { Day } from '../../codesets/types.ts';
import { elementAt } from '../../x12/segment.ts';
import { defineRule, type RuleContext, type RuleFinding } from '../define-rule.ts';
import { notInForceReason } from '../support/code-dates.ts';

export const rule = defineRule({
  id: 'code/place-of-service',
  level: 5,
  defaultSeverity: 'error',
  // 277CA 249 "place of service" (x12-837p-999-277ca §3.1 C1).
  ack: { category: 'A7', status: '249' },
  source: 'x12-837p-999-277ca §3.1 C1; pain-coding-rules §7; codesets/places-of-service.json (CMS POS code set)',
  description: 'The place of service in CLM05-1, and in SV105 when a line sends one, must be a CMS place-of-service code valid on the date of service.',
  howToFix: 'Send the two-digit CMS place-of-service code where the service was performed (11 office, 22 on-campus outpatient hospital, 24 ASC …).',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    // An empty CLM05-1 is a SNIP 2 error (required element) already.
    const claimDates = view.placeOfService === '' ? [] : view.datesOfService;
    const claimProblem = claimDates.map((dos) => posProblem(view.placeOfService, dos, ctx)).find((p) => p !== null);
    if (claimProblem !== undefined) findings.push({ message: `CLM05-1 ${claimProblem}`, segment: view.clm, element: 'CLM05-1', line: null });
    for (const line of view.lines) {
      const sv105 = elementAt(line.sv1, 5);
      if (sv105 === '' || line.dos === null) continue;
      const problem = posProblem(sv105, line.dos.from, ctx);
      if (problem !== null) findings.push({ message: `SV105 ${problem}`, segment: line.sv1, element: 'SV105', line });
    }
    return findings;
  },
});

function posProblem(code: string, dos: Day, ctx: RuleContext): string | null {
  const found = ctx.tables.placeOfService(code, dos);
  if (found.status === 'active') return null;
  if (found.status === 'unknown') return `place of service '${code}' is not a CMS place-of-service code`;
  return `place of service ${code} ${notInForceReason(found.entry, dos)}`;
}
