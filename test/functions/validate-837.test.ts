import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInput } from '../../functions/validate-837/process.ts';
import { MemoryBucket } from './memory-bucket.ts';
import { testRun } from './run-fixture.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const example = (name: string): string => readFileSync(join(EXAMPLES, name), 'latin1');

/** What must never leave the validator in events or logs: patient names, member ids, birth dates, CLM01. */
function phiOf(x12: string): string[] {
  const segments = x12.split('~').map((s) => s.trim().split('*'));
  return segments.flatMap((e) => {
    if (e[0] === 'NM1' && (e[1] === 'IL' || e[1] === 'QC')) return [e[3], e[4], e[9]];
    if (e[0] === 'DMG') return [e[2]];
    if (e[0] === 'CLM') return [e[1]];
    return [];
  }).filter((v): v is string => v !== undefined && v !== '');
}

async function validate(file: string, key: string, policy?: 'clean-only' | 'always' | 'never') {
  const bucket = new MemoryBucket();
  bucket.put(key, example(file));
  const { run, published } = await testRun(bucket, policy);
  const outcome = await validateInput(run, { bucket: 'claims', key, version: 'v1' });
  return { bucket, published, outcome };
}

describe('validateInput', () => {
  it('writes the outputs of a clean batch under their prefixes, with the hand-off copy in outbound/', async () => {
    const { bucket, published, outcome } = await validate('clean-lumbar-esi.837', 'inbound/2026/12/clean lumbar.837');
    const name = '2026/12/clean lumbar.837';
    expect(bucket.keys()).toEqual([
      `acks/${name}.277ca`, `acks/${name}.999`,
      `corrected/${name}`,
      'inbound/2026/12/clean lumbar.837',
      `outbound/${name}`,
      `reports/${name}.report.html`, `reports/${name}.report.json`,
    ]);
    expect(bucket.text(`outbound/${name}`)).toBe(bucket.text(`corrected/${name}`));
    // The input is left as it was.
    expect(bucket.text('inbound/2026/12/clean lumbar.837')).toBe(example('clean-lumbar-esi.837'));
    expect(published).toEqual([outcome.detail]);
    expect(outcome.detail).toMatchObject({
      bucket: 'claims', key: 'inbound/2026/12/clean lumbar.837', version: 'v1', accepted: true,
      summary: { interchanges: 1, transactions: 1, claims: 4, acceptedClaims: 4, rejectedClaims: 0, serviceLines: 7 },
    });
    expect(outcome.detail.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.detail.outputs.at(-1)).toBe(`reports/${name}.report.json`);
    expect([...outcome.detail.outputs].sort()).toEqual(bucket.keys().filter((k) => !k.startsWith('inbound/')));
  });

  it('keeps no outbound copy of a batch with rejections (clean-only), and counts rule ids', async () => {
    const { bucket, outcome } = await validate('syntax-errors.837', 'inbound/syntax-errors.837');
    expect(bucket.keys('outbound/')).toEqual([]);
    expect(bucket.keys('corrected/')).toEqual(['corrected/syntax-errors.837']);
    expect(bucket.keys('rejected/')).toEqual(['rejected/syntax-errors.837']);
    expect(outcome.detail).toMatchObject({ accepted: false, summary: { claims: 7, acceptedClaims: 4, rejectedClaims: 3 } });
    expect(outcome.interchangeControlNumbers).toEqual(['000004103']);
    expect(outcome.ruleCounts['x12/syntax']).toBeGreaterThan(0);
    expect(outcome.ruleCounts['x12/envelope']).toBeGreaterThan(0);
  });

  it.each([
    ['always', 'syntax-errors.837', ['outbound/syntax-errors.837']],
    ['never', 'clean-lumbar-esi.837', []],
  ] as const)('OUTBOUND_POLICY=%s decides the hand-off copy of %s', async (policy, file, outbound) => {
    const { bucket } = await validate(file, `inbound/${file}`, policy);
    expect(bucket.keys('outbound/')).toEqual(outbound);
  });

  it('puts no PHI in the event detail or the loggable outcome', async () => {
    for (const file of ['clean-lumbar-esi.837', 'syntax-errors.837']) {
      const { outcome } = await validate(file, `inbound/${file}`);
      const phi = phiOf(example(file));
      expect(phi.length).toBeGreaterThan(8);
      const text = JSON.stringify(outcome);
      for (const value of phi) expect(text, value).not.toContain(value);
    }
  });

  it('fails when the input cannot be read: no event, no report, the input untouched', async () => {
    const bucket = new MemoryBucket((key) => key.startsWith('inbound/'));
    bucket.put('inbound/b.837', example('clean-lumbar-esi.837'));
    const { run, published } = await testRun(bucket);
    await expect(validateInput(run, { bucket: 'claims', key: 'inbound/b.837', version: null })).rejects.toThrow('connection reset');
    expect(published).toEqual([]);
    expect(bucket.keys()).toEqual(['inbound/b.837']);
  });

  it('records the batch in the frequency ledger', async () => {
    const bucket = new MemoryBucket();
    bucket.put('inbound/ledger-batch-1.837', example('ledger-batch-1.837'));
    const { run, ledger } = await testRun(bucket);
    await validateInput(run, { bucket: 'claims', key: 'inbound/ledger-batch-1.837', version: 'v1' });
    expect(ledger.recorded.length).toBeGreaterThan(0);
  });
});
