import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lib/adapters/aws-clients.ts';
import { createDynamoFrequencyLedger, createLedgerTable } from '../../lib/adapters/dynamodb-frequency-ledger.ts';
import { createMemoryFrequencyLedger } from '../../lib/ledger/memory-frequency-ledger.ts';
import { type FrequencyLedger, LedgerConflictError, type Session } from '../../lib/ports.ts';
import { dynamoDbLocalUnavailable, startDynamoDbLocal } from '../emulators/dynamodb-local.ts';
import type { Emulator } from '../emulators/emulator.ts';
import { session } from '../ledger/session-fixture.ts';

// The ledger's optimistic concurrency needs TransactWriteItems, which dynalite lacks: these
// tests run against DynamoDB Local (the official jar), which needs Java.
const unavailable = dynamoDbLocalUnavailable();
if (unavailable !== null) console.warn(`skipping the DynamoDB ledger tests: ${unavailable}`);

let local: Emulator;
let client: DynamoDBClient;
let tables = 0;

/** A fresh table per test, so tests stay independent on one emulator. */
async function freshLedger(): Promise<{ table: string; open: () => FrequencyLedger }> {
  const table = `ledger-${++tables}`;
  await createLedgerTable(client, table);
  return { table, open: () => createDynamoFrequencyLedger({ client, tableName: table }) };
}

const esi = { patientKey: 'P1', payerGroup: 'MEDICARE-FFS', family: 'ESI', region: 'LS' } as const;
const window2026 = { ...esi, from: '2026-01-01', to: '2026-12-31' };

/** Both ledgers answer in date order; within a day DynamoDB orders by key (the sort key's end). */
const byDateAndKey = (sessions: readonly Session[]): Session[] =>
  [...sessions].sort((a, b) => (a.dos === b.dos ? (a.key < b.key ? -1 : 1) : a.dos < b.dos ? -1 : 1));

