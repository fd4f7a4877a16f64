import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openFileLedger } from '../../lib/adapters/file-frequency-ledger.ts';
import { createPatientKeyer } from '../../lib/adapters/patient-keyer.ts';
import { loadHistory } from '../../lib/ledger/history.ts';
import type { CodeTables, FrequencyLedger } from '../../lib/ports.ts';
import { painClaim } from '../helpers/pain-claim.ts';
import { shippedTables } from '../helpers/rule-tester.ts';
import { session } from '../ledger/session-fixture.ts';

// Concurrent runs on one ledger file are not a CLI concern (one run at a time; the later flush
// wins): the DynamoDB ledger of the serverless issue is the concurrent one, tested there.

const query = { patientKey: 'P1', payerGroup: 'MEDICARE-FFS', family: 'ESI', region: 'LS', from: '2026-01-01', to: '2026-12-31' } as const;

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimcheck-ledger-'));
  path = join(dir, '.claimcheck', 'ledger');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = async (): Promise<string[]> => (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');

describe('openFileLedger', () => {
  it('starts empty when the file does not exist, and writes nothing until a session is recorded', async () => {
    const { ledger, flush } = await openFileLedger(path);
    expect(await ledger.sessions(query)).toEqual([]);
    await flush();
    await expect(stat(path)).rejects.toThrow();
  });

  it('writes JSON Lines (a header, then one session a line, mode 0600) that a second open reads back', async () => {
    const a = session({ family: 'ESI', dos: '2026-03-01', key: 'a' });
    const b = session({ family: 'ESI', dos: '2026-05-01', key: 'b' });
    const run1 = await openFileLedger(path);
    await run1.ledger.record([a]);
    await run1.flush();
    const run2 = await openFileLedger(path);
    expect(await run2.ledger.sessions(query)).toEqual([a]);
    await run2.ledger.record([b]);
    await run2.flush();
    expect(await lines()).toEqual([JSON.stringify({ format: 'claimcheck-frequency-ledger', version: 1 }), JSON.stringify(a), JSON.stringify(b)]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await (await openFileLedger(path)).ledger.sessions(query)).toEqual([a, b]);
  });

  it('is idempotent across runs: recording the same sessions again adds no line', async () => {
    const a = session({ family: 'ESI', dos: '2026-03-01', key: 'a' });
    for (let run = 0; run < 2; run++) {
      const { ledger, flush } = await openFileLedger(path);
      await ledger.record([a, a]);
      await flush();
    }
    expect(await lines()).toHaveLength(2);
  });

  it('stops on a corrupt ledger rather than undercount', async () => {
    const { ledger, flush } = await openFileLedger(path);
    await ledger.record([session({ family: 'ESI', dos: '2026-03-01' })]);
    await flush();
    await writeFile(path, `${(await lines()).join('\n')}\n{"torn":\n`);
    await expect(openFileLedger(path)).rejects.toThrow(/ledger:3: not a JSON object/);
    await writeFile(path, `${(await lines())[0]}\n{"family":"ESI"}\n`);
    await expect(openFileLedger(path)).rejects.toThrow(/ledger:2: not a ledger session/);
    await writeFile(path, '{"format":"something else"}\n');
    await expect(openFileLedger(path)).rejects.toThrow(/not a claimcheck frequency ledger/);
  });

  describe('with real claims', () => {
    let tables: CodeTables;
    beforeAll(async () => {
      tables = await shippedTables();
    });
    const keyer = createPatientKeyer(new Uint8Array(32).fill(1));
    const history = (ledger: FrequencyLedger, id: string, dos: string, isa13: string) =>
      loadHistory(painClaim({ id, dos, filing: 'MB', lines: [{ code: '62323' }] }).view, { ledger, tables, profileId: 'medicare', keyer, isa13 });

    it('lets a second run see the first run\'s sessions, and holds no PHI', async () => {
      const run1 = await openFileLedger(path);
      await run1.ledger.record((await history(run1.ledger, 'PCN-1', '20260301', '000000001')).current);
      await run1.flush();
      const run2 = await openFileLedger(path);
      const second = await history(run2.ledger, 'PCN-2', '20261110', '000000002');
      expect(second.sessions('ESI', 'LS', '2026-01-01', '2026-12-31').map((s) => s.dos)).toEqual(['2026-03-01']);
      const text = await readFile(path, 'utf8');
      // painClaim's patient: JOHN DOE, member MEM123456, born 1960-01-01, 200 OAK AVENUE; the
      // claim's CLM01 (a patient account number) is keyed too.
      for (const phi of ['DOE', 'JOHN', 'MEM123456', '19600101', '1960-01-01', 'OAK', 'PCN-1']) expect(text).not.toContain(phi);
    });
  });
});
