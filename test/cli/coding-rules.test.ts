import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readSegmentsSync, type LocatedSegment } from '../../lib/x12/reader.ts';

/**
 * The coding rules end to end, through the real `claimcheck` bin: the common billing
 * errors, the 277CA, the corrected and rejected files, and the frequency ledger across runs.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.js');
const EXAMPLES = join(ROOT, 'examples');
const FIXED = ['--now', '2026-12-01T09:00:00Z', '--control-number', '7001', '--as-of', '2026-12-01'];

async function claimcheck(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const segments = (path: string): LocatedSegment[] => readSegmentsSync(readFileSync(path)).flatMap((e) => (e.type === 'segment' ? [e.segment] : []));

interface ClaimReportJson {
  id: string;
  status: string;
  findings: Array<{ rule: string; severity: string; line: number | null; ack: string }>;
  fixes: string[];
}
const reportOf = (path: string): { accepted: boolean; claims: ClaimReportJson[] } => JSON.parse(readFileSync(path, 'utf8'));

/** 2200D status of each claim in a 277CA: CLM01 → STC01, and the 2220D SVC codes after it. */
function claimStatuses(path: string): Map<string, { stc: string; lines: string[] }> {
  const out = new Map<string, { stc: string; lines: string[] }>();
  let current: { stc: string; lines: string[] } | null = null;
  for (const s of segments(path)) {
    if (s.id === 'TRN' && s.elements[1] === '2' && s.elements[2]?.startsWith('HCSP-')) {
      current = { stc: '', lines: [] };
      out.set(s.elements[2], current);
    } else if (s.id === 'STC' && current !== null && current.stc === '') current.stc = s.elements[1]!;
    else if (s.id === 'SVC' && current !== null) current.lines.push(s.elements[1]!);
  }
  return out;
}

