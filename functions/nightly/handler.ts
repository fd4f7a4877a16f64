import type { Context, ScheduledEvent } from 'aws-lambda';
import { env, openRun, pendingObjects, validateOnce } from '../shared/deps.ts';
import { logger, withMiddleware } from '../shared/middleware.ts';
import { runNightly } from './process.ts';

/** Leave room to finish the object in hand: a 50 MB batch takes well under this. */
const SAFETY_MARGIN_MS = 3 * 60 * 1000;

/**
 * The nightly schedule: validates what waits under pending/ (at most NIGHTLY_MAX_OBJECTS, and
 * none started within the safety margin of the timeout), moving each to inbound/processed/.
 * Failed objects stay in pending/; the invocation then fails so the alarm and DLQ see it.
 */
async function nightly(_event: ScheduledEvent, context: Context): Promise<void> {
  const run = await openRun(context);
  const result = await runNightly(pendingObjects, {
    bucketName: env.bucketName,
    maxObjects: env.nightlyMaxObjects,
    hasTime: () => context.getRemainingTimeInMillis() > SAFETY_MARGIN_MS,
    validate: (ref) => validateOnce(ref, run),
  });
  logger.info('nightly run', { moved: result.moved.length, failed: result.failed.map((f) => f.key), more: result.more });
  for (const failure of result.failed) logger.error('pending object not validated', { key: failure.key, error: failure.error as Error });
  if (result.failed.length > 0) throw new AggregateError(result.failed.map((f) => f.error), `${result.failed.length} pending object(s) failed`);
}

export const handler = withMiddleware(nightly);
