import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lib/adapters/aws-clients.ts';
import { loadCodeSets } from '../../lib/adapters/fs-codesets.ts';
import { createDynamoCodeTables } from '../../lib/adapters/dynamodb-code-tables.ts';
import { createCodeTable, seedCodeTable } from '../../lib/adapters/dynamodb-seed.ts';
import type { CodeSets } from '../../lib/codesets/code-set-file.ts';
import { createMemoryCodeTables } from '../../lib/codesets/memory-code-tables.ts';
import type { Day, FrequencyFamily, PayerProfileId, ProcedureFamily } from '../../lib/codesets/types.ts';
import { addDays } from '../../lib/ledger/days.ts';
import type { CodeTables } from '../../lib/ports.ts';
import { startDynalite } from '../emulators/dynalite.ts';
import type { Emulator } from '../emulators/emulator.ts';

let dynalite: Emulator;
let client: DynamoDBClient;
let sets: CodeSets;
const TABLE = 'codes';

beforeAll(async () => {
  dynalite = await startDynalite();
  client = createDynamoClient({ endpoint: dynalite.endpoint });
  sets = await loadCodeSets();
  await createCodeTable(client, TABLE);
});
afterAll(async () => {
  client?.destroy();
  await dynalite?.stop();
});

/** The DynamoDB operations the adapters send, seen on the client's middleware stack. */
interface Call {
  readonly command: string;
  readonly input: Record<string, unknown>;
}
const MIDDLEWARE = 'test-calls';
afterEach(() => void client.middlewareStack.remove(MIDDLEWARE));

function watchCalls(): Call[] {
  const calls: Call[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: MIDDLEWARE },
  );
  return calls;
}

const keysOf = (call: Call, table: string): unknown[] => (call.input.RequestItems as Record<string, { Keys: unknown[] }>)[table]!.Keys;

/** Every code of the shipped sets with the days around its date ranges, and codes that are in no set. */
function sampleDays(entries: readonly { effectiveFrom: Day; effectiveTo: Day | null }[]): Day[] {
  const days = new Set<Day>(['2014-01-01', '2019-12-31', '2023-01-01', '2025-07-01', '2026-12-04']);
  for (const e of entries) {
    days.add(e.effectiveFrom).add(addDays(e.effectiveFrom, -1));
    if (e.effectiveTo !== null) days.add(e.effectiveTo).add(addDays(e.effectiveTo, 1));
  }
  return [...days];
}

