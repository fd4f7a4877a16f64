import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNightly, type NightlyOptions } from '../../functions/nightly/process.ts';
import { validateInput } from '../../functions/validate-837/process.ts';
import type { ObjectRef } from '../../functions/validate-837/s3-event.ts';
import { MemoryBucket } from './memory-bucket.ts';
import { testRun } from './run-fixture.ts';

const clean = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'clean-facet-rfa.837'), 'latin1');

/** A bucket with pending batches, and the nightly options with validate-837's own step. */
async function nightly(pending: readonly string[], options: Partial<NightlyOptions> = {}, failOn?: (key: string) => boolean) {
  const bucket = new MemoryBucket(failOn);
  for (const key of pending) bucket.put(key, key.endsWith('/') ? '' : clean);
  const { run, published } = await testRun(bucket);
  const validated: ObjectRef[] = [];
  const result = await runNightly(bucket, {
    bucketName: 'claims',
    maxObjects: 10,
    hasTime: () => true,
    validate: (ref) => {
      validated.push(ref);
      return validateInput(run, ref);
    },
    ...options,
  });
  return { bucket, published, validated, result };
}

describe('runNightly', () => {
  it('validates each pending object with its version, then moves it to inbound/processed/', async () => {
    const { bucket, published, validated, result } = await nightly(['pending/2026/12/a.837', 'pending/b.837', 'pending/2026/']);
    expect(result).toEqual({ moved: ['pending/2026/12/a.837', 'pending/b.837'], failed: [], more: false });
    expect(validated).toEqual([
      { bucket: 'claims', key: 'pending/2026/12/a.837', version: 'v1' },
      { bucket: 'claims', key: 'pending/b.837', version: 'v2' },
    ]);
    expect(bucket.keys('pending/')).toEqual(['pending/2026/']);
    expect(bucket.keys('inbound/')).toEqual(['inbound/processed/2026/12/a.837', 'inbound/processed/b.837']);
    expect(bucket.keys('reports/')).toEqual(['reports/2026/12/a.837.report.html', 'reports/2026/12/a.837.report.json', 'reports/b.837.report.html', 'reports/b.837.report.json']);
    expect(bucket.keys('outbound/')).toEqual(['outbound/2026/12/a.837', 'outbound/b.837']);
    expect(published.map((d) => d.key)).toEqual(['pending/2026/12/a.837', 'pending/b.837']);
  });

  it('stops at NIGHTLY_MAX_OBJECTS; the rest waits in pending/', async () => {
    const { bucket, result } = await nightly(['pending/a.837', 'pending/b.837', 'pending/c.837'], { maxObjects: 2 });
    expect(result).toEqual({ moved: ['pending/a.837', 'pending/b.837'], failed: [], more: true });
    expect(bucket.keys('pending/')).toEqual(['pending/c.837']);
  });

  it('starts no object when the invocation is out of time', async () => {
    const { bucket, result } = await nightly(['pending/a.837'], { hasTime: () => false });
    expect(result).toEqual({ moved: [], failed: [], more: true });
    expect(bucket.keys()).toEqual(['pending/a.837']);
  });

  it('leaves a failed object in pending/ and goes on with the others', async () => {
    const { bucket, result } = await nightly(['pending/a.837', 'pending/b.837'], {}, (key) => key === 'pending/a.837');
    expect(result.moved).toEqual(['pending/b.837']);
    expect(result.failed.map((f) => [f.key, (f.error as Error).message])).toEqual([['pending/a.837', 'pending/a.837: connection reset']]);
    expect(bucket.keys('pending/')).toEqual(['pending/a.837']);
    expect(bucket.keys('reports/')).toEqual(['reports/b.837.report.html', 'reports/b.837.report.json']);
  });
});
