import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CodeSets } from '../codesets/code-set-file.ts';
import { createPkSkTable, documentClient } from './aws-clients.ts';
import { CODE_KINDS, type Entry, ENTRY_CODES, metaKey, PER_CODE, rollupKey, untilProcessed } from './dynamodb-code-tables.ts';

export interface SeedCodeTableOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly codeSets: CodeSets;
}

export interface SeedCounts {
  /** Entries written, per code set. */
  readonly entries: { readonly [K in keyof CodeSets]: number };
  /** Items written in all (entry, roll-up and META items). */
  readonly items: number;
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** DynamoDB's limit of requests per BatchWriteItem. */
const BATCH_WRITE_MAX = 25;

/**
 * Writes every code set into the code table (the item layout is described in
 * dynamodb-code-tables.ts) with BatchWriteItem, 25 puts a request, resending what DynamoDB
 * leaves unprocessed. Seeding is idempotent (the same sets give the same items) and additive:
 * a code removed from codesets/ keeps its items, so seed a new table for a code set that drops
 * codes (code sets normally end a code with effectiveTo instead).
 */
export async function seedCodeTable(options: SeedCodeTableOptions): Promise<SeedCounts> {
  const items = codeTableItems(options.codeSets);
  const documents = documentClient(options.client);
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH_WRITE_MAX) batches.push(items.slice(i, i + BATCH_WRITE_MAX));
  // Sequential batches: a seed is a one-off, and on demand tables throttle large parallel bursts anyway.
  for (const batch of batches) {
    await untilProcessed<WriteRequest>(
      batch.map((Item) => ({ PutRequest: { Item } })),
      async (pending) => (await documents.send(new BatchWriteCommand({ RequestItems: { [options.tableName]: [...pending] } }))).UnprocessedItems?.[options.tableName],
    );
  }
  const files = Object.keys(CODE_KINDS) as (keyof CodeSets)[];
  return {
    entries: Object.fromEntries(files.map((file) => [file, options.codeSets[file].entries.length])) as unknown as SeedCounts['entries'],
    items: items.length,
  };
}

/** Creates the code table (tests and local mode; the CDK stack creates it in AWS). */
export async function createCodeTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await createPkSkTable(client, tableName);
}

function codeTableItems(sets: CodeSets): Record<string, unknown>[] {
  return (Object.keys(CODE_KINDS) as (keyof CodeSets)[]).flatMap((file) => fileItems(file, sets[file]));
}

function fileItems<K extends keyof CodeSets>(file: K, set: CodeSets[K]): Record<string, unknown>[] {
  const kind = CODE_KINDS[file];
  const { entries, ...provenance } = set;
  const byCode = new Map<string, Entry<K>[]>();
  for (const entry of entries as readonly Entry<K>[]) {
    const code = ENTRY_CODES[file](entry);
    const list = byCode.get(code);
    if (list === undefined) byCode.set(code, [entry]);
    else list.push(entry);
  }
  const items: Record<string, unknown>[] = [];
  for (const [code, dated] of byCode) {
    const starts = new Map<string, number>();
    for (const entry of dated) {
      const start = 'effectiveFrom' in entry ? entry.effectiveFrom : 'UNDATED';
      const n = (starts.get(start) ?? 0) + 1;
      starts.set(start, n);
      items.push({ ...entry, PK: `${kind}#${code}`, SK: n === 1 ? start : `${start}#${n}` });
    }
    if (PER_CODE.has(file)) items.push({ ...rollupKey(kind, code), entries: dated });
  }
  items.push({ ...provenance, ...metaKey(file), ...(PER_CODE.has(file) ? {} : { entries }) });
  return items;
}