describe('seedCodeTable + createDynamoCodeTables against dynalite', () => {
  let dynamo: CodeTables;
  let memory: CodeTables;

  beforeAll(async () => {
    const counts = await seedCodeTable({ client, tableName: TABLE, codeSets: sets });
    expect(counts.entries.procedures).toBe(sets.procedures.entries.length);
    expect(counts.entries.profiles).toBe(sets.profiles.entries.length);
    dynamo = await createDynamoCodeTables({ client, tableName: TABLE });
    memory = createMemoryCodeTables(sets);
    await dynamo.prefetch({
      procedures: [...sets.procedures.entries.map((e) => e.code), '99999', 'NOPE1'],
      diagnoses: [...sets.diagnoses.entries.map((e) => e.code), 'Z9999'],
    });
  });

  it('answers every procedure and diagnosis lookup as the memory tables do (active, inactive, unknown)', () => {
    const days = sampleDays([...sets.procedures.entries, ...sets.diagnoses.entries]);
    const statuses = new Set<string>();
    for (const code of [...new Set(sets.procedures.entries.map((e) => e.code)), '99999', 'NOPE1']) {
      for (const day of days) {
        const got = dynamo.procedure(code, day);
        statuses.add(got.status);
        expect(got, `${code} on ${day}`).toEqual(memory.procedure(code, day));
      }
    }
    for (const code of [...new Set(sets.diagnoses.entries.map((e) => e.code)), 'Z9999']) {
      for (const day of days) expect(dynamo.diagnosis(code, day), `${code} on ${day}`).toEqual(memory.diagnosis(code, day));
    }
    // The sample reaches all three answers, so the comparison means something.
    expect([...statuses].sort()).toEqual(['active', 'inactive', 'unknown']);
    expect(dynamo.proceduresComplete).toBe(memory.proceduresComplete);
    for (const day of days) expect(dynamo.diagnosesComplete(day)).toBe(memory.diagnosesComplete(day));
  });

  it('answers the small kinds (modifiers, POS, PTP, support, prior auth, frequency, profiles) as the memory tables do', () => {
    const days = sampleDays([...sets.modifiers.entries, ...sets.placesOfService.entries, ...sets.ptp.entries, ...sets.priorAuth.entries, ...sets.frequencyLimits.entries]);
    for (const day of days) {
      for (const code of [...sets.modifiers.entries.map((e) => e.code), 'ZZ']) expect(dynamo.modifier(code, day)).toEqual(memory.modifier(code, day));
      for (const code of [...sets.placesOfService.entries.map((e) => e.code), '00']) expect(dynamo.placeOfService(code, day)).toEqual(memory.placeOfService(code, day));
      for (const e of sets.ptp.entries) {
        expect(dynamo.ptp(e.column1, e.column2, day)).toEqual(memory.ptp(e.column1, e.column2, day));
        expect(dynamo.ptp(e.column2, e.column1, day)).toEqual(memory.ptp(e.column2, e.column1, day));
      }
      for (const family of [...new Set(sets.diagnosisSupport.entries.map((e) => e.family)), 'OTHER' as ProcedureFamily]) {
        expect(dynamo.diagnosisSupport(family, day)).toEqual(memory.diagnosisSupport(family, day));
      }
      for (const profile of ['medicare', 'commercial'] as PayerProfileId[]) {
        for (const code of [...sets.priorAuth.entries.map((e) => e.code), '20552']) expect(dynamo.priorAuth(profile, code, day)).toEqual(memory.priorAuth(profile, code, day));
        for (const family of ['ESI', 'FACET_DX', 'FACET_TX', 'RFA', 'SIJ_DX', 'SIJ_TX', 'TPI'] as FrequencyFamily[]) {
          expect(dynamo.frequencyLimit(profile, family, day)).toEqual(memory.frequencyLimit(profile, family, day));
        }
      }
    }
    for (const id of ['medicare', 'commercial'] as PayerProfileId[]) expect(dynamo.profile(id)).toEqual(memory.profile(id));
    expect(() => dynamo.profile('nobody' as PayerProfileId)).toThrow(/payer profile "nobody"/);
  });

  it('knows the small kinds and profiles before any prefetch (the engine picks a profile first)', async () => {
    const fresh = await createDynamoCodeTables({ client, tableName: TABLE });
    expect(fresh.profile('medicare')).toEqual(memory.profile('medicare'));
    expect(fresh.modifier('25', '2026-01-01')).toEqual(memory.modifier('25', '2026-01-01'));
  });

  it('treats a procedure or diagnosis that was never prefetched as unknown, without I/O', async () => {
    const fresh = await createDynamoCodeTables({ client, tableName: TABLE });
    const calls = watchCalls();
    expect(fresh.procedure('64483', '2026-01-01')).toEqual({ status: 'unknown' });
    expect(fresh.diagnosis('M5416', '2026-01-01')).toEqual({ status: 'unknown' });
    expect(calls).toEqual([]);
  });

  it('prefetches in BatchGetItem pages of at most 100 keys, each code once', async () => {
    const fresh = await createDynamoCodeTables({ client, tableName: TABLE });
    const calls = watchCalls();
    const procedures = [...new Set(sets.procedures.entries.map((e) => e.code))];
    await fresh.prefetch({ procedures: [...procedures, ...procedures], diagnoses: ['M5416'] });
    const sizes = calls.map((c) => keysOf(c, TABLE).length);
    expect(calls.every((c) => c.command === 'BatchGetItemCommand')).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(procedures.length + 1);
    expect(Math.max(...sizes)).toBe(100);
    expect(sizes.length).toBe(Math.ceil((procedures.length + 1) / 100));
    expect(fresh.procedure('64483', '2026-01-01')).toEqual(memory.procedure('64483', '2026-01-01'));
  });

  it('sends again the keys DynamoDB leaves unprocessed', async () => {
    const fresh = await createDynamoCodeTables({ client, tableName: TABLE });
    let throttled = false;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName !== 'BatchGetItemCommand' || throttled) return result;
        // As if DynamoDB had throttled: half of the answer comes back as UnprocessedKeys.
        throttled = true;
        const output = result.output as { Responses: Record<string, Record<string, unknown>[]>; UnprocessedKeys?: unknown };
        const items = output.Responses[TABLE]!;
        const held = items.splice(0, Math.ceil(items.length / 2));
        output.UnprocessedKeys = { [TABLE]: { Keys: held.map((i) => ({ PK: i.PK, SK: i.SK })) } };
        return result;
      },
      { step: 'initialize', name: MIDDLEWARE },
    );
    await fresh.prefetch({ procedures: ['64483', '64484', '62323', '64490'], diagnoses: ['M5416', 'M47816'] });
    expect(throttled).toBe(true);
    for (const code of ['64483', '64484', '62323', '64490']) expect(fresh.procedure(code, '2026-01-01')).toEqual(memory.procedure(code, '2026-01-01'));
    for (const code of ['M5416', 'M47816']) expect(fresh.diagnosis(code, '2026-01-01')).toEqual(memory.diagnosis(code, '2026-01-01'));
  });

  it('keeps rows for the TTL across prefetches (a warm Lambda), then reads them again', async () => {
    let clock = 1_000_000;
    const fresh = await createDynamoCodeTables({ client, tableName: TABLE, cacheTtlMs: 60_000, now: () => clock });
    const calls = watchCalls();
    const needs = { procedures: ['64483'], diagnoses: ['M5416'] };
    await fresh.prefetch(needs);
    expect(calls).toHaveLength(1);
    clock += 59_999;
    await fresh.prefetch(needs);
    expect(calls).toHaveLength(1);
    // A new code inside the TTL: only that code is read.
    await fresh.prefetch({ procedures: ['64483', '64484'], diagnoses: ['M5416'] });
    expect(calls.map((c) => keysOf(c, TABLE))).toEqual([expect.any(Array), [{ PK: 'PROC#64484', SK: 'ALL' }]]);
    clock += 1;
    // Past the TTL: the META items (small kinds) and the expired rows are read again; 64484 is still fresh.
    await fresh.prefetch(needs);
    const refreshed = calls.slice(2).flatMap((c) => keysOf(c, TABLE)) as { PK: string }[];
    expect(refreshed.map((k) => k.PK).filter((pk) => !pk.startsWith('META#')).sort()).toEqual(['DX#M5416', 'PROC#64483']);
    expect(refreshed.filter((k) => k.PK.startsWith('META#'))).toHaveLength(9);
    expect(fresh.procedure('64484', '2026-01-01')).toEqual(memory.procedure('64484', '2026-01-01'));
  });
});

