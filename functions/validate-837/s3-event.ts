import type { S3Event } from 'aws-lambda';

/** One object to validate. `version` (version id, else ETag) makes the idempotency key. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly version: string | null;
  /**
   * When S3 received it (the event time), ISO 8601; null when unknown (the nightly listing).
   * The acknowledgments are dated by it, so a retry writes the same bytes.
   */
  readonly receivedAt?: string | null;
}

export const INBOUND_PREFIX = 'inbound/';
/** Where the nightly run moves pending/ objects once validated: inside inbound/, so skipped here. */
export const PROCESSED_PREFIX = 'inbound/processed/';

/**
 * S3 event keys are URL-encoded form-style: `+` is a space and `%2B` a plus, so the `+` must
 * be replaced before percent-decoding, never after.
 */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/**
 * The objects an S3 event asks us to validate: created objects under inbound/, not the moved
 * copies under inbound/processed/ (validated already) and not "folder" placeholders.
 */
export function inboundObjects(event: S3Event): ObjectRef[] {
  return event.Records.flatMap((record) => {
    if (!record.eventName.startsWith('ObjectCreated:')) return [];
    const key = decodeS3Key(record.s3.object.key);
    if (!key.startsWith(INBOUND_PREFIX) || key.startsWith(PROCESSED_PREFIX) || key.endsWith('/')) return [];
    return [{ bucket: record.s3.bucket.name, key, version: record.s3.object.versionId ?? record.s3.object.eTag ?? null, receivedAt: record.eventTime ?? null }];
  });
}
