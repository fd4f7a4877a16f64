import { addDays, addYears } from '../../ledger/days.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';

/** CPT's new-patient office visits (pain-coding-rules §1.1). */
const NEW_PATIENT_CODES: ReadonlySet<string> = new Set(['99202', '99203', '99204', '99205']);
/** A patient is new without a professional service from the same provider in three years (§0 C9). */
const LOOKBACK_YEARS = 3;

export const rule = defineRule({
  id: 'pm/new-patient',
  level: 7,
  // A warning: the ledger sees only claims validated here, and "same provider" is the billing
  // NPI, not CPT's "same specialty in the same group" (§0 C9), which the claim cannot show.
  defaultSeverity: 'warning',
  // 454 "procedure code for services rendered": the visit code is the new-patient one.
  ack: { category: 'A7', status: '454' },
  source: 'pain-coding-rules §0 C9, §1.1 (CPT / CMS IOM 100-04 ch.12 §30.6.7); rule catalogue',
  description: 'A new-patient office visit (99202–99205) for a patient the frequency ledger shows had a professional service from the same billing provider in the three years before.',
  howToFix: 'Bill the established-patient visit (99212–99215) at the documented level, unless the earlier service was by a physician of a different specialty in the group.',
  check(view, ctx) {
    if (!ctx.history.known) return [];
    const findings: RuleFinding[] = [];
    for (const line of view.lines) {
      if (line.dos === null || !NEW_PATIENT_CODES.has(line.code)) continue;
      const from = addYears(line.dos.from, -LOOKBACK_YEARS);
      const to = addDays(line.dos.from, -1);
      const ownEarlier = ctx.history.current.filter((s) => s.family === 'VISIT' && s.dos >= from && s.dos <= to);
      const dates = [...new Set([...ctx.history.visits(from, to), ...ownEarlier].map((s) => s.dos))].sort();
      if (dates.length === 0) continue;
      findings.push({
        message: `new-patient visit ${line.code} on ${line.dos.from}, but billing provider ${view.billingNpi} billed a service for this patient on ${dates.join(', ')}, within three years`,
        segment: line.sv1,
        element: 'SV101-2',
        line,
      });
    }
    return findings;
  },
});
