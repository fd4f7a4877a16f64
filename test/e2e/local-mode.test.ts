import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lib/adapters/aws-clients.ts';
import { LOCAL_BUCKET } from '../../lib/cli/put.ts';
import { dynamoDbLocalUnavailable } from '../emulators/dynamodb-local.ts';
import { claimcheck, ROOT } from './helpers/bin.ts';
import { phiOf } from './helpers/phi.ts';

/**
 * `npm start` as a user runs it: the package's start script in a child process (on free ports and
 * a fresh data folder), files dropped in with `claimcheck put`, its log read, then SIGTERM.
 */
const START = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
const javaMissing = dynamoDbLocalUnavailable();

interface LocalMode {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

const running: LocalMode[] = [];
afterEach(async () => {
  // Whatever a failed test left running.
  for (const mode of running.splice(0)) if (mode.child.exitCode === null) mode.child.kill('SIGKILL');
});

function startLocalMode(env: Record<string, string>): LocalMode {
  const [command, ...args] = START.split(' ');
  const child = spawn(join(ROOT, 'node_modules', '.bin', command!), args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (output += text));
  const mode = { child, output: () => output, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
  running.push(mode);
  return mode;
}

async function until(mode: LocalMode, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = pattern.exec(mode.output());
    if (found !== null) return found[0];
    if (mode.child.exitCode !== null || performance.now() > deadline) throw new Error(`no ${pattern} in the output of npm start:\n${mode.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!socket.destroy()));
    socket.once('error', () => resolve(false));
  });

async function exists(endpoint: string, key: string): Promise<boolean> {
  const s3 = createS3Client({ endpoint });
  try {
    await s3.send(new HeadObjectCommand({ Bucket: LOCAL_BUCKET, Key: key }));
    return true;
  } catch {
    return false;
  } finally {
    s3.destroy();
  }
}

const PHI = ['examples/ledger-batch-1.837', 'examples/ledger-batch-2.837'].flatMap((path) => phiOf(readFileSync(join(ROOT, path), 'latin1')));

describe('npm start', () => {
  it('runs the start script this test runs', () => {
    expect(START).toBe('tsx --openssl-legacy-provider scripts/local.ts');
  });

  it.for([
    // [emulator, why it cannot run, exit of the CLI validate it prints for ledger-batch-2.837]
    ['dynalite', null, 0], // --no-ledger: batch 2 alone rejects nothing
    ['dynamodb-local', javaMissing, 1], // the ledger table, keyed alike: the fifth session is rejected
  ] as const)('with %s: validates what `claimcheck put` drops into inbound/, logs one line a batch, stops on SIGTERM', async ([kind, missing, cliExit], { skip }) => {
    if (missing !== null) skip(missing);
    const [s3Port, dynamodbPort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'claimcheck-local-'));
    const env = { CLAIMCHECK_S3_PORT: String(s3Port), CLAIMCHECK_DYNAMODB_PORT: String(dynamodbPort), CLAIMCHECK_LOCAL_DIR: dataDir, CLAIMCHECK_LOCAL_DYNAMODB: kind };
    const endpoint = `http://127.0.0.1:${s3Port}`;
    const mode = startLocalMode(env);
    await until(mode, /Ready\./);
    expect(mode.output()).toContain(`DynamoDB: ${kind === 'dynalite' ? 'dynalite' : 'DynamoDB Local'} at http://127.0.0.1:${dynamodbPort} (CLAIMCHECK_LOCAL_DYNAMODB)`);
    expect(mode.output()).toContain(`npx claimcheck put examples/clean-lumbar-esi.837 --endpoint ${endpoint}`);

    for (const batch of ['ledger-batch-1.837', 'ledger-batch-2.837']) {
      expect((await claimcheck(['put', `examples/${batch}`, '--endpoint', endpoint])).code).toBe(0);
      // One batch at a time, in upload order: batch 2 is judged with batch 1's sessions.
      await until(mode, new RegExp(`inbound/${batch.replace('.', '\\.')}: .*report\\.json last`));
    }
    expect(mode.output()).toMatch(/inbound\/ledger-batch-1\.837: accepted: 3 claims \(3 accepted, 0 rejected\)/);
    expect(mode.output()).toMatch(/inbound\/ledger-batch-2\.837: REJECTED: 2 claims \(1 accepted, 1 rejected\), 2 service lines; 6 outputs, reports\/ledger-batch-2\.837\.report\.json last/);
    // The log names keys and counts, never a patient.
    expect(PHI).toContain('WHITFIELD');
    for (const value of PHI) expect(mode.output(), value).not.toContain(value);
    await expect(exists(endpoint, 'acks/ledger-batch-2.837.277ca')).resolves.toBe(true);
    // The CLI, as the banner says to run it, shares the code table (and the ledger, where there is one).
    const hint = /npx claimcheck validate <file> --out out (.*)/.exec(mode.output())![1]!.split(' ');
    const cli = await claimcheck(['validate', 'examples/ledger-batch-2.837', '--out', join(dataDir, 'cli-out'), '--as-of', '2026-12-04', ...hint]);
    expect(cli).toMatchObject({ code: cliExit, stderr: '' });

    mode.child.kill('SIGTERM');
    expect(await mode.exited).toBe(0);
    expect(mode.output()).toContain(`stopped; data kept in ${dataDir}`);
    expect(await listening(s3Port)).toBe(false);
    expect(await listening(dynamodbPort)).toBe(false);

    // A restart finds the bucket, the tables and the objects in the data folder.
    const again = startLocalMode(env);
    await until(again, /Ready\./);
    await expect(exists(endpoint, 'reports/ledger-batch-2.837.report.json')).resolves.toBe(true);
    expect((await claimcheck(['put', 'examples/clean-lumbar-esi.837', '--endpoint', endpoint])).code).toBe(0);
    await until(again, /inbound\/clean-lumbar-esi\.837: accepted: 4 claims/);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('says so and exits 1 when a port is taken', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as { port: number };
    try {
      const mode = startLocalMode({ CLAIMCHECK_S3_PORT: String(port), CLAIMCHECK_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'claimcheck-local-')), CLAIMCHECK_LOCAL_DYNAMODB: 'dynalite' });
      expect(await mode.exited).toBe(1);
      expect(mode.output()).toContain(`claimcheck local: port ${port} on 127.0.0.1 is in use (another \`npm start\`?); choose another with CLAIMCHECK_S3_PORT=<port>`);
    } finally {
      server.close();
    }
  });
});
