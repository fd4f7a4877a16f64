import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { validateInput, type BatchOutcome, type BatchValidated, type ValidationRun } from '../validate-837/process.ts';
import type { ObjectRef } from '../validate-837/s3-event.ts';

/**
 * Redeliveries are common (S3 delivers at least once; Lambda retries): a bucket + key + version
 * already validated returns its stored detail without validating, publishing or counting again.
 * A week covers the retries and a DLQ redrive; a new version of the key is a new validation.
 */
export function idempotencyConfig(): IdempotencyConfig {
  return new IdempotencyConfig({ expiresAfterSeconds: 7 * 24 * 60 * 60, throwOnNoIdempotencyKey: true });
}

/**
 * The one validation step of both handlers: the object reference alone is the idempotency
 * payload (the run is per invocation, not part of the key). A failure deletes the in-progress
 * record, so Lambda's retry validates again.
 */
export function createValidateOnce(persistenceStore: BasePersistenceLayer, config: IdempotencyConfig, observe: (outcome: BatchOutcome) => void) {
  return makeIdempotent(
    async (ref: ObjectRef, run: ValidationRun): Promise<BatchValidated> => {
      const outcome = await validateInput(run, ref);
      observe(outcome);
      return outcome.detail;
    },
    { persistenceStore, config, dataIndexArgument: 0 },
  );
}
