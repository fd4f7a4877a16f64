import { describe, expect, it } from 'vitest';
import { objectControlNumber } from '../../functions/shared/run.ts';
import { NOW, testRun } from './run-fixture.ts';
import { MemoryBucket } from './memory-bucket.ts';

describe('createRun: acknowledgments derived from the object, so a retry writes the same bytes', () => {
  const ref = { bucket: 'b', key: 'inbound/2026/12/batch.837', version: 'v1', receivedAt: '2026-11-30T08:15:00.000Z' };

  it('dates the acknowledgments and "today" by the time S3 received the object', async () => {
    const { run } = await testRun(new MemoryBucket());
    const { ack, request } = run.prepare(ref);
    expect(ack.clock.now().toISOString()).toBe('2026-11-30T08:15:00.000Z');
    expect(request.options?.asOf).toBe('2026-11-30');
  });

  it('falls back to the invocation time when the event time is unknown (nightly)', async () => {
    const { run } = await testRun(new MemoryBucket());
    expect(run.prepare({ ...ref, receivedAt: null }).ack.clock.now().toISOString()).toBe(NOW.toISOString());
  });

  it('numbers them from the bucket, key and version: the same object twice, the same numbers', async () => {
    const first = (await testRun(new MemoryBucket())).run.prepare(ref).ack.controlNumbers;
    const again = (await testRun(new MemoryBucket())).run.prepare(ref).ack.controlNumbers;
    expect([first.nextInterchange(), first.nextGroup(), first.nextSet()]).toEqual([again.nextInterchange(), again.nextGroup(), again.nextSet()]);
    expect(objectControlNumber(ref)).toBe(objectControlNumber({ ...ref }));
    expect(objectControlNumber({ ...ref, version: 'v2' })).not.toBe(objectControlNumber(ref));
    expect(objectControlNumber({ ...ref, key: 'inbound/other.837' })).not.toBe(objectControlNumber(ref));
  });

  it('keeps the first number in ISA13 range with room for one file\'s acknowledgments', () => {
    for (let i = 0; i < 2000; i++) {
      const n = objectControlNumber({ bucket: 'b', key: `inbound/${i}.837`, version: null });
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(999_000_000);
    }
  });
});
