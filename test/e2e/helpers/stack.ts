import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { S3Event } from 'aws-lambda';
import { createDynamoClient, createS3Client, documentClient } from '../../../lib/adapters/aws-clients.ts';
import { createPatientKeyer } from '../../../lib/adapters/patient-keyer.ts';
import type { BatchValidated } from '../../../functions/validate-837/process.ts';
import { createLocalStep, type LocalStep, type LocalStepOptions } from '../../../scripts/lib/local-step.ts';
import { createLocalTables, type LocalTableNames } from '../../../scripts/lib/local-tables.ts';
import { startDynamoDbLocal } from '../../emulators/dynamodb-local.ts';
import type { Emulator } from '../../emulators/emulator.ts';
import { startS3rver, type S3Emulator } from '../../emulators/s3rver.ts';

export const BUCKET = 'claims';
export const TABLES: LocalTableNames = { codes: 'codes', ledger: 'ledger', idempotency: 'idempotency' };
/** The examples' dates of service are in autumn 2026: the invocation starts just after them. */
export const NOW = new Date('2026-12-04T10:00:00Z');

/**
 * One e2e file's emulators (s3rver with its ObjectCreated notifications, DynamoDB Local for the
 * ledger's transactions), the tables `npm start` creates, and the validate-837 step over them
 * (scripts/lib/local-step.ts, the same wiring as `npm start`).
 */
export interface Stack {
  readonly s3: S3Client;
  readonly dynamo: DynamoDBClient;
  /** Events the step published (EventBridge's stand-in), one per validation actually run. */
  readonly published: BatchValidated[];
  /** A step over the stack; `options` adds e.g. a failing bucket wrapper. */
  step(options?: Pick<LocalStepOptions, 'wrapBucket'>): Promise<LocalStep>;
  /** PUTs an object and returns the ObjectCreated event s3rver sent for it. */
  upload(key: string, bytes: Uint8Array): Promise<S3Event>;
  /** Every object under a prefix, key → bytes. */
  objects(prefix?: string): Promise<Map<string, Buffer>>;
  /** The ledger table's items, sorted by key. */
  ledger(): Promise<Record<string, unknown>[]>;
  /** Deletes the idempotency records, as their expiry would (a redelivery after a week's DLQ redrive). */
  forgetDeliveries(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const emulators: Emulator[] = [];
  try {
    const s3rver = await startS3rver([BUCKET]);
    emulators.push(s3rver);
    const local = await startDynamoDbLocal();
    emulators.push(local);
    return await openStack(s3rver, local, emulators);
  } catch (error) {
    for (const emulator of emulators) await emulator.stop();
    throw error;
  }
}

async function openStack(s3rver: S3Emulator, local: Emulator, emulators: readonly Emulator[]): Promise<Stack> {
  const s3 = createS3Client({ endpoint: s3rver.endpoint });
  const dynamo = createDynamoClient({ endpoint: local.endpoint });
  const documents = documentClient(dynamo);
  await createLocalTables(dynamo, TABLES);
  const events: S3Event[] = [];
  s3rver.events.on('event', (event: S3Event) => events.push(event));
  const published: BatchValidated[] = [];
  // One secret for the whole file: every step keys patients alike, as one deployment does.
  const keyer = createPatientKeyer(new Uint8Array(32).fill(7));
  return {
    s3,
    dynamo,
    published,
    step: (options = {}) =>
      createLocalStep({ s3, dynamo, bucketName: BUCKET, tables: TABLES, ledger: 'dynamodb', keyer, now: () => NOW, publish: (detail) => void published.push(detail), ...options }),
    async upload(key, bytes) {
      const seen = events.length;
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }));
      return waitFor(() => events.slice(seen).find((e) => e.Records.some((r) => r.eventName.startsWith('ObjectCreated:') && r.s3.object.key === key)), `the ObjectCreated event of ${key}`);
    },
    async objects(prefix = '') {
      const found = new Map<string, Buffer>();
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }));
        for (const { Key } of page.Contents ?? []) {
          const body = (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }))).Body;
          found.set(Key!, Buffer.from(await body!.transformToByteArray()));
        }
        token = page.NextContinuationToken;
      } while (token !== undefined);
      return found;
    },
    async ledger() {
      const items = (await documents.send(new ScanCommand({ TableName: TABLES.ledger, ConsistentRead: true }))).Items ?? [];
      return items.sort((a, b) => `${a.PK}\n${a.SK}`.localeCompare(`${b.PK}\n${b.SK}`));
    },
    async forgetDeliveries() {
      const items = (await documents.send(new ScanCommand({ TableName: TABLES.idempotency, ConsistentRead: true }))).Items ?? [];
      for (const { id } of items) await documents.send(new DeleteCommand({ TableName: TABLES.idempotency, Key: { id } }));
    },
    async stop() {
      s3.destroy();
      dynamo.destroy();
      for (const emulator of emulators) await emulator.stop();
    },
  };
}

/**
 * s3rver notifies over IPC, which can arrive after the PUT's response: poll briefly. Timed with
 * performance.now(): the tests stop Date.
 */
async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`no ${what} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
