import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { createDynamoClient, createS3Client } from '../../lib/adapters/aws-clients.ts';
import { createDynamoCodeTables } from '../../lib/adapters/dynamodb-code-tables.ts';
import { createDynamoFrequencyLedger } from '../../lib/adapters/dynamodb-frequency-ledger.ts';
import { createPatientKeyer } from '../../lib/adapters/patient-keyer.ts';
import { S3ObjectStore } from '../../lib/adapters/s3-object-store.ts';
import type { PatientKeyer } from '../../lib/ports.ts';
import { RULES } from '../../lib/rules/index.ts';
import type { PendingObjects } from '../nightly/process.ts';
import type { BatchValidated, ValidationRun } from '../validate-837/process.ts';
import { readEnv } from './env.ts';
import { observeBatch } from './middleware.ts';
import { createRun } from './run.ts';
import { createValidateOnce, idempotencyConfig } from './validate-once.ts';

/**
 * Module-scope wiring (conventions §12): the env is checked and the clients built once per
 * cold start, then reused by every warm invocation.
 */
export const env = readEnv(process.env);

const s3 = createS3Client(env.s3Endpoint === undefined ? {} : { endpoint: env.s3Endpoint });
const dynamo = createDynamoClient(env.dynamodbEndpoint === undefined ? {} : { endpoint: env.dynamodbEndpoint });
const eventBridge = new EventBridgeClient({});
const secrets = new SecretsManagerClient({});

const bucket = new S3ObjectStore({ client: s3, bucket: env.bucketName });

/**
 * Loaded on the first invocation and kept while the container is warm; a failed load is
 * forgotten, so the next invocation tries again instead of failing for good.
 */
function cached<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => {
    value ??= load().catch((error: unknown) => {
      value = null;
      throw error;
    });
    return value;
  };
}

// Code rows are cached across warm invocations (with the adapter's TTL); the ledger is not.
const codeTables = cached(() => createDynamoCodeTables({ client: dynamo, tableName: env.codeTableName }));

export const pendingObjects: PendingObjects = {
  list: (prefix) => bucket.list(prefix),
  move: (from, to) => bucket.move(from, to),
  version: async (key) => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: env.bucketName, Key: key }));
    return head.VersionId ?? head.ETag ?? null;
  },
};

/** The patient-key secret, read once per cold start. */
const patientKeyer = cached(async (): Promise<PatientKeyer> => {
  const hex = (await secrets.send(new GetSecretValueCommand({ SecretId: env.patientKeySecretId }))).SecretString?.trim() ?? '';
  // Hex, like the CLI's secret file, so one secret can key patients alike in both.
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) throw new Error(`secret ${env.patientKeySecretId} must hold the patient key as hex`);
  return createPatientKeyer(Buffer.from(hex, 'hex'));
});

async function publish(detail: BatchValidated): Promise<void> {
  const result = await eventBridge.send(
    new PutEventsCommand({ Entries: [{ EventBusName: env.eventBusName, Source: 'claimcheck', DetailType: 'claimcheck.batch.validated', Detail: JSON.stringify(detail) }] }),
  );
  if ((result.FailedEntryCount ?? 0) > 0) throw new Error(`EventBridge refused the event for ${detail.key}: ${result.Entries?.[0]?.ErrorCode ?? 'unknown error'}`);
}

const idempotency = idempotencyConfig();

/** One invocation's validation context (its own "today", rule engine and control numbers). */
export async function openRun(context: Context): Promise<ValidationRun> {
  idempotency.registerLambdaContext(context);
  const [tables, keyer] = await Promise.all([codeTables(), patientKeyer()]);
  return createRun(
    {
      bucket, tables, keyer, rules: RULES, outboundPolicy: env.outboundPolicy, publish,
      ledger: () => createDynamoFrequencyLedger({ client: dynamo, tableName: env.ledgerTableName }),
    },
    new Date(),
  );
}

export const validateOnce = createValidateOnce(
  new DynamoDBPersistenceLayer({ tableName: env.idempotencyTableName, awsSdkV3Client: dynamo }),
  idempotency,
  observeBatch,
);
