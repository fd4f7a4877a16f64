import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CODE_SET_FILES, type CodeSets } from '../codesets/code-set-file.ts';
import { createMemoryCodeTables } from '../codesets/memory-code-tables.ts';
import type { CodeNeeds, CodeTables } from '../ports.ts';
import { documentClient } from './aws-clients.ts';

/**
 * The code table in DynamoDB (serverless-design "Code tables in DynamoDB"): one table, string
 * keys PK and SK. Three kinds of item, all written by seedCodeTable (dynamodb-seed.ts):
 *
 * - Entry items, `PK = <kind>#<code>`, `SK = <effectiveFrom>` (`#2`, `#3` … appended when two
 *   entries of one code start the same day; `UNDATED` for payer profiles), the entry's fields as
 *   plain attributes: one item per dated entry, readable in the console, the shape a payer
 *   override (`PAYER#<payer>#<kind>#<code>`) will take.
 * - For PROC and DX, the codes a claim names, a roll-up item `PK = <kind>#<code>`, `SK = ALL`
 *   holding every dated entry of the code in `entries` (a list of maps). A lookup needs all of a
 *   code's dates to tell active from inactive, and BatchGetItem needs whole keys; the roll-up
 *   makes one 100-key BatchGetItem fetch 100 codes, where a Query per code would be 100 requests.
 * - `PK = META#<file>` (file: the codesets/ file name without .json), `SK = ALL`: the file's
 *   provenance and `complete`, and for the small files (every kind but PROC and DX, at most a few
 *   hundred entries) all their entries, so they load in the same one BatchGetItem at start.
 *
 * Entries are stored as native attributes, not a JSON string: they round-trip to the same
 * values (null, lists, numbers) and stay readable; the differential test checks the round trip.
 */
export const CODE_KINDS = {
  procedures: 'PROC',
  diagnoses: 'DX',
  modifiers: 'MOD',
  placesOfService: 'POS',
  ptp: 'PTP',
  diagnosisSupport: 'SUPPORT',
  priorAuth: 'PA',
  frequencyLimits: 'FREQ',
  profiles: 'PROFILE',
} as const satisfies { readonly [K in keyof CodeSets]: string };

export type Entry<K extends keyof CodeSets> = CodeSets[K]['entries'][number];

/** The `<code>` part of an entry's PK, matching how createMemoryCodeTables indexes each file. */
export const ENTRY_CODES: { readonly [K in keyof CodeSets]: (entry: Entry<K>) => string } = {
  procedures: (e) => e.code,
  diagnoses: (e) => e.code,
  modifiers: (e) => e.code,
  placesOfService: (e) => e.code,
  ptp: (e) => `${e.column1}|${e.column2}`,
  diagnosisSupport: (e) => e.family,
  priorAuth: (e) => `${e.profile}|${e.code}`,
  frequencyLimits: (e) => `${e.profile}|${e.family}`,
  profiles: (e) => e.id,
};

/** The kinds a claim's CodeNeeds name, read per code; every other kind is read whole. */
export const PER_CODE: ReadonlySet<keyof CodeSets> = new Set(['procedures', 'diagnoses']);

/** SK of roll-up and META items. */
export const ALL_SK = 'ALL';

export function metaKey(file: keyof CodeSets): { PK: string; SK: string } {
  return { PK: `META#${CODE_SET_FILES[file].replace(/\.json$/, '')}`, SK: ALL_SK };
}

export function rollupKey(kind: string, code: string): { PK: string; SK: string } {
  return { PK: `${kind}#${code}`, SK: ALL_SK };
}

/** DynamoDB's limit of keys per BatchGetItem. */
const BATCH_GET_MAX = 100;

export interface DynamoCodeTablesOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How long a loaded item is trusted before it is read again (a warm Lambda keeps the cache). Default 15 minutes. */
  readonly cacheTtlMs?: number;
  /** The clock, in ms (tests inject one). */
  readonly now?: () => number;
}

interface Cached<T> {
  readonly at: number;
  readonly value: T;
}

type PerCodeKind = (typeof CODE_KINDS)['procedures' | 'diagnoses'];

/**
 * CodeTables over the DynamoDB code table. It resolves once the META items are loaded (every
 * small kind and the payer profiles), so a synchronous lookup such as `profile()` works before
 * the first `prefetch`. `prefetch` then reads the roll-ups of the claim's procedures and
 * diagnoses not cached (or older than the TTL) with BatchGetItem, and reloads the META items
 * once they are older than the TTL.
 *
 * A procedure or diagnosis that was never prefetched is `unknown` (a lookup never throws and
 * never does I/O): the engine prefetches every code of a claim before its rules run, so this
 * only happens to a caller that skipped prefetch. Lookups answer exactly as
 * createMemoryCodeTables would over the same entries, because they are delegated to it: a
 * memory view over what is cached, rebuilt whenever a read changed the cache.
 */
