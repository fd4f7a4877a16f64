import type { Day, PayerProfileId } from '../codesets/types.ts';
import type { ClaimView } from '../model/claim-view.ts';
import type { CodeTables, FrequencyLedger, PatientKeyer, Session } from '../ports.ts';
import type { ClaimHistory } from '../rules/define-rule.ts';
import { addYears } from './days.ts';
import { claimKeyPrefix, payerGroupOf, sessionsOf } from './sessions.ts';

export interface HistoryOptions {
  readonly ledger: FrequencyLedger;
  readonly tables: CodeTables;
  readonly profileId: PayerProfileId;
  readonly keyer: PatientKeyer;
  /** ISA13 of the interchange the claim came in. */
  readonly isa13: string;
}

/** No patient key, no history: the history rules stay silent rather than guess. */
export const UNKNOWN_HISTORY: ClaimHistory = { sessions: () => [], visits: () => [], current: [], known: false };

/**
 * How far back the history reaches: three years, the new-patient look-back (CPT; pain-coding-rules
 * §0 C9), which also covers every frequency window and RFA repeat interval in
 * codesets/frequency-limits.json (365 days at most), so no window needs its own query.
 */
const LOOKBACK_YEARS = 3;

/**
 * Prefetches what the history rules need for one claim (rules stay synchronous): the ledger's
 * sessions of each family and region the claim records, facet diagnostic blocks for a region
 * with an RFA (pm/rfa-prerequisite), and VISITs with the billing provider. The claim's own
 * sessions (same interchange and claim id) are left out, so a re-run never counts against itself.
 */
export async function loadHistory(view: ClaimView, options: HistoryOptions): Promise<ClaimHistory> {
  if (view.memberId === '' || view.birthDate === null) return UNKNOWN_HISTORY;
  const patientKey = options.keyer(view.payerId, view.memberId, view.birthDate);
  // 'CLAIM' keeps the claim key's input apart from any patient key's (payer id, member id, DOB).
  const claimKey = options.keyer('CLAIM', options.isa13, view.id);
  const current = sessionsOf(view, { tables: options.tables, profileId: options.profileId, patientKey, claimKey });
  const dates = current.map((s) => s.dos).sort();
  const [first, last] = [dates[0], dates.at(-1)];
  if (first === undefined || last === undefined) return { ...UNKNOWN_HISTORY, known: true };
  const from = addYears(first, -LOOKBACK_YEARS);
  const payerGroup = payerGroupOf(options.profileId, view.payerId);
  const regions = new Map<string, Pick<Session, 'family' | 'region'>>();
  for (const s of current) {
    if (s.family === 'VISIT') continue;
    regions.set(`${s.family}|${s.region}`, s);
    if (s.family === 'RFA') regions.set(`FACET_DX|${s.region}`, { family: 'FACET_DX', region: s.region });
  }
  const own = claimKeyPrefix(claimKey);
  const notOwn = (s: Session): boolean => !s.key.startsWith(own);
  const [earlier, visits] = await Promise.all([
    Promise.all([...regions.values()].map((r) => options.ledger.sessions({ patientKey, payerGroup, family: r.family, region: r.region, from, to: last }))),
    options.ledger.visits(patientKey, view.billingNpi, from, last),
  ]);
  const sessions = earlier.flat().filter(notOwn);
  const visitSessions = visits.filter(notOwn);
  const within = (s: Session, a: Day, b: Day): boolean => s.dos >= a && s.dos <= b;
  return {
    sessions: (family, region, a, b) => sessions.filter((s) => s.family === family && s.region === region && within(s, a, b)),
    visits: (a, b) => visitSessions.filter((s) => within(s, a, b)),
    current,
    known: true,
  };
}
