import type { ClaimView, ServiceLineView } from '../../model/claim-view.ts';
import { elementAt } from '../../x12/segment.ts';
import { defineRule, type RuleContext, type RuleFinding } from '../define-rule.ts';
import { modifierElement } from '../support/modifier-element.ts';
import { modifiersOfKind } from '../support/ncci-modifiers.ts';
import { procedureLines } from '../support/procedure-lines.ts';

export const rule = defineRule({
  id: 'pm/telehealth',
  level: 7,
  defaultSeverity: 'error',
  // 277CA 453 "procedure code modifier(s)" for a telehealth modifier; 249 "place of service" when POS 02/10 is the signal (set per finding).
  ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §0 C8, §3 (95, 93, GT; S29), §7 (POS 02/10); telehealth eligibility in codesets/procedures.json',
  description: 'Injections and procedures are never telehealth services: a telehealth modifier (95, 93, GT) or telehealth place of service (02, 10) must only go with telehealth-eligible codes; GT is not for Medicare 837P claims.',
  howToFix: 'Bill the procedure with the place of service where it was done and no telehealth modifier; for Medicare telehealth visits use POS 02/10 (and 95 where asked), not GT.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    for (const { line, dos, procedure } of procedureLines(view, ctx.tables)) {
      const modifier = modifiersOfKind(line, dos, ctx.tables, 'telehealth')[0];
      const pos = ctx.tables.placeOfService(line.placeOfService, dos);
      const telehealthPos = pos.status === 'active' && pos.entry.telehealth;
      if (!procedure.telehealth && (modifier !== undefined || telehealthPos)) {
        const signal = modifier !== undefined
          ? { text: `modifier ${modifier}`, segment: line.sv1, element: modifierElement(line, modifier) }
          : { text: `place of service ${line.placeOfService}`, ...posLocation(view, line), ack: { category: 'A7', status: '249' } as const };
        const { text, ...at } = signal;
        findings.push({ ...at, line, message: `${line.code} (${procedure.description}) is not a telehealth service but is billed with telehealth ${text}` });
      } else if (line.modifiers.includes('GT') && ctx.profile.id === 'medicare') {
        findings.push(gtOnMedicare(line, ctx));
      }
    }
    return findings;
  },
});

/** SV105 when the line sets its own place of service, else the claim's CLM05-1. */
function posLocation(view: ClaimView, line: ServiceLineView): Pick<RuleFinding, 'segment' | 'element'> {
  return elementAt(line.sv1, 5) === '' ? { segment: view.clm, element: 'CLM05-1' } : { segment: line.sv1, element: 'SV105' };
}

/** Medicare keeps GT for CAH Method II institutional claims (brief C8): a warning, the payer may still pay. */
function gtOnMedicare(line: ServiceLineView, ctx: RuleContext): RuleFinding {
  return {
    message: `${line.code} has modifier GT, which Medicare (${ctx.profile.id} profile) accepts only on CAH Method II institutional claims: on an 837P use POS 02 or 10 and 95 where required`,
    segment: line.sv1,
    element: modifierElement(line, 'GT'),
    line,
    severity: 'warning',
  };
}
