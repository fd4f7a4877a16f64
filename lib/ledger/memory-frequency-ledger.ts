import type { FrequencyLedger, Session, SessionQuery } from '../ports.ts';

/** A FrequencyLedger in memory: the tests' ledger, and the file ledger's working copy. */
export interface MemoryFrequencyLedger extends FrequencyLedger {
  /** Every recorded session, in the order it was first recorded. */
  readonly recorded: readonly Session[];
}

/**
 * Sessions are indexed the way §6.1 partitions them (patient, payer group, family, region), and
 * VISITs per patient and provider. A session is identified by its partition and its key, as a
 * DynamoDB item is by its partition and sort key: recording it again changes nothing.
 *
 * The ledger holds every session of a run (frequency limits count the batch's earlier claims),
 * so it is kept lean: no identity strings beside the indexes, and the strings that repeat
 * across sessions (payer group, provider, empty lists) are shared.
 */
export function createMemoryFrequencyLedger(initial: readonly Session[] = []): MemoryFrequencyLedger {
  const recorded: Session[] = [];
  const byRegion = new Map<string, Map<string, Session>>();
  const byProvider = new Map<string, Session[]>();
  const shared = new Map<string, string>();
  const intern = (value: string): string => {
    const known = shared.get(value);
    if (known !== undefined) return known;
    shared.set(value, value);
    return value;
  };
  const record = (sessions: readonly Session[]): void => {
    for (const s of sessions) {
      const partition = regionKey(s);
      let group = byRegion.get(partition);
      if (group === undefined) byRegion.set(partition, (group = new Map()));
      if (group.has(s.key)) continue;
      const lean: Session = { ...s, payerGroup: intern(s.payerGroup), provider: intern(s.provider), joints: s.joints.length === 0 ? NONE : s.joints };
      group.set(s.key, lean);
      recorded.push(lean);
      if (s.family !== 'VISIT') continue;
      const visits = `${s.patientKey}|${s.provider}`;
      const list = byProvider.get(visits);
      if (list === undefined) byProvider.set(visits, [lean]);
      else list.push(lean);
    }
  };
  record(initial);
  return {
    recorded,
    sessions: async (q: SessionQuery) => inWindow(byRegion.get(regionKey(q))?.values(), q.from, q.to),
    record: async (sessions) => record(sessions),
    visits: async (patientKey, provider, from, to) => inWindow(byProvider.get(`${patientKey}|${provider}`), from, to),
  };
}

const NONE: readonly string[] = Object.freeze([]);

function regionKey(s: Pick<Session, 'patientKey' | 'payerGroup' | 'family' | 'region'>): string {
  return `${s.patientKey}|${s.payerGroup}|${s.family}|${s.region}`;
}

/** Sorted by date of service, so callers can list earlier sessions in order. */
function inWindow(sessions: Iterable<Session> | undefined, from: string, to: string): Session[] {
  return [...(sessions ?? [])].filter((s) => s.dos >= from && s.dos <= to).sort((a, b) => (a.dos < b.dos ? -1 : a.dos > b.dos ? 1 : 0));
}
