import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdempotencyItemAlreadyExistsError, IdempotencyItemNotFoundError } from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, type IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createValidateOnce, idempotencyConfig } from '../../functions/shared/validate-once.ts';
import type { BatchOutcome } from '../../functions/validate-837/process.ts';
import { MemoryBucket } from './memory-bucket.ts';
import { testRun } from './run-fixture.ts';

/** Powertools' persistence contract over a Map, as the DynamoDB layer keeps it in its table. */
class MemoryPersistence extends BasePersistenceLayer {
  readonly records = new Map<string, IdempotencyRecord>();

  protected async _getRecord(key: string): Promise<IdempotencyRecord> {
    const record = this.records.get(key);
    if (record === undefined) throw new IdempotencyItemNotFoundError();
    return record;
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const existing = this.records.get(record.idempotencyKey);
    if (existing !== undefined && !existing.isExpired()) throw new IdempotencyItemAlreadyExistsError(`exists: ${record.idempotencyKey}`, existing);
    this.records.set(record.idempotencyKey, record);
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    this.records.set(record.idempotencyKey, record);
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.records.delete(record.idempotencyKey);
  }
}

const batch = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'clean-lumbar-esi.837'), 'latin1');

async function setUp(failOn?: (key: string) => boolean) {
  const bucket = new MemoryBucket(failOn);
  bucket.put('inbound/b.837', batch);
  const { run, published, ledger } = await testRun(bucket);
  const observed: BatchOutcome[] = [];
  const persistence = new MemoryPersistence();
  const config = idempotencyConfig();
  // As openRun does: an in-progress record expires with the invocation.
  config.registerLambdaContext({ getRemainingTimeInMillis: () => 900_000 } as Context);
  const validateOnce = createValidateOnce(persistence, config, (o) => observed.push(o));
  return { bucket, run, published, ledger, observed, persistence, validateOnce };
}

describe('validateOnce', () => {
  it('validates a redelivered event once: same detail, one event, one metric, ledger counted once', async () => {
    const { run, published, ledger, observed, validateOnce } = await setUp();
    const ref = { bucket: 'claims', key: 'inbound/b.837', version: 'v1' };
    const first = await validateOnce(ref, run);
    const recorded = ledger.recorded.length;
    const again = await validateOnce({ ...ref }, run);
    expect(again).toEqual(first);
    expect(published).toHaveLength(1);
    expect(observed).toHaveLength(1);
    expect(ledger.recorded.length).toBe(recorded);
  });

  it('validates a new version of the same key again', async () => {
    const { run, published, validateOnce } = await setUp();
    await validateOnce({ bucket: 'claims', key: 'inbound/b.837', version: 'v1' }, run);
    await validateOnce({ bucket: 'claims', key: 'inbound/b.837', version: 'v2' }, run);
    expect(published.map((d) => d.version)).toEqual(['v1', 'v2']);
  });

  it('forgets a failed validation, so the retry runs it again', async () => {
    let failing = true;
    const { bucket, run, published, persistence, validateOnce } = await setUp((key) => failing && key === 'inbound/b.837');
    const ref = { bucket: 'claims', key: 'inbound/b.837', version: 'v1' };
    await expect(validateOnce(ref, run)).rejects.toThrow('connection reset');
    expect(persistence.records.size).toBe(0);
    failing = false;
    await validateOnce(ref, run);
    expect(published).toHaveLength(1);
    expect(bucket.keys('reports/')).toEqual(['reports/b.837.report.html', 'reports/b.837.report.json']);
  });
});
