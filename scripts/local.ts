/**
 * `npm start`: claimcheck's serverless path on this machine, with no AWS account. It starts an
 * S3 emulator (s3rver) and a DynamoDB emulator (DynamoDB Local when Java 17+ is here, else
 * dynalite) on 127.0.0.1, creates the bucket and the code, ledger and idempotency tables, seeds
 * the code table from codesets/, and runs the validate-837 handler's processing step on every
 * object created under inbound/. Settings (environment): CLAIMCHECK_S3_PORT (4568),
 * CLAIMCHECK_DYNAMODB_PORT (8000), CLAIMCHECK_LOCAL_DIR (.claimcheck/local),
 * CLAIMCHECK_LOCAL_DYNAMODB (dynamodb-local or dynalite, to choose the emulator).
 */
import type { S3Event } from 'aws-lambda';
import { join } from 'node:path';
import { createDynamoClient, createS3Client } from '../lib/adapters/aws-clients.ts';
import { openPatientKeyer } from '../lib/adapters/patient-keyer.ts';
import { LOCAL_BUCKET, LOCAL_S3_ENDPOINT } from '../lib/cli/put.ts';
import { LOCAL_DYNAMODB_ENDPOINT, LOCAL_TABLES } from '../lib/cli/seed-codes.ts';
import type { BatchValidated } from '../functions/validate-837/process.ts';
import { INBOUND_PREFIX } from '../functions/validate-837/s3-event.ts';
import { dynamoDbLocalUnavailable } from '../test/emulators/dynamodb-local.ts';
import { type DynamoEmulatorKind, startLocalEmulators } from './lib/local-emulators.ts';
import { createLocalStep } from './lib/local-step.ts';
import { createLocalTables } from './lib/local-tables.ts';

// The AWS SDK warns on Node < 22, over several lines, about its releases after January 2027.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const log = (line: string): void => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

function port(variable: string, fallback: string): number {
  const value = process.env[variable] ?? new URL(fallback).port;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65_535) throw new Error(`${variable} must be a port number, not "${value}"`);
  return Number(value);
}

function emulatorKind(): { kind: DynamoEmulatorKind; why: string } {
  const chosen = process.env.CLAIMCHECK_LOCAL_DYNAMODB;
  if (chosen === 'dynamodb-local' || chosen === 'dynalite') return { kind: chosen, why: 'CLAIMCHECK_LOCAL_DYNAMODB' };
  if (chosen !== undefined && chosen !== '') throw new Error(`CLAIMCHECK_LOCAL_DYNAMODB must be dynamodb-local or dynalite, not "${chosen}"`);
  const unavailable = dynamoDbLocalUnavailable();
  return unavailable === null ? { kind: 'dynamodb-local', why: 'Java 17+ found' } : { kind: 'dynalite', why: unavailable };
}

/** One line per batch: key and counts (the event detail holds no PHI, so neither does this). */
function batchLine(detail: BatchValidated): string {
  const s = detail.summary;
  return `${detail.key}: ${detail.accepted ? 'accepted' : 'REJECTED'}: ${s.claims} claims (${s.acceptedClaims} accepted, ${s.rejectedClaims} rejected), ${s.serviceLines} service lines; ${detail.outputs.length} outputs, ${detail.outputs.at(-1)} last`;
}

