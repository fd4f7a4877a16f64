import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createMemoryFrequencyLedger } from '../ledger/memory-frequency-ledger.ts';
import type { FrequencyLedger, Session } from '../ports.ts';

/**
 * The CLI's frequency ledger: a local JSON Lines file (a header line, then one Session per line,
 * in recording order). It holds keyed patient hashes, payer groups, codes and dates, never a
 * name, member id or birth date. It is loaded into a memory ledger on open; `flush()` writes the
 * whole file anew to a temporary file, fsyncs it and renames it over the old one, so a crash
 * leaves the old file or the new one, never a torn line (appending would be cheaper, but a torn
 * last line would corrupt the next append; the file is small: a few hundred bytes per session).
 * One CLI run at a time: two runs flushing at once would keep only the later run's sessions
 * (the DynamoDB ledger is the concurrent one).
 */
export interface FileLedger {
  readonly ledger: FrequencyLedger;
  /** Writes sessions recorded since open (nothing when there are none). */
  flush(): Promise<void>;
}

const HEADER = { format: 'claimcheck-frequency-ledger', version: 1 } as const;

export async function openFileLedger(path: string): Promise<FileLedger> {
  const memory = createMemoryFrequencyLedger(await readSessions(path));
  let written = memory.recorded.length;
  return {
    ledger: memory,
    async flush() {
      if (memory.recorded.length === written) return;
      const lines = [HEADER, ...memory.recorded].map((v) => `${JSON.stringify(v)}\n`).join('');
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const file = await open(temp, 'w', 0o600);
        try {
          await file.writeFile(lines, 'utf8');
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      written = memory.recorded.length;
    },
  };
}

async function readSessions(path: string): Promise<Session[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const [header, ...rows] = lines.map((line, i) => parseLine(path, i + 1, line));
  if (header === undefined) return [];
  if (header.format !== HEADER.format || header.version !== HEADER.version) {
    throw new Error(`${path}: not a claimcheck frequency ledger (version ${HEADER.version})`);
  }
  // A corrupt ledger stops the run: skipping a line would silently undercount a patient.
  return rows.map((row, i) => {
    if (!isSession(row)) throw new Error(`${path}:${i + 2}: not a ledger session`);
    return row;
  });
}

function parseLine(path: string, n: number, line: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`${path}:${n}: not a JSON object`);
}

function isSession(v: Record<string, unknown>): v is Record<string, unknown> & Session {
  const strings = ['patientKey', 'payerGroup', 'family', 'provider', 'region', 'dos', 'key'] as const;
  const lists = ['codes', 'joints'] as const;
  return (
    strings.every((k) => typeof v[k] === 'string') &&
    lists.every((k) => Array.isArray(v[k]) && (v[k] as unknown[]).every((x) => typeof x === 'string')) &&
    (v.side === null || v.side === 'L' || v.side === 'R' || v.side === 'B')
  );
}