describe('common billing errors (examples/coding-errors.837)', () => {
  const out = mkdtempSync(join(tmpdir(), 'claimcheck-coding-'));
  const base = join(out, 'coding-errors.837');

  it('rejects exactly the six erroneous claims in the 277CA, with service-line loops', async () => {
    const run = await claimcheck(['validate', join(EXAMPLES, 'coding-errors.837'), '--out', out, '--no-ledger', ...FIXED]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const statuses = claimStatuses(`${base}.277ca`);
    expect(Object.fromEntries([...statuses].map(([id, s]) => [id, `${s.stc} ${s.lines.join(' ')}`.trim()]))).toEqual({
      'HCSP-26-1001': 'A2:20',
      'HCSP-26-1002': 'A2:20',
      'HCSP-26-1003': 'A2:20',
      'HCSP-26-1004': 'A2:20',
      'HCSP-26-1011': 'A7:454 HC:77003', // pm/imaging-included
      'HCSP-26-1012': 'A7:453 HC:99214', // pm/em-modifier-25
      'HCSP-26-1013': 'A7:254', // code/diagnosis (a claim-level diagnosis: no line loop)
      'HCSP-26-1014': 'A7:453 HC:64493', // pm/laterality
      'HCSP-26-1015': 'A7:454 HC:64484:LT', // pm/add-on-primary
      'HCSP-26-1016': 'A6:252:PR HC:64483:RT', // pm/prior-auth
    });
    const report = reportOf(`${base}.report.json`);
    const errors = Object.fromEntries(report.claims.map((c) => [c.id, c.findings.filter((f) => f.severity === 'error').map((f) => f.rule)]));
    expect(errors).toEqual({
      'HCSP-26-1001': [], 'HCSP-26-1002': [], 'HCSP-26-1003': [], 'HCSP-26-1004': [],
      'HCSP-26-1011': ['pm/imaging-included'], 'HCSP-26-1012': ['pm/em-modifier-25'], 'HCSP-26-1013': ['code/diagnosis'],
      'HCSP-26-1014': ['pm/laterality'], 'HCSP-26-1015': ['pm/add-on-primary'], 'HCSP-26-1016': ['pm/prior-auth'],
    });
    expect(report.claims.find((c) => c.id === 'HCSP-26-1011')!.fixes).toHaveLength(1);
  });

  it('writes a corrected file (clean claims + the fixable one) that re-validates with zero errors', async () => {
    const corrected = segments(`${base}.corrected.837`);
    expect(corrected.filter((s) => s.id === 'CLM').map((s) => s.elements[1])).toEqual(['HCSP-26-1001', 'HCSP-26-1002', 'HCSP-26-1003', 'HCSP-26-1004', 'HCSP-26-1011']);
    // The 77003 line is gone from HCSP-26-1011 and CLM02 lost its charge.
    expect(corrected.some((s) => s.id === 'SV1' && s.elements[1]!.includes('77003'))).toBe(false);
    const again = join(out, 'again');
    const run = await claimcheck(['validate', `${base}.corrected.837`, '--out', again, '--no-ledger', ...FIXED]);
    expect(run.code).toBe(0);
    const report = reportOf(join(again, 'coding-errors.837.corrected.837.report.json'));
    expect(report.accepted).toBe(true);
    expect(report.claims.flatMap((c) => c.findings.filter((f) => f.severity === 'error'))).toEqual([]);
  });

  it('keeps every rejected claim, unchanged, in the rejected file', () => {
    const rejected = segments(`${base}.rejected.837`);
    expect(rejected.filter((s) => s.id === 'CLM').map((s) => s.elements[1])).toEqual(['HCSP-26-1011', 'HCSP-26-1012', 'HCSP-26-1013', 'HCSP-26-1014', 'HCSP-26-1015', 'HCSP-26-1016']);
    const inbound = readFileSync(join(EXAMPLES, 'coding-errors.837'), 'latin1');
    for (const s of rejected.filter((x) => x.id === 'SV1' || x.id === 'CLM' || x.id === 'HI')) expect(inbound).toContain(s.elements.join('*'));
  });

  it('writes an HTML page with no member ids, names or birth dates', () => {
    const html = readFileSync(`${base}.report.html`, 'utf8');
    expect(html).toContain('HCSP-26-1016');
    const inbound = segments(join(EXAMPLES, 'coding-errors.837'));
    for (const s of inbound) {
      if (s.id === 'NM1' && (s.elements[1] === 'IL' || s.elements[1] === 'QC')) {
        for (const value of [s.elements[3], s.elements[4], s.elements[9]]) if (value) expect(html).not.toContain(value);
      }
      if (s.id === 'DMG') expect(html).not.toContain(s.elements[2]);
    }
  });
});

describe('frequency ledger across runs (examples/ledger-batch-*.837)', () => {
  it('rejects the fifth lumbar ESI session in 365 days in the second batch, and a re-run changes no count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-ledger-'));
    const ledger = join(dir, 'ledger');
    const run = async (batch: number): Promise<ClaimReportJson[]> => {
      const result = await claimcheck(['validate', join(EXAMPLES, `ledger-batch-${batch}.837`), '--out', join(dir, `out${batch}`), '--ledger', ledger, ...FIXED]);
      expect(result.stderr).toBe('');
      return reportOf(join(dir, `out${batch}`, `ledger-batch-${batch}.837.report.json`)).claims;
    };
    const verdict = (claims: ClaimReportJson[]) => claims.map((c) => `${c.id} ${c.status} ${c.findings.filter((f) => f.severity === 'error').map((f) => f.rule).join(',')}`.trim());
    const first = verdict(await run(1));
    expect(first.every((v) => v.includes(' accepted'))).toBe(true);
    const second = verdict(await run(2));
    expect(second.map((v) => v.split(' ').slice(1).join(' '))).toEqual(['accepted', 'rejected pm/frequency']);
    const lines = readFileSync(ledger, 'utf8');
    // The same two batches again: nothing new is counted and the verdicts are the same.
    expect(verdict(await run(1))).toEqual(first);
    expect(verdict(await run(2))).toEqual(second);
    expect(readFileSync(ledger, 'utf8')).toBe(lines);
  });
});