describe.skipIf(unavailable !== null)(`createDynamoFrequencyLedger against DynamoDB Local${unavailable === null ? '' : ` (skipped: ${unavailable})`}`, () => {
  beforeAll(async () => {
    local = await startDynamoDbLocal();
    client = createDynamoClient({ endpoint: local.endpoint });
  }, 60_000);
  afterAll(async () => {
    client?.destroy();
    await local?.stop();
  });

  it('answers sessions and visits as the memory ledger does, every field intact', async () => {
    const { open } = await freshLedger();
    const recorded: Session[] = [];
    // Patients, payer groups, families, regions, providers and dates around a 2026 window.
    for (const [p, patientKey] of ['P1', 'P2'].entries()) {
      for (const payerGroup of ['MEDICARE-FFS', 'COMM-X']) {
        for (const [f, family] of (['ESI', 'FACET_DX', 'TPI', 'VISIT'] as const).entries()) {
          for (const [d, dos] of ['2025-12-31', '2026-01-01', '2026-06-15', '2026-12-31', '2027-01-01'].entries()) {
            const region = family === 'ESI' ? (['LS', 'CT'] as const)[d % 2]! : family === 'FACET_DX' ? 'LS' : 'NA';
            const provider = ['1234567893', '1999999992'][(d + f) % 2]!;
            const key = `00000000${p}#C-${payerGroup}-${family}-${d}#${d + 1}`;
            recorded.push({ patientKey, payerGroup, family, region, provider, dos, key, side: d === 2 ? 'B' : null, codes: ['64483', '64484'].slice(0, d % 3), joints: d === 3 ? ['L4-5-L'] : [] });
          }
        }
      }
    }
    await open().record(recorded);
    const memory = createMemoryFrequencyLedger(recorded);
    const dynamo = open();
    for (const patientKey of ['P1', 'P2', 'P3']) {
      for (const provider of ['1234567893', '1999999992']) {
        expect(await dynamo.visits(patientKey, provider, '2026-01-01', '2026-12-31')).toEqual(byDateAndKey(await memory.visits(patientKey, provider, '2026-01-01', '2026-12-31')));
      }
      for (const payerGroup of ['MEDICARE-FFS', 'COMM-X']) {
        for (const [family, region] of [['ESI', 'LS'], ['ESI', 'CT'], ['FACET_DX', 'LS'], ['TPI', 'NA'], ['RFA', 'LS']] as const) {
          for (const [from, to] of [['2026-01-01', '2026-12-31'], ['2026-01-02', '2026-12-30'], ['2020-01-01', '2030-01-01']]) {
            const query = { patientKey, payerGroup, family, region, from: from!, to: to! };
            expect(await dynamo.sessions(query), JSON.stringify(query)).toEqual(byDateAndKey(await memory.sessions(query)));
          }
        }
      }
    }
    expect((await dynamo.sessions(window2026)).map((s) => s.dos)).toEqual(['2026-06-15']);
    expect(() => dynamo.sessions({ ...window2026, family: 'VISIT' })).toThrow(RangeError);
  });

  it('records a claim line once: a redelivery (same keys) is accepted and changes nothing', async () => {
    const { table, open } = await freshLedger();
    const line1 = session({ family: 'ESI', dos: '2026-03-01', key: '000000001#C-1#1' });
    const line2 = session({ family: 'ESI', dos: '2026-04-01', key: '000000001#C-1#2' });
    const first = open();
    await first.sessions(window2026);
    await first.record([line1]);
    // The redelivery read the ledger after the first delivery, and records line 1 again plus line 2.
    const again = open();
    await again.sessions(window2026);
    await again.record([line1, { ...line1, codes: ['changed'] }, line2]);
    // A third delivery that read before anything was recorded: all its sessions exist, so it is done.
    const stale = open();
    await stale.record([line1, line2]);
    expect(await open().sessions(window2026)).toEqual([line1, line2]);
    const items = await client.send(new ScanCommand({ TableName: table }));
    expect(items.Items?.map((i) => i.SK?.S).sort()).toEqual([
      'CTR#FAM#ESI#REG#LS',
      'FAM#ESI#REG#LS#DOS#2026-03-01#KEY#000000001#C-1#1',
      'FAM#ESI#REG#LS#DOS#2026-04-01#KEY#000000001#C-1#2',
    ]);
  });

  it('lets exactly one of two concurrent validations record a 4th session; the other conflicts, re-reads and sees 4', async () => {
    const { open } = await freshLedger();
    const prior = ['2026-01-10', '2026-03-10', '2026-05-10'].map((dos, i) => session({ family: 'ESI', dos, key: `000000001#PRIOR-${i}#1` }));
    await open().record(prior);
    const [a, b] = [open(), open()];
    const [seenA, seenB] = await Promise.all([a.sessions(window2026), b.sessions(window2026)]);
    expect([seenA.length, seenB.length]).toEqual([3, 3]);
    const results = await Promise.allSettled([
      a.record([session({ family: 'ESI', dos: '2026-07-01', key: '000000002#A#1' })]),
      b.record([session({ family: 'ESI', dos: '2026-07-02', key: '000000003#B#1' })]),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(LedgerConflictError);
    const loser = results[0]!.status === 'rejected' ? a : b;
    expect(await loser.sessions(window2026)).toHaveLength(4);
  });

  it('accepts exactly the allowed number of sessions when several validations race (engine-style re-judging)', async () => {
    const { open } = await freshLedger();
    const LIMIT = 4;
    // Each validation: read the window, judge (accept while under the limit), record; on a
    // conflict read again and judge again, as the rule engine does.
    const validate = async (n: number): Promise<'accepted' | 'rejected'> => {
      const ledger = open();
      for (let attempt = 1; attempt <= 20; attempt++) {
        if ((await ledger.sessions(window2026)).length >= LIMIT) return 'rejected';
        try {
          await ledger.record([session({ family: 'ESI', dos: `2026-08-${String(n + 1).padStart(2, '0')}`, key: `00000000${n}#RACE#1` })]);
          return 'accepted';
        } catch (error) {
          if (!(error instanceof LedgerConflictError)) throw error;
        }
      }
      throw new Error('no decision after 20 attempts');
    };
    const outcomes = await Promise.all(Array.from({ length: 7 }, (_, n) => validate(n)));
    expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(LIMIT);
    expect(await open().sessions(window2026)).toHaveLength(LIMIT);
  });

  it('reads a counter it never read before recording on it, and keeps its own version after recording', async () => {
    const { open } = await freshLedger();
    const ledger = open();
    const s1: Session = session({ family: 'TPI', dos: '2026-02-01', key: 'x#1#1' });
    await ledger.record([s1]);
    await ledger.record([session({ family: 'TPI', dos: '2026-03-01', key: 'x#2#1' })]);
    const other = open();
    await other.sessions({ ...esi, family: 'TPI', region: 'NA', from: '2026-01-01', to: '2026-12-31' });
    await ledger.record([session({ family: 'TPI', dos: '2026-04-01', key: 'x#3#1' })]);
    await expect(other.record([session({ family: 'TPI', dos: '2026-05-01', key: 'y#1#1' })])).rejects.toBeInstanceOf(LedgerConflictError);
    expect(await open().sessions({ ...esi, family: 'TPI', region: 'NA', from: '2026-01-01', to: '2026-12-31' })).toHaveLength(3);
  });
});