export async function createDynamoCodeTables(options: DynamoCodeTablesOptions): Promise<CodeTables> {
  const documents = documentClient(options.client);
  const ttl = options.cacheTtlMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const rows: Record<PerCodeKind, Map<string, Cached<readonly unknown[]>>> = { PROC: new Map(), DX: new Map() };
  const fresh = (cached: Cached<unknown> | undefined): cached is Cached<unknown> => cached !== undefined && now() - cached.at < ttl;

  const loadMeta = async (): Promise<Cached<CodeSets>> => {
    const files = Object.keys(CODE_KINDS) as (keyof CodeSets)[];
    const at = now();
    const items = await batchGet(documents, options.tableName, files.map(metaKey));
    const sets = Object.fromEntries(
      files.map((file) => {
        const item = items.get(metaKey(file).PK);
        if (item === undefined) throw new Error(`code table ${options.tableName} has no ${metaKey(file).PK} item: seed it first (claimcheck seed-codes)`);
        const { PK: _pk, SK: _sk, entries, ...provenance } = item;
        return [file, { ...provenance, entries: entries ?? [] }];
      }),
    );
    return { at, value: sets as unknown as CodeSets };
  };

  let meta = await loadMeta();
  const view = (): CodeTables => {
    const cached = (kind: PerCodeKind): never[] => [...rows[kind].values()].flatMap((r) => r.value) as never[];
    return createMemoryCodeTables({
      ...meta.value,
      procedures: { ...meta.value.procedures, entries: cached('PROC') },
      diagnoses: { ...meta.value.diagnoses, entries: cached('DX') },
    });
  };
  let tables = view();

  const prefetch = async (needs: CodeNeeds): Promise<void> => {
    let changed = false;
    if (!fresh(meta)) {
      meta = await loadMeta();
      changed = true;
    }
    const wanted = [
      ...[...new Set(needs.procedures)].map((code) => ['PROC', code] as const),
      ...[...new Set(needs.diagnoses)].map((code) => ['DX', code] as const),
    ].filter(([kind, code]) => !fresh(rows[kind].get(code)));
    if (wanted.length > 0) {
      const at = now();
      const items = await batchGet(documents, options.tableName, wanted.map(([kind, code]) => rollupKey(kind, code)));
      // A code with no roll-up is not in the table: cached as no entries, so it is not asked again.
      for (const [kind, code] of wanted) rows[kind].set(code, { at, value: (items.get(rollupKey(kind, code).PK)?.entries as unknown[] | undefined) ?? [] });
      changed = true;
    }
    if (changed) tables = view();
  };

  return {
    prefetch,
    procedure: (code, dos) => tables.procedure(code, dos),
    get proceduresComplete() {
      return tables.proceduresComplete;
    },
    diagnosis: (code, dos) => tables.diagnosis(code, dos),
    diagnosesComplete: (dos) => tables.diagnosesComplete(dos),
    modifier: (code, dos) => tables.modifier(code, dos),
    get modifiersComplete() {
      return tables.modifiersComplete;
    },
    placeOfService: (code, dos) => tables.placeOfService(code, dos),
    ptp: (column1, column2, dos) => tables.ptp(column1, column2, dos),
    diagnosisSupport: (family, dos) => tables.diagnosisSupport(family, dos),
    priorAuth: (profile, code, dos) => tables.priorAuth(profile, code, dos),
    frequencyLimit: (profile, family, dos) => tables.frequencyLimit(profile, family, dos),
    profile: (id) => tables.profile(id),
  };
}

type Item = Record<string, unknown> & { readonly entries?: unknown[] };

/** Reads items by key in 100-key BatchGetItem pages; the answer maps PK to item (absent: no such item). */
async function batchGet(documents: DynamoDBDocumentClient, tableName: string, keys: readonly { PK: string; SK: string }[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const pages: { PK: string; SK: string }[][] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_MAX) pages.push(keys.slice(i, i + BATCH_GET_MAX));
  await Promise.all(
    pages.map((page) =>
      untilProcessed<Record<string, unknown>>(page, async (pending) => {
        const answer = await documents.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [...pending] } } }));
        for (const item of answer.Responses?.[tableName] ?? []) found.set(item.PK as string, item);
        return answer.UnprocessedKeys?.[tableName]?.Keys;
      }),
    ),
  );
  return found;
}

const MAX_BATCH_ATTEMPTS = 10;

/**
 * Sends a batch, then again what DynamoDB left unprocessed (throttling, the 16 MB answer limit)
 * with exponential back-off and full jitter, as AWS advises, until nothing is left.
 */
export async function untilProcessed<T>(batch: readonly T[], send: (pending: readonly T[]) => Promise<readonly T[] | undefined>): Promise<void> {
  let pending: readonly T[] | undefined = batch;
  for (let attempt = 1; pending !== undefined && pending.length > 0; attempt++) {
    if (attempt > MAX_BATCH_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} request(s) unprocessed after ${MAX_BATCH_ATTEMPTS} attempts`);
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2_000, 25 * 2 ** attempt)));
    pending = await send(pending);
  }
}
