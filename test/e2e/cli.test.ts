import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { S3Event } from 'aws-lambda';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient, createS3Client, documentClient } from '../../lib/adapters/aws-clients.ts';
import { createCodeTable } from '../../lib/adapters/dynamodb-seed.ts';
import { LOCAL_TABLES } from '../../lib/cli/seed-codes.ts';
import { createLocalTables } from '../../scripts/lib/local-tables.ts';
import { dynamoDbLocalUnavailable, startDynamoDbLocal } from '../emulators/dynamodb-local.ts';
import type { Emulator } from '../emulators/emulator.ts';
import { startS3rver, type S3Emulator } from '../emulators/s3rver.ts';
import { cannotRun, claimcheck, deadEndpoint, ROOT } from './helpers/bin.ts';

/**
 * The CLI's AWS commands against the emulators, through the real bin: `put` into s3rver,
 * `seed-codes` and `validate --dynamodb-endpoint` against DynamoDB Local (the ledger needs its
 * transactions). The tables `npm start` makes are created up front under their default names.
 */
const unavailable = dynamoDbLocalUnavailable();
if (unavailable !== null) console.warn(`skipping the CLI e2e tests: ${unavailable}`);

const BUCKET = 'claimcheck-local';
const FIXED = ['--now', '2026-12-04T10:00:00Z', '--control-number', '7001', '--as-of', '2026-12-04'];

let s3rver: S3Emulator;
let local: Emulator;
let s3: S3Client;
let dynamo: DynamoDBClient;
let dead: string;
const events: S3Event[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'claimcheck-e2e-cli-'));

