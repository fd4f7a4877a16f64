import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.js');

export interface BinRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real `claimcheck` bin in a child process, as a user runs it; never rejects. */
export function claimcheck(args: readonly string[], cwd = ROOT): Promise<BinRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), stdout, stderr });
    });
  });
}

/** A loopback URL where nothing listens (a port that was free a moment ago). */
export async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Exit 2 with one line on stderr and no stack trace: the CLI's contract for "could not run". */
export function cannotRun(run: BinRun): { code: number; lines: number; stack: boolean; stderr: string } {
  return { code: run.code, lines: run.stderr.trim().split('\n').length, stack: /\n\s+at /.test(run.stderr), stderr: run.stderr };
}
