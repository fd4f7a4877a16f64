import { PROCESSED_PREFIX, type ObjectRef } from '../validate-837/s3-event.ts';

export const PENDING_PREFIX = 'pending/';

/** What the nightly run needs from the bucket besides what validation reads and writes. */
export interface PendingObjects {
  /** Keys under a prefix, page by page. */
  list(prefix: string): AsyncIterable<string>;
  /** The object's version id, else its ETag: with the key, the idempotency key of a validation. */
  version(key: string): Promise<string | null>;
  move(from: string, to: string): Promise<void>;
}

export interface NightlyOptions {
  readonly bucketName: string;
  readonly maxObjects: number;
  /** False once the invocation is too close to its timeout to start another object. */
  readonly hasTime: () => boolean;
  /** validate-837's step for one object (idempotent in Lambda: a done object is not redone). */
  readonly validate: (ref: ObjectRef) => Promise<unknown>;
}

export interface NightlyResult {
  /** pending/ keys validated and moved to inbound/processed/. */
  readonly moved: readonly string[];
  readonly failed: ReadonlyArray<{ readonly key: string; readonly error: unknown }>;
  /** Objects were left for the next night (the per-run bound or the time ran out). */
  readonly more: boolean;
}

/**
 * Validates what waits under pending/ with the same step as an S3 upload to inbound/, then
 * moves each object to inbound/processed/ (where validate-837 ignores it). An object whose
 * validation or move fails stays in pending/ for the next night; the others go on.
 */
export async function runNightly(bucket: PendingObjects, options: NightlyOptions): Promise<NightlyResult> {
  const moved: string[] = [];
  const failed: Array<{ key: string; error: unknown }> = [];
  let more = false;
  for await (const key of bucket.list(PENDING_PREFIX)) {
    if (key.endsWith('/')) continue;
    if (moved.length + failed.length >= options.maxObjects || !options.hasTime()) {
      more = true;
      break;
    }
    try {
      await options.validate({ bucket: options.bucketName, key, version: await bucket.version(key) });
      await bucket.move(key, PROCESSED_PREFIX + key.slice(PENDING_PREFIX.length));
      moved.push(key);
    } catch (error) {
      failed.push({ key, error });
    }
  }
  return { moved, failed, more };
}