describe.skipIf(unavailable !== null)(`claimcheck put, seed-codes and validate --dynamodb-endpoint${unavailable === null ? '' : ` (skipped: ${unavailable})`}`, () => {
  beforeAll(async () => {
    [s3rver, local] = await Promise.all([startS3rver([BUCKET, 'other']), startDynamoDbLocal()]);
    s3rver.events.on('event', (event: S3Event) => events.push(event));
    s3 = createS3Client({ endpoint: s3rver.endpoint });
    dynamo = createDynamoClient({ endpoint: local.endpoint });
    await createLocalTables(dynamo, LOCAL_TABLES);
    await createCodeTable(dynamo, 'unseeded');
    dead = await deadEndpoint();
  }, 120_000);
  afterAll(async () => {
    s3?.destroy();
    dynamo?.destroy();
    await Promise.all([s3rver?.stop(), local?.stop()]);
  });

  const object = async (bucket: string, key: string): Promise<Buffer> =>
    Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());

  describe('put', () => {
    it('streams a file unchanged into inbound/<name> of the local bucket, where S3 announces it', async () => {
      // Every byte value: X12 is Latin-1, and not one byte may change on the way.
      const path = join(tmp, 'all-bytes.837');
      writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)));
      const run = await claimcheck(['put', path, '--endpoint', s3rver.endpoint]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toBe(`${path} uploaded to s3://${BUCKET}/inbound/all-bytes.837\n`);
      expect(await object(BUCKET, 'inbound/all-bytes.837')).toEqual(readFileSync(path));
      expect(events.some((e) => e.Records[0]?.eventName === 'ObjectCreated:Put' && e.Records[0].s3.object.key === 'inbound/all-bytes.837')).toBe(true);
    });

    it('uploads a file larger than one part as a multipart upload, to --bucket and --key', async () => {
      const path = join(tmp, 'large.837');
      const example = readFileSync(join(ROOT, 'examples', 'coding-errors.837'));
      writeFileSync(path, Buffer.concat(Array.from({ length: Math.ceil((6 * 1024 * 1024) / example.length) }, () => example)));
      const run = await claimcheck(['put', path, '--endpoint', s3rver.endpoint, '--bucket', 'other', '--key', 'pending/2026/12/large.837']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect((await object('other', 'pending/2026/12/large.837')).equals(readFileSync(path))).toBe(true);
      // CompleteMultipartUpload is what S3 announces as ObjectCreated:CompleteMultipartUpload (s3rver: Post).
      expect(events.some((e) => e.Records[0]?.eventName === 'ObjectCreated:Post' && e.Records[0].s3.object.key === 'pending/2026/12/large.837')).toBe(true);
    });

    // Independent child processes: run side by side.
    it.concurrent.for([
      ['a missing file', () => ['put', join(tmp, 'nope.837'), '--endpoint', s3rver.endpoint], /nope\.837: no such file or object/],
      ['a bucket that does not exist', () => ['put', join(ROOT, 'examples', 'clean-lumbar-esi.837'), '--endpoint', s3rver.endpoint, '--bucket', 'nope'], /bucket "nope" does not exist at S3 at http:\/\/127\.0\.0\.1:\d+/],
      ['an endpoint where nothing listens', () => ['put', join(ROOT, 'examples', 'clean-lumbar-esi.837'), '--endpoint', dead], /cannot reach S3 at http:\/\/127\.0\.0\.1:\d+ \(is `npm start` running\?\)/],
      ['no file', () => ['put', '--endpoint', s3rver.endpoint], /put takes one file/],
      ['an endpoint that is no URL', () => ['put', 'x.837', '--endpoint', '127.0.0.1:4568'], /--endpoint must be a URL/],
      ['a key that names a folder', () => ['put', 'x.837', '--key', 'inbound/'], /--key must name an object/],
    ] as const)('exits 2 with one line for %s', async ([, args, message], { expect }) => {
      const run = cannotRun(await claimcheck(args()));
      expect(run).toMatchObject({ code: 2, lines: 1, stack: false });
      expect(run.stderr).toMatch(message);
    });
  });

  describe('seed-codes', () => {
    it('creates and seeds a code table with --create, and seeds it again to the same items', async () => {
      const first = await claimcheck(['seed-codes', '--dynamodb-endpoint', local.endpoint, '--table', 'seeded', '--create']);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(/^seeded seeded: \d+ items \(procedures \d+, diagnoses \d+, modifiers \d+, placesOfService \d+, ptp \d+, diagnosisSupport \d+, priorAuth \d+, frequencyLimits \d+, profiles \d+\)\n$/);
      const items = await scan('seeded');
      expect(items.length).toBe(Number(/(\d+) items/.exec(first.stdout)![1]));
      const again = await claimcheck(['seed-codes', '--dynamodb-endpoint', local.endpoint, '--table', 'seeded']);
      expect(again).toMatchObject({ code: 0, stdout: first.stdout });
      expect(await scan('seeded')).toEqual(items);
    });

    it.concurrent.for([
      ['a table that does not exist (no --create)', () => ['seed-codes', '--dynamodb-endpoint', local.endpoint, '--table', 'absent'], /table "absent" does not exist at DynamoDB at http:\/\/127\.0\.0\.1:\d+/],
      ['an endpoint where nothing listens', () => ['seed-codes', '--dynamodb-endpoint', dead, '--table', 'x'], /cannot reach DynamoDB at http/],
      ['no --table', () => ['seed-codes', '--dynamodb-endpoint', local.endpoint], /--table <name> is required/],
      ['an unknown option', () => ['seed-codes', '--table', 'x', '--force'], /Unknown option '--force'/],
    ] as const)('exits 2 with one line for %s', async ([, args, message], { expect }) => {
      const run = cannotRun(await claimcheck(args()));
      expect(run).toMatchObject({ code: 2, lines: 1, stack: false });
      expect(run.stderr).toMatch(message);
    });
  });

  describe('validate --dynamodb-endpoint', () => {
    /** Validates the examples twice, with codesets/ and with the code table, and compares every output byte for byte. */
    async function judgedAlike(examples: readonly string[], out: string): Promise<void> {
      const inputs = examples.map((name) => join('examples', name));
      const [fromFiles, fromTable] = await Promise.all([
        claimcheck(['validate', ...inputs, '--out', join(tmp, out, 'files'), '--no-ledger', ...FIXED]),
        claimcheck(['validate', ...inputs, '--out', join(tmp, out, 'table'), '--no-ledger', ...FIXED, '--dynamodb-endpoint', local.endpoint]),
      ]);
      expect(fromFiles.code).toBe(1);
      expect(fromTable).toEqual(fromFiles);
      const names = readdirSync(join(tmp, out, 'files')).sort();
      expect(names.length).toBeGreaterThan(examples.length * 3);
      expect(readdirSync(join(tmp, out, 'table')).sort()).toEqual(names);
      for (const name of names) expect(readFileSync(join(tmp, out, 'table', name)).toString('latin1'), name).toBe(readFileSync(join(tmp, out, 'files', name)).toString('latin1'));
    }

    it('judges as with the shipped code sets: every output byte-identical', async () => {
      await judgedAlike(['clean-facet-rfa.837', 'clean-lumbar-esi.837', 'syntax-errors.837', 'bad-envelope.837', 'ledger-batch-2.837'], 'alike');
    });

    // code/diagnosis names a header's billable children (M48.06 → M48.061, M48.062); the engine
    // prefetches a header's children from DynamoDB, so the text does not depend on the cache.
    it('judges the header diagnosis of coding-errors.837 as with the shipped code sets', async () => {
      await judgedAlike(['coding-errors.837'], 'header-diagnosis');
    });

    it('keeps the frequency ledger in the ledger table: the fifth lumbar ESI session of the ledger batches is rejected', async () => {
      const args = ['--out', join(tmp, 'ledger-out'), '--ledger', join(tmp, 'ledger-dir', 'ledger'), ...FIXED, '--dynamodb-endpoint', local.endpoint];
      expect((await claimcheck(['validate', 'examples/ledger-batch-1.837', ...args])).code).toBe(0);
      const second = await claimcheck(['validate', 'examples/ledger-batch-2.837', ...args]);
      expect(second).toMatchObject({ code: 1, stderr: '' });
      expect(second.stdout).toMatch(/ledger-batch-2\.837: REJECTED: .*2 claims \(1 accepted, 1 rejected\)/);
      const sessions = (await scan(LOCAL_TABLES.ledger)).filter((item) => String(item.SK).startsWith('FAM#ESI#REG#LS#'));
      expect(sessions.map((item) => item.dos)).toEqual(['2026-01-13', '2026-04-14', '2026-07-14', '2026-10-13']);
      // Patients are keyed with the secret beside --ledger (no ledger file is written there).
      expect(readdirSync(join(tmp, 'ledger-dir'))).toEqual(['secret']);
      // Validating batch 2 again judges it the same and counts nothing twice.
      const ledger = await scan(LOCAL_TABLES.ledger);
      expect(await claimcheck(['validate', 'examples/ledger-batch-2.837', ...args])).toEqual(second);
      expect(await scan(LOCAL_TABLES.ledger)).toEqual(ledger);
    });

    it.concurrent.for([
      ['a code table never seeded', () => ['validate', 'examples/clean-lumbar-esi.837', '--out', tmp, '--dynamodb-endpoint', local.endpoint, '--code-table', 'unseeded'], /code table unseeded has no META#.* item: seed it first \(claimcheck seed-codes\)/],
      ['a code table that does not exist', () => ['validate', 'examples/clean-lumbar-esi.837', '--out', tmp, '--dynamodb-endpoint', local.endpoint, '--code-table', 'absent'], /code table "absent" does not exist at DynamoDB at http/],
      ['an endpoint where nothing listens', () => ['validate', 'examples/clean-lumbar-esi.837', '--out', tmp, '--dynamodb-endpoint', dead], /cannot reach DynamoDB at http/],
      ['an endpoint that is no URL', () => ['validate', 'examples/clean-lumbar-esi.837', '--out', tmp, '--dynamodb-endpoint', 'localhost'], /--dynamodb-endpoint must be a URL/],
      ['--code-table without an endpoint', () => ['validate', 'examples/clean-lumbar-esi.837', '--out', tmp, '--code-table', 'x'], /--code-table and --ledger-table need --dynamodb-endpoint/],
      ['--icd10cm with an endpoint', () => ['validate', 'examples/clean-lumbar-esi.837', '--out', tmp, '--dynamodb-endpoint', local.endpoint, '--icd10cm', 'x.txt'], /--icd10cm works with the shipped code sets/],
    ] as const)('exits 2 with one line for %s', async ([, args, message], { expect }) => {
      const run = cannotRun(await claimcheck(args()));
      expect(run).toMatchObject({ code: 2, lines: 1, stack: false });
      expect(run.stderr).toMatch(message);
    });
  });
});

/** Every item of a table (a scan answers at most 1 MB a page), sorted by key. */
async function scan(table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient(dynamo).send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items.sort((a, b) => `${a.PK}\n${a.SK}`.localeCompare(`${b.PK}\n${b.SK}`));
}
