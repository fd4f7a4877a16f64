import type { PriorAuthEntry } from '../../codesets/types.ts';
import type { ClaimView, ServiceLineView } from '../../model/claim-view.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';

export const rule = defineRule({
  id: 'pm/prior-auth',
  level: 7,
  defaultSeverity: 'error',
  // 277CA A6 (missing) + 252 "entity's authorization/certification number" (X12 508 list; it
  // replaced 332, and is not in the brief's §5.4 short list), with entity PR: the payer (or its
  // review contractor) issues the number that REF*G1 carries.
  ack: { category: 'A6', status: '252', entity: 'PR' },
  source: 'pain-coding-rules §0 C21, §5 (Medicare OPD PA S30, WISeR S31, commercial seeds S40/S42); codesets/prior-auth.json',
  description: 'A procedure that needs prior authorisation for the payer, place of service, state and date of service must carry the authorisation number in REF*G1 (claim 2300 or line 2400).',
  howToFix: 'Send the prior authorisation (or WISeR/OPD unique tracking) number in REF*G1 of the claim or the line; if there is none, get the authorisation or hold the claim.',
  check(view, ctx) {
    const findings: RuleFinding[] = [];
    if (hasNumber(view.priorAuth)) return findings;
    for (const line of view.lines) {
      if (line.dos === null || hasNumber(line.priorAuth)) continue;
      const programs = ctx.tables.priorAuth(ctx.profile.id, line.code, line.dos.from).filter((e) => appliesTo(e, view, line));
      if (programs.length === 0) continue;
      findings.push({
        message: `${line.code} needs prior authorisation (${programs.map((p) => p.program).join('; ')}) at place of service ${line.placeOfService}${view.state === '' ? '' : ` in ${view.state}`} on ${line.dos.from}, but neither the claim nor the line has a REF*G1 authorisation number`,
        segment: line.sv1,
        element: 'SV101-2',
        line,
      });
    }
    return findings;
  },
});

/** PA = f(payer, state of service, POS, code, DOS) (§5); an empty list means everywhere. */
function appliesTo(entry: PriorAuthEntry, view: ClaimView, line: ServiceLineView): boolean {
  const pos = entry.placesOfService.length === 0 || entry.placesOfService.includes(line.placeOfService);
  const state = entry.states.length === 0 || entry.states.includes(view.state.toUpperCase());
  return pos && state;
}

function hasNumber(numbers: readonly string[]): boolean {
  return numbers.some((n) => n.trim() !== '');
}
