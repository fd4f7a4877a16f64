import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context, S3Event } from 'aws-lambda';
import { createDynamoCodeTables } from '../../lib/adapters/dynamodb-code-tables.ts';
import { createDynamoFrequencyLedger } from '../../lib/adapters/dynamodb-frequency-ledger.ts';
import { S3ObjectStore } from '../../lib/adapters/s3-object-store.ts';
import { createMemoryFrequencyLedger } from '../../lib/ledger/memory-frequency-ledger.ts';
import type { ObjectStore, PatientKeyer } from '../../lib/ports.ts';
import { RULES } from '../../lib/rules/index.ts';
import type { OutboundPolicy } from '../../functions/shared/env.ts';
import { createRun, type RunDeps } from '../../functions/shared/run.ts';
import { createValidateOnce, idempotencyConfig } from '../../functions/shared/validate-once.ts';
import type { BatchOutcome, BatchValidated, ValidationRun } from '../../functions/validate-837/process.ts';
import { inboundObjects } from '../../functions/validate-837/s3-event.ts';
import type { LocalTableNames } from './local-tables.ts';

/**
 * The validate-837 handler's work over the emulators: the same steps as functions/shared/deps.ts
 * and functions/validate-837/handler.ts (inboundObjects → createRun → the handlers' validateOnce,
 * once per bucket + key + version through Powertools idempotency in DynamoDB), with what has no
 * emulator replaced: the patient-key secret is given (a local file), the EventBridge event goes
 * to `publish`, and each validated batch to `observe` instead of the Lambda's logger and metrics.
 */
export interface LocalStepOptions {
  readonly s3: S3Client;
  readonly dynamo: DynamoDBClient;
  readonly bucketName: string;
  readonly tables: LocalTableNames;
  /** 'memory' when the emulator is dynalite, which has no TransactWriteItems for the ledger. */
  readonly ledger: 'dynamodb' | 'memory';
  readonly keyer: PatientKeyer;
  /** EventBridge's stand-in: the `claimcheck.batch.validated` detail of each validation. */
  readonly publish: (detail: BatchValidated) => Promise<void> | void;
  /** The Lambda's observeBatch stand-in (npm start logs one line). */
  readonly observe?: (outcome: BatchOutcome) => void;
  readonly outboundPolicy?: OutboundPolicy;
  /** When an invocation starts (the Lambda reads the clock; tests fix it). */
  readonly now?: () => Date;
  /** Wraps the bucket the step reads and writes (tests: a store whose write fails once). */
  readonly wrapBucket?: (bucket: ObjectStore) => ObjectStore;
}

export interface LocalStep {
  /** One invocation's context, as the handler's openRun builds it. */
  openRun(now: Date): ValidationRun;
  /** The handler's body for one S3 event: each inbound object validated once, in order. */
  handle(event: S3Event): Promise<BatchValidated[]>;
}

const LAMBDA_TIMEOUT_MS = 15 * 60_000;

export async function createLocalStep(options: LocalStepOptions): Promise<LocalStep> {
  const bucket = new S3ObjectStore({ client: options.s3, bucket: options.bucketName });
  const memoryLedger = options.ledger === 'memory' ? createMemoryFrequencyLedger() : null;
  const deps: RunDeps = {
    bucket: options.wrapBucket?.(bucket) ?? bucket,
    tables: await createDynamoCodeTables({ client: options.dynamo, tableName: options.tables.codes }),
    ledger: () => memoryLedger ?? createDynamoFrequencyLedger({ client: options.dynamo, tableName: options.tables.ledger }),
    keyer: options.keyer,
    rules: RULES,
    outboundPolicy: options.outboundPolicy ?? 'clean-only',
    publish: async (detail) => options.publish(detail),
  };
  const config = idempotencyConfig();
  const validateOnce = createValidateOnce(new DynamoDBPersistenceLayer({ tableName: options.tables.idempotency, awsSdkV3Client: options.dynamo }), config, options.observe ?? (() => undefined));
  const now = options.now ?? (() => new Date());
  return {
    openRun: (at) => createRun(deps, at),
    async handle(event) {
      const refs = inboundObjects(asDelivered(event));
      if (refs.length === 0) return [];
      // Powertools marks the key in progress until the invocation's timeout, so a process killed
      // mid-batch does not block the retry for the whole record lifetime; the stack's is 15 minutes.
      config.registerLambdaContext({ getRemainingTimeInMillis: () => LAMBDA_TIMEOUT_MS } as Context);
      const run = createRun(deps, now());
      const details: BatchValidated[] = [];
      for (const ref of refs) details.push(await validateOnce(ref, run));
      return details;
    },
  };
}

/**
 * An s3rver notification as the deployed bucket would send it. S3 URL-encodes keys form-style
 * (a space as `+`), s3rver does not: encoded here, so the handler's decoding runs as in AWS and
 * a key with `%` or `+` is not misread. The bucket is versioned, s3rver keeps no versions: the
 * PUT's sequencer stands in for the version id, so uploading the same bytes again is a new
 * version to validate (as in AWS), not a redelivery that the ETag alone would make it.
 */
function asDelivered(event: S3Event): S3Event {
  return {
    Records: event.Records.map((record) => {
      const { key, versionId, sequencer } = record.s3.object;
      return {
        ...record,
        s3: { ...record.s3, object: { ...record.s3.object, key: key.split('/').map((part) => encodeURIComponent(part).replace(/%20/g, '+')).join('/'), versionId: versionId ?? sequencer } },
      };
    }),
  };
}
