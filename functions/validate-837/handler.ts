import type { Context, S3Event } from 'aws-lambda';
import { openRun, validateOnce } from '../shared/deps.ts';
import { logger, withMiddleware } from '../shared/middleware.ts';
import { inboundObjects } from './s3-event.ts';

/**
 * S3 ObjectCreated on inbound/: validates each new object once (idempotent per bucket, key and
 * version) and writes its outputs beside it. A failure propagates after logging, so Lambda
 * retries and finally sends the event to the DLQ; nothing in inbound/ is moved or deleted.
 */
async function validate837(event: S3Event, context: Context): Promise<void> {
  const refs = inboundObjects(event);
  if (refs.length < event.Records.length) logger.info('records outside inbound/ skipped', { skipped: event.Records.length - refs.length });
  if (refs.length === 0) return;
  const run = await openRun(context);
  for (const ref of refs) await validateOnce(ref, run);
}

export const handler = withMiddleware(validate837);
