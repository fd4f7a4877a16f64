import type { Day, FrequencyLimit } from '../../codesets/types.ts';
import { addDays, daysBetween } from '../../ledger/days.ts';
import type { Session } from '../../ports.ts';
import { defineRule, type ClaimHistory, type RuleFinding } from '../define-rule.ts';
import { ordinal, sessionDates, sessionLine, sessionName } from '../support/sessions.ts';

const PROFILE_NAMES = { medicare: 'Medicare', commercial: 'commercial payers' } as const;

export const rule = defineRule({
  id: 'pm/frequency',
  level: 7,
  defaultSeverity: 'error',
  // 732 "inconsistent with billing guidelines": the limit is a coverage guideline, and the
  // earlier sessions are not fields of this claim, so A7 (invalid) rather than A8 (relational).
  ack: { category: 'A7', status: '732' },
  source: 'pain-coding-rules §6, §6.1 (Medicare LCDs S1–S13; commercial guide seeds); codesets/frequency-limits.json',
  description: 'A session (all lines of one family and region on one date) must not exceed the profile\'s limit of sessions in the rolling window, counting earlier batches from the ledger and earlier claims of this batch; a facet RFA must not repeat the same joint within the repeat interval.',
  howToFix: 'Check the patient\'s earlier sessions; if the limit is reached, hold the claim or document medical necessity for an appeal; if the family is wrong, correct it (KX marks a diagnostic block) or the date of service.',
  check(view, ctx) {
    if (!ctx.history.known) return [];
    const findings: RuleFinding[] = [];
    for (const session of ctx.history.current) {
      if (session.family === 'VISIT') continue;
      const limit = ctx.tables.frequencyLimit(ctx.profile.id, session.family, session.dos);
      if (limit === null) continue;
      const line = sessionLine(view, session);
      const at = { segment: line?.sv1 ?? view.clm, element: line === null ? null : 'SV101-2', line };
      const name = sessionName(session.family, session.region);
      const who = PROFILE_NAMES[ctx.profile.id];
      // Sessions are distinct dates of service (§6): a same-day session of another claim is this one.
      const dates = sessionDates(ctx.history, session.family, session.region, addDays(session.dos, 1 - limit.windowDays), session.dos);
      if (dates.length > limit.maxSessions) {
        const earlier = dates.filter((d) => d !== session.dos).join(', ');
        findings.push({ ...at, message: `${ordinal(dates.length)} ${name} session in ${limit.windowDays} days (limit ${limit.maxSessions} for ${who}): earlier sessions on ${earlier}` });
      }
      const repeat = repeatedJoint(ctx.history, session, limit);
      if (repeat !== null) {
        const days = daysBetween(repeat.dos, session.dos);
        const joint = repeat.joint.replace('#', ' side ');
        findings.push({ ...at, message: `${name} of the same joint (${joint}) ${days} days after the one on ${repeat.dos} (${who}: at least ${limit.repeatIntervalDays} days between ablations of a joint)` });
      }
    }
    return findings;
  },
});

/** The latest earlier ablation (another date, within the repeat interval) of one of the session's joints. */
function repeatedJoint(history: ClaimHistory, session: Session, limit: FrequencyLimit): { joint: string; dos: Day } | null {
  if (limit.repeatIntervalDays === null) return null;
  const from = addDays(session.dos, 1 - limit.repeatIntervalDays);
  const before = addDays(session.dos, -1);
  const earlier = [...history.sessions(session.family, session.region, from, before), ...history.current]
    .filter((s) => s.family === session.family && s.region === session.region && s.dos >= from && s.dos <= before)
    .sort((a, b) => (a.dos < b.dos ? 1 : -1));
  for (const s of earlier) {
    const joint = session.joints.find((j) => s.joints.includes(j));
    if (joint !== undefined) return { joint, dos: s.dos };
  }
  return null;
}
