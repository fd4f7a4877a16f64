import type { FrequencyLedger, Session, SessionQuery } from '../ports.ts';

/** A FrequencyLedger in memory: the tests' ledger, and the file ledger's working copy. */
export interface MemoryFrequencyLedger extends FrequencyLedger {
  /** Every recorded session, in the order it was first recorded. */
  readonly recorded: readonly Session[];
}

/**
 * Sessions are indexed the way §6.1 partitions them (patient, payer group, family, region), and
 * VISITs per patient and provider. A session is identified by patient, payer group and key, as
 * a DynamoDB item is by its partition and sort key: recording it again changes nothing.
 */
export function createMemoryFrequencyLedger(initial: readonly Session[] = []): MemoryFrequencyLedger {
  const recorded: Session[] = [];
  const identities = new Set<string>();
  const byRegion = new Map<string, Session[]>();
  const byProvider = new Map<string, Session[]>();
  const push = (map: Map<string, Session[]>, key: string, session: Session): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [session]);
    else list.push(session);
  };
  const record = (sessions: readonly Session[]): void => {
    for (const s of sessions) {
      const identity = `${s.patientKey}|${s.payerGroup}|${s.key}`;
      if (identities.has(identity)) continue;
      identities.add(identity);
      recorded.push(s);
      push(byRegion, regionKey(s), s);
      if (s.family === 'VISIT') push(byProvider, `${s.patientKey}|${s.provider}`, s);
    }
  };
  record(initial);
  return {
    recorded,
    sessions: async (q: SessionQuery) => inWindow(byRegion.get(regionKey(q)), q.from, q.to),
    record: async (sessions) => record(sessions),
    visits: async (patientKey, provider, from, to) => inWindow(byProvider.get(`${patientKey}|${provider}`), from, to),
  };
}

function regionKey(s: Pick<Session, 'patientKey' | 'payerGroup' | 'family' | 'region'>): string {
  return `${s.patientKey}|${s.payerGroup}|${s.family}|${s.region}`;
}

/** Sorted by date of service, so callers can list earlier sessions in order. */
function inWindow(sessions: readonly Session[] | undefined, from: string, to: string): Session[] {
  return (sessions ?? []).filter((s) => s.dos >= from && s.dos <= to).sort((a, b) => (a.dos < b.dos ? -1 : a.dos > b.dos ? 1 : 0));
}
