import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Day } from '../codesets/types.ts';
import { type FrequencyLedger, LedgerConflictError, type Session, type SessionQuery } from '../ports.ts';
import { createPkSkTable, documentClient } from './aws-clients.ts';

/**
 * The frequency ledger in DynamoDB (pain-coding-rules §6.1, serverless-design "race-free
 * frequency ledger"). One table, string keys PK and SK:
 *
 * - A counted session: `PK = PAT#<patient key>#PAYER#<payer group>`,
 *   `SK = FAM#<family>#REG#<region>#DOS#<yyyy-mm-dd>#KEY#<session key>`. One partition per
 *   patient and payer group keeps a patient's history together; family and region lead the sort
 *   key so a window is one Query (`SK BETWEEN …DOS#<from> AND …DOS#<to>$`, `$` sorting just
 *   after `#`), in date order. The session key (interchange, claim, line) makes the item unique
 *   per claim line, so a redelivered batch writes the same item again, which the put's
 *   `attribute_not_exists(SK)` turns away.
 * - A VISIT (any service, for the new-patient check): `PK = PAT#<patient key>#VISIT`,
 *   `SK = FAM#VISIT#PROV#<billing NPI>#DOS#…#KEY#…`. New-patient status is per provider and
 *   not per payer (`visits()` has no payer group), so VISITs have their own partition, and the
 *   provider takes the region's place in the sort key.
 * - A counter per (patient, payer group, family, region), or (patient, provider) for VISITs:
 *   same PK, `SK = CTR#FAM#<family>#REG#<region>` (`CTR#FAM#VISIT#PROV#<npi>`), holding
 *   `version`. Every recording transaction raises it by one on the condition that it still holds
 *   the value read before the sessions were judged: that is the optimistic lock that keeps two
 *   concurrent validations from both accepting a session over the limit.
 *
 * Items hold the session's fields as attributes: keyed patient hashes, payer groups, NPIs,
 * codes and dates, no names, member ids or birth dates.
 *
 * One ledger serves one validation at a time (Lambda: one per invocation): `record` checks the
 * versions this ledger's last `sessions`/`visits` read for each counter; a counter never read
 * here is read just before writing (nothing was judged on it, so nothing read can be stale).
 */
export interface DynamoFrequencyLedgerOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

/** TransactWriteItems takes at most 100 items: 99 sessions and the counter. */
const MAX_PUTS_PER_TRANSACTION = 99;

interface Counter {
  readonly PK: string;
  /** FAM#<family>#REG#<region> or FAM#VISIT#PROV#<npi>: the counter's sessions' SK prefix. */
  readonly scope: string;
}

