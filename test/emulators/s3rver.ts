import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Emulator } from './emulator.ts';

export interface S3Emulator extends Emulator {
  /** Emits s3rver's S3 notifications as 'event' (local mode runs the handler on ObjectCreated). */
  readonly events: EventEmitter;
}

const START_TIMEOUT_MS = 15_000;

/**
 * Starts s3rver on a free loopback port with the given buckets, its objects in a fresh temporary
 * folder (s3rver stores them on disk; its default folder is shared by every run).
 *
 * It runs in a child process started with --openssl-legacy-provider: s3rver 3.7.1 encrypts
 * ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) refuses by default, so
 * in this process every truncated listing would fail with InternalError.
 */
export async function startS3rver(buckets: readonly string[]): Promise<S3Emulator> {
  const directory = await mkdtemp(join(tmpdir(), 'claimcheck-s3rver-'));
  // tsx runs the TypeScript child; resolved from here so the child starts from any working directory.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', tsx, fileURLToPath(new URL('s3rver-process.ts', import.meta.url)), directory, ...buckets], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const events = new EventEmitter();
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      if (child.connected) child.send('stop');
      else child.kill('SIGTERM');
      await exited;
    }
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`s3rver did not start within ${START_TIMEOUT_MS} ms: ${stderr.trim()}`)), START_TIMEOUT_MS);
      child.on('message', (message: { port?: number; event?: unknown }) => {
        if (message.port !== undefined) {
          clearTimeout(timer);
          resolve(message.port);
        } else events.emit('event', message.event);
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited with ${child.exitCode}: ${stderr.trim()}`));
      });
    });
    return { endpoint: `http://127.0.0.1:${port}`, events, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
