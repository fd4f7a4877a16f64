import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPatientKeyer, openPatientKeyer } from '../../lib/adapters/patient-keyer.ts';

const SECRET = new Uint8Array(32).fill(7);

describe('createPatientKeyer', () => {
  it('is HMAC-SHA-256 as hex: the same patient always gets the same key, without PHI in it', () => {
    const key = createPatientKeyer(SECRET)('PAYER01', 'MEM123456', '1960-01-01');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(createPatientKeyer(SECRET)('PAYER01', 'MEM123456', '1960-01-01')).toBe(key);
  });

  it('differs with the secret, the payer, the member id or the birth date', () => {
    const keyer = createPatientKeyer(SECRET);
    const keys = new Set([
      keyer('PAYER01', 'MEM123456', '1960-01-01'),
      createPatientKeyer(new Uint8Array(32).fill(8))('PAYER01', 'MEM123456', '1960-01-01'),
      keyer('PAYER02', 'MEM123456', '1960-01-01'),
      keyer('PAYER01', 'MEM123457', '1960-01-01'),
      keyer('PAYER01', 'MEM123456', '1960-01-02'),
    ]);
    expect(keys.size).toBe(5);
  });

  it('ignores case and surrounding spaces, and never joins values ambiguously', () => {
    const keyer = createPatientKeyer(SECRET);
    expect(keyer('payer01', ' mem123456 ', '1960-01-01')).toBe(keyer('PAYER01', 'MEM123456', '1960-01-01'));
    expect(keyer('AB', 'C', '1960-01-01')).not.toBe(keyer('A', 'BC', '1960-01-01'));
  });

  it('refuses a short secret', () => {
    expect(() => createPatientKeyer(new Uint8Array(16))).toThrow(/at least 32 bytes/);
  });
});

describe('openPatientKeyer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimcheck-secret-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a missing secret (32 random bytes as hex, mode 0600) and reuses it on the next open', async () => {
    const path = join(dir, '.claimcheck', 'secret');
    const first = await openPatientKeyer(path);
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const second = await openPatientKeyer(path);
    expect(second('P', 'M', '1960-01-01')).toBe(first('P', 'M', '1960-01-01'));
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('keys with the secret in the file', async () => {
    const path = join(dir, 'secret');
    await writeFile(path, `${Buffer.from(SECRET).toString('hex')}\n`);
    expect((await openPatientKeyer(path))('P', 'M', '1960-01-01')).toBe(createPatientKeyer(SECRET)('P', 'M', '1960-01-01'));
  });

  it('refuses a secret file that is not 64 or more hex characters', async () => {
    const path = join(dir, 'secret');
    await writeFile(path, 'not a secret\n');
    await expect(openPatientKeyer(path)).rejects.toThrow(/at least 64 hex characters/);
  });
});