export function createDynamoFrequencyLedger(options: DynamoFrequencyLedgerOptions): FrequencyLedger {
  const documents = documentClient(options.client);
  const table = options.tableName;
  const versions = new Map<string, number>();
  const idOf = (counter: Counter): string => `${counter.PK}\n${counter.scope}`;

  const readVersion = async (counter: Counter): Promise<number> => {
    const { Item } = await documents.send(new GetCommand({ TableName: table, Key: { PK: counter.PK, SK: `CTR#${counter.scope}` }, ConsistentRead: true }));
    const version = (Item?.version as number | undefined) ?? 0;
    versions.set(idOf(counter), version);
    return version;
  };

  /**
   * The counter is read before the sessions, both strongly consistent: a recording that commits
   * between the two reads is then either seen in the sessions or caught by the version check,
   * never missed by both (the other order could pair old sessions with the new version).
   */
  const read = async (counter: Counter, from: Day, to: Day): Promise<Session[]> => {
    await readVersion(counter);
    const sessions: Session[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': counter.PK, ':from': `${counter.scope}#DOS#${from}`, ':to': `${counter.scope}#DOS#${to}$` },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) sessions.push(sessionOf(item));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return sessions;
  };

  /** Writes one counter's sessions in transactions of at most 100 items. */
  const recordUnder = async (counter: Counter, sessions: readonly Session[]): Promise<void> => {
    const id = idOf(counter);
    let version = versions.get(id) ?? (await readVersion(counter));
    for (let i = 0; i < sessions.length; i += MAX_PUTS_PER_TRANSACTION) {
      let puts = sessions.slice(i, i + MAX_PUTS_PER_TRANSACTION);
      while (puts.length > 0) {
        const reasons = await transact(documents, table, counter, puts, version);
        if (reasons === null) {
          version += 1;
          versions.set(id, version);
          break;
        }
        // Sessions already there were recorded by an earlier delivery of the same claim: done.
        const recorded = new Set(puts.filter((_, n) => reasons[n] === 'ConditionalCheckFailed'));
        puts = puts.filter((s) => !recorded.has(s));
        if (puts.length === 0) break;
        // The version moved (another validation recorded for this counter), or a transaction on
        // the same items was in flight: what was judged may be stale, so the engine re-reads.
        if (reasons.some((code) => code === 'TransactionConflict') || reasons.at(-1) === 'ConditionalCheckFailed') {
          throw new LedgerConflictError(`the frequency ledger changed for ${counter.scope} since it was read`);
        }
        if (recorded.size === 0) throw new Error(`the frequency ledger transaction for ${counter.scope} was cancelled: ${reasons.join(', ')}`);
      }
    }
  };

  return {
    sessions: (query) => {
      if (query.family === 'VISIT') throw new RangeError('VISIT sessions are per provider: read them with visits()');
      return read(familyCounter(query), query.from, query.to);
    },
    visits: (patientKey, provider, from, to) => read(visitCounter(patientKey, provider), from, to),
    async record(sessions) {
      const byCounter = new Map<string, { counter: Counter; sessions: Map<string, Session> }>();
      for (const s of sessions) {
        const counter = counterOf(s);
        const group = byCounter.get(idOf(counter)) ?? { counter, sessions: new Map<string, Session>() };
        byCounter.set(idOf(counter), group);
        // One item per key: a transaction may not name the same item twice.
        if (!group.sessions.has(s.key)) group.sessions.set(s.key, s);
      }
      for (const { counter, sessions: group } of byCounter.values()) await recordUnder(counter, [...group.values()]);
    },
  };
}

/** Creates the ledger table (tests and local mode; the CDK stack creates it in AWS). */
export async function createLedgerTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await createPkSkTable(client, tableName);
}

function counterOf(s: Session): Counter {
  return s.family === 'VISIT' ? visitCounter(s.patientKey, s.provider) : familyCounter(s);
}

function visitCounter(patientKey: string, provider: string): Counter {
  return { PK: `PAT#${patientKey}#VISIT`, scope: `FAM#VISIT#PROV#${provider}` };
}

function familyCounter(s: Pick<SessionQuery, 'patientKey' | 'payerGroup' | 'family' | 'region'>): Counter {
  return { PK: `PAT#${s.patientKey}#PAYER#${s.payerGroup}`, scope: `FAM#${s.family}#REG#${s.region}` };
}

/**
 * Puts the sessions (each only if absent) and raises the counter from `version` in one
 * transaction. Null when it committed, else the cancellation reason code of each item, in order
 * (the sessions, then the counter).
 */
async function transact(documents: DynamoDBDocumentClient, table: string, counter: Counter, sessions: readonly Session[], version: number): Promise<string[] | null> {
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          ...sessions.map((s) => ({
            Put: {
              TableName: table,
              Item: { ...s, PK: counter.PK, SK: `${counter.scope}#DOS#${s.dos}#KEY#${s.key}` },
              ConditionExpression: 'attribute_not_exists(SK)',
            },
          })),
          {
            Update: {
              TableName: table,
              Key: { PK: counter.PK, SK: `CTR#${counter.scope}` },
              UpdateExpression: 'SET #version = :next',
              ConditionExpression: version === 0 ? 'attribute_not_exists(SK)' : '#version = :read',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: version === 0 ? { ':next': 1 } : { ':next': version + 1, ':read': version },
            },
          },
        ],
      }),
    );
    return null;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    return (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  }
}

function sessionOf(item: Record<string, unknown>): Session {
  const { patientKey, payerGroup, family, provider, region, dos, key, side, codes, joints } = item as unknown as Session;
  return { patientKey, payerGroup, family, provider, region, dos, key, side, codes, joints };
}
