import { addDays } from '../../ledger/days.ts';
import { defineRule, type RuleFinding } from '../define-rule.ts';
import { sessionDates, sessionLine, sessionName } from '../support/sessions.ts';

/**
 * Two diagnostic medial branch block sessions before a facet RFA: the rule catalogue's number,
 * and both sources agree on it (Medicare facet LCDs "normally 2 (dual MBB)", the practice
 * guide's "2 per level before RFA", pain-coding-rules §6), so it is not a per-profile value.
 */
const DIAGNOSTIC_SESSIONS_BEFORE_RFA = 2;
/** "Within a year": the LCDs' rolling 12 months (§6). */
const LOOKBACK_DAYS = 365;

export const rule = defineRule({
  id: 'pm/rfa-prerequisite',
  level: 7,
  // A warning, never an error: the ledger only sees claims validated here, so blocks billed
  // elsewhere or before the ledger existed are invisible (rule catalogue).
  defaultSeverity: 'warning',
  ack: { category: 'A7', status: '732' },
  source: 'pain-coding-rules §6 (facet diagnostic before RFA; S6, S8), rule catalogue',
  description: 'A facet RFA (64633–64636) should follow two diagnostic medial branch block sessions (facet injections with KX) in the same spinal region within the year before, as far as the frequency ledger knows.',
  howToFix: 'Check that two diagnostic medial branch blocks (with KX) were done and documented before the RFA; if they were billed elsewhere, keep that record with the claim.',
  check(view, ctx) {
    if (!ctx.history.known) return [];
    const findings: RuleFinding[] = [];
    for (const session of ctx.history.current) {
      if (session.family !== 'RFA') continue;
      const dates = sessionDates(ctx.history, 'FACET_DX', session.region, addDays(session.dos, -LOOKBACK_DAYS), addDays(session.dos, -1));
      if (dates.length >= DIAGNOSTIC_SESSIONS_BEFORE_RFA) continue;
      const line = sessionLine(view, session);
      const seen = dates.length === 0 ? 'no' : `only ${dates.length}`;
      const on = dates.length === 0 ? '' : ` (on ${dates.join(', ')})`;
      findings.push({
        message: `${sessionName('RFA', session.region)} ${session.codes.join(', ')} on ${session.dos}: the ledger shows ${seen} ${sessionName('FACET_DX', session.region)} (medial branch block) session${dates.length === 1 ? '' : 's'} in the year before${on}; ${DIAGNOSTIC_SESSIONS_BEFORE_RFA} are expected before an RFA`,
        segment: line?.sv1 ?? view.clm,
        element: line === null ? null : 'SV101-2',
        line,
      });
    }
    return findings;
  },
});