describe('seedCodeTable details', () => {
  it('keeps two entries of one code that start the same day, resends unprocessed writes, and is idempotent', async () => {
    const table = 'codes-details';
    await createCodeTable(client, table);
    const wiser = sets.priorAuth.entries.find((e) => e.profile === 'medicare')!;
    const twin = { ...wiser, program: 'another program', states: ['XX'] };
    const custom: CodeSets = { ...sets, priorAuth: { ...sets.priorAuth, entries: [...sets.priorAuth.entries, twin] } };
    let dropped = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'BatchWriteItemCommand' || dropped > 0) return next(args);
        // As if DynamoDB had throttled: the last five puts are not written and come back unprocessed.
        const input = args.input as { RequestItems: Record<string, unknown[]> };
        const held = input.RequestItems[table]!.splice(-5);
        dropped = held.length;
        const result = await next(args);
        (result.output as { UnprocessedItems?: unknown }).UnprocessedItems = { [table]: held };
        return result;
      },
      { step: 'initialize', name: MIDDLEWARE },
    );
    const first = await seedCodeTable({ client, tableName: table, codeSets: custom });
    client.middlewareStack.remove(MIDDLEWARE);
    expect(dropped).toBe(5);
    const memory = createMemoryCodeTables(custom);
    const check = async (): Promise<void> => {
      const tables = await createDynamoCodeTables({ client, tableName: table });
      await tables.prefetch({ procedures: sets.procedures.entries.map((e) => e.code), diagnoses: [] });
      expect(tables.priorAuth('medicare', wiser.code, wiser.effectiveFrom)).toEqual(memory.priorAuth('medicare', wiser.code, wiser.effectiveFrom));
      expect(tables.priorAuth('medicare', wiser.code, wiser.effectiveFrom)).toHaveLength(2);
      for (const e of sets.procedures.entries) expect(tables.procedure(e.code, e.effectiveFrom)).toEqual(memory.procedure(e.code, e.effectiveFrom));
    };
    await check();
    expect(await seedCodeTable({ client, tableName: table, codeSets: custom })).toEqual(first);
    await check();
  });

  it('refuses to open a table that was never seeded, saying so', async () => {
    await createCodeTable(client, 'codes-empty');
    await expect(createDynamoCodeTables({ client, tableName: 'codes-empty' })).rejects.toThrow(/no META#procedures item: seed it first/);
  });
});