async function main(): Promise<void> {
  const s3Port = port('CLAIMCHECK_S3_PORT', LOCAL_S3_ENDPOINT);
  const dynamodbPort = port('CLAIMCHECK_DYNAMODB_PORT', LOCAL_DYNAMODB_ENDPOINT);
  const dataDir = process.env.CLAIMCHECK_LOCAL_DIR || join('.claimcheck', 'local');
  const { kind, why } = emulatorKind();
  const emulators = await startLocalEmulators({ s3Port, dynamodbPort, dataDir, bucket: LOCAL_BUCKET, dynamodb: kind });
  const s3 = createS3Client({ endpoint: emulators.s3Endpoint });
  const dynamo = createDynamoClient({ endpoint: emulators.dynamodbEndpoint });
  let queue: Promise<void> = Promise.resolve();
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) process.exit(130); // a second Ctrl-C: do not wait any longer
    stopping = true;
    log(`${signal}: stopping once the batch in hand is done`);
    emulators.s3Events.removeAllListeners('event');
    await queue;
    s3.destroy();
    dynamo.destroy();
    await emulators.stop();
    log(`stopped; data kept in ${dataDir}`);
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
  try {
    log(`S3: s3rver at ${emulators.s3Endpoint}, bucket ${LOCAL_BUCKET}`);
    log(`DynamoDB: ${kind === 'dynalite' ? 'dynalite' : 'DynamoDB Local'} at ${emulators.dynamodbEndpoint} (${why})`);
    const seeded = await createLocalTables(dynamo, LOCAL_TABLES);
    log(`tables ${Object.values(LOCAL_TABLES).join(', ')} ready; ${LOCAL_TABLES.codes} seeded from codesets/ (${seeded.items} items)`);
    // dynalite has no TransactWriteItems, which the DynamoDB ledger's optimistic lock needs.
    if (kind === 'dynalite') log(`frequency ledger: in memory for this session (dynalite has no transactions; with Java 17+ it is ${LOCAL_TABLES.ledger})`);
    const step = await createLocalStep({
      s3, dynamo, bucketName: LOCAL_BUCKET, tables: LOCAL_TABLES, ledger: kind === 'dynalite' ? 'memory' : 'dynamodb',
      // Beside the emulators' data: the ledger's patient keys stay valid across restarts.
      keyer: await openPatientKeyer(join(dataDir, 'secret')),
      // No event bus here: the batch's line in this log is what there is to see.
      publish: () => undefined,
      observe: (outcome) => log(batchLine(outcome.detail)),
    });
    // One event at a time, in arrival order, as uploaded: ledger batches count in that order.
    emulators.s3Events.on('event', (event: S3Event) => {
      queue = queue.then(() => step.handle(event)).then(
        () => undefined,
        (error: unknown) => log(`${event.Records.map((r) => r.s3.object.key).join(', ')}: validation failed, outputs not complete: ${(error as Error).message}`),
      );
    });
  } catch (error) {
    await emulators.stop();
    throw error;
  }
  const cli = kind === 'dynalite'
    ? { ledger: '--no-ledger', why: 'without the ledger: dynalite has no transactions' }
    : { ledger: `--ledger ${join(dataDir, 'ledger')}`, why: 'the secret beside --ledger keys patients as here' };
  const endpointFlag = s3Port === Number(new URL(LOCAL_S3_ENDPOINT).port) ? '' : ` --endpoint ${emulators.s3Endpoint}`;
  console.log(`
Ready. Drop an 837P batch into ${INBOUND_PREFIX} of the local bucket:
  npx claimcheck put examples/clean-lumbar-esi.837${endpointFlag}
  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws --endpoint-url ${emulators.s3Endpoint} --region us-east-1 s3 cp examples/clean-lumbar-esi.837 s3://${LOCAL_BUCKET}/${INBOUND_PREFIX}
Outputs appear in s3://${LOCAL_BUCKET}/ under acks/, reports/ (report.json last), corrected/, rejected/,
and outbound/ when the whole file was accepted (list them: aws … s3 ls --recursive s3://${LOCAL_BUCKET}/).
Validate with the same tables from the CLI (${cli.why}):
  npx claimcheck validate <file> --out out --dynamodb-endpoint ${emulators.dynamodbEndpoint} ${cli.ledger}
Ctrl-C stops both emulators.
`);
}

main().catch((error: unknown) => {
  console.error(`claimcheck local: ${(error as Error).message}`);
  process.exit(1);
});
