import type { Day } from '../../codesets/types.ts';
import type { ClaimView, ServiceLineView } from '../../model/claim-view.ts';
import type { Session } from '../../ports.ts';
import type { ClaimHistory } from '../define-rule.ts';

/**
 * Reading the frequency history (pain-coding-rules §6): sessions are counted as distinct dates
 * of service, from the ledger and from the claim's own other sessions (a claim may span dates).
 */

type Family = Session['family'];
type Region = Session['region'];

/** Sorted distinct dates of a family and region in [from, to], earlier claims and this one. */
export function sessionDates(history: ClaimHistory, family: Family, region: Region, from: Day, to: Day): Day[] {
  const own = history.current.filter((s) => s.family === family && s.region === region && s.dos >= from && s.dos <= to);
  return [...new Set([...history.sessions(family, region, from, to), ...own].map((s) => s.dos))].sort();
}

/** The line a session finding points at: the first line of that date with one of the session's codes. */
export function sessionLine(view: ClaimView, session: Session): ServiceLineView | null {
  return view.lines.find((l) => l.dos?.from === session.dos && session.codes.includes(l.code)) ?? null;
}

const FAMILY_NAMES: Readonly<Record<Family, string>> = {
  ESI: 'ESI',
  FACET_DX: 'diagnostic facet',
  FACET_TX: 'therapeutic facet',
  RFA: 'facet RFA',
  SIJ_DX: 'diagnostic SI joint',
  SIJ_TX: 'therapeutic SI joint',
  TPI: 'trigger point injection',
  VISIT: 'visit',
};

const REGION_NAMES: Readonly<Record<Region, string>> = { CT: 'cervical/thoracic ', LS: 'lumbar ', SI: '', NA: '' };

/** "lumbar ESI", "diagnostic SI joint", "trigger point injection". */
export function sessionName(family: Family, region: Region): string {
  return `${REGION_NAMES[region]}${FAMILY_NAMES[family]}`;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
