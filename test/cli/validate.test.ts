import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';

/** These tests spawn the real `claimcheck` bin, as a user would run it. */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.js');
const BRIEF = join(ROOT, 'test', 'fixtures', 'brief');
const GOLDEN = join(ROOT, 'test', 'golden', 'cli');
const FIXED = ['--now', '2025-01-15T11:05:00Z', '--control-number', '501', '--as-of', '2025-01-20', '--no-ledger'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function claimcheck(args: readonly string[], cwd = ROOT): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const validateReport = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));

function report(dir: string, name: string): Record<string, unknown> {
  const text = readFileSync(join(dir, `${name}.report.json`), 'utf8');
  // Reports are UTF-8 (rule sources cite "§"): a Latin-1 write would leave replacement characters.
  expect(text).not.toContain('\uFFFD');
  const json = JSON.parse(text);
  expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
  return json;
}

/** Golden files are rewritten with UPDATE_GOLDEN=1 (then review the diff before committing). */
function expectGolden(actual: string, name: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual, 'latin1');
  expect(actual).toBe(readFileSync(path, 'latin1'));
}

describe('claimcheck validate', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'claimcheck-cli-'));
  });

  it('accepts a clean 837P: exit 0, a 999 with IK5*A, a report that matches the schema', async () => {
    const run = await claimcheck(['validate', join(BRIEF, 'appendix-a1.837'), '--out', out, ...FIXED]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/appendix-a1\.837: accepted: 1 interchange, 1 transaction, 2 claims \(2 accepted, 0 rejected\), 4 service lines/);
    const ack = readFileSync(join(out, 'appendix-a1.837.999'), 'latin1');
    expect(ack).toContain('IK5*A~');
    expect(ack).toContain('AK9*A*1*1*1~');
    expectGolden(ack, 'appendix-a1.837.999');
    // ISA14 = 1 in Appendix A.1: a positive TA1 is owed.
    expect(readFileSync(join(out, 'appendix-a1.837.ta1'), 'latin1')).toContain('TA1*000000101*250115*1030*A*000~');
    const r = report(out, 'appendix-a1.837');
    expect(r.accepted).toBe(true);
    expect(r.summary).toEqual({ interchanges: 1, transactions: 1, claims: 2, acceptedClaims: 2, rejectedClaims: 0, serviceLines: 4 });
    expect(r.claims).toEqual([
      expect.objectContaining({ id: 'PCN-0001', transaction: '0001', status: 'accepted', chargeCents: 15000, profile: 'commercial', fixes: [] }),
      expect.objectContaining({ id: 'PCN-0002', transaction: '0001', status: 'accepted', chargeCents: 27500, profile: 'commercial', fixes: [] }),
    ]);
    // A.1 is a primary-care example: its codes (87880, J06.9 …) are outside the shipped pain
    // code sets, which is a warning ("not in the loaded code set"), never a rejection.
    const findings = (r.claims as Array<{ findings: Array<{ severity: string; rule: string }> }>).flatMap((c) => c.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect([f.severity, f.rule]).toEqual(['warning', expect.stringMatching(/^code\/(procedure|diagnosis)$/)]);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.asOf).toBe('2025-01-20');
  });

  it('rejects the brief A.2 claim with the 999 of the brief §4.5 (CLM02 IK4 6 at 18, missing DTP at 22)', async () => {
    const run = await claimcheck(['validate', join(BRIEF, 'appendix-a2.837'), '--out', out, ...FIXED]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/appendix-a2\.837: REJECTED: .*1 claim \(0 accepted, 1 rejected\)/);
    const ack = readFileSync(join(out, 'appendix-a2.837.999'), 'latin1');
    expect(ack).toContain('IK3*CLM*18*2300*8~\nCTX*CLM01:PCN-0003~\nIK4*2*782*6*15O.00~');
    expect(ack).toContain('IK3*DTP*22*2400*3~\nCTX*CLM01:PCN-0003~');
    expect(ack).toContain('IK5*R*5~');
    expect(ack).toContain('AK9*R*1*1*0~');
    expectGolden(ack, 'appendix-a2.837.999');
    const r = report(out, 'appendix-a2.837');
    const claims = r.claims as Array<{ status: string; chargeCents: number | null; findings: Array<Record<string, unknown>> }>;
    expect(claims[0]!.status).toBe('rejected');
    expect(claims[0]!.chargeCents).toBeNull();
    expect(claims[0]!.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'x12/syntax', segment: 'CLM', element: 'CLM02', ack: '999:IK3*CLM*18*2300*8;IK4*2*782*6', position: expect.objectContaining({ segmentIndex: 18, loop: '2300' }) }),
        expect.objectContaining({ rule: 'x12/structure', segment: 'DTP', ack: '999:IK3*DTP*22*2400*3', position: expect.objectContaining({ segmentIndex: 22 }) }),
      ]),
    );
  });

  it('answers a corrupt ISA with a TA1 R naming the bad element, and no 999', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-in-'));
    const a1 = readFileSync(join(BRIEF, 'appendix-a1.837'), 'latin1');
    // ISA02 one character short: the fixed-width header no longer lines up.
    writeFileSync(join(dir, 'short-isa.837'), a1.replace('ISA*00*          *', 'ISA*00*         *'), 'latin1');
    const run = await claimcheck(['validate', join(dir, 'short-isa.837'), '--out', out, ...FIXED]);
    expect(run.code).toBe(1);
    expect(readFileSync(join(out, 'short-isa.837.ta1'), 'latin1')).toContain('TA1*000000101*250115*1030*R*011~');
    expect(existsSync(join(out, 'short-isa.837.999'))).toBe(false);
    const r = report(out, 'short-isa.837');
    expect(r.envelopeFindings).toEqual([expect.objectContaining({ rule: 'x12/envelope', severity: 'error', ack: 'TA1:011' })]);
  });

  it('prints a JSON summary with --format json', async () => {
    const run = await claimcheck(['validate', join(BRIEF, 'appendix-a1.837'), join(BRIEF, 'appendix-a2.837'), '--out', out, '--format', 'json', ...FIXED]);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.accepted).toBe(false);
    expect(parsed.files.map((f: { accepted: boolean }) => f.accepted)).toEqual([true, false]);
  });

  it.each([
    [['validate', 'no-such-file.837', '--out', 'x'], /^claimcheck: no-such-file\.837: no such file or object\n$/],
    [['validate', 'a.837'], /^claimcheck: --out <dir> is required\n$/],
    [['validate', 'a.837', '--out', 'x', '--format', 'xml'], /^claimcheck: --format must be text or json, not "xml"\n$/],
    [['validate', 'a.837', '--out', 'x', '--as-of', '2025-02-30'], /^claimcheck: --as-of must be a date YYYY-MM-DD, not "2025-02-30"\n$/],
    [['validate', 'a.837', '--out', 'x', '--bogus'], /^claimcheck: Unknown option '--bogus'/],
    [['frobnicate'], /^claimcheck: unknown command "frobnicate"/],
    [['validate', 'x/a.837', 'y/a.837', '--out', 'x'], /would write the same outputs/],
  ])('exits 2 with one line and no stack trace: %j', async (args, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'claimcheck-cwd-'));
    const run = await claimcheck(args, cwd);
    // Nothing half-written is left behind (a report is discarded when its input cannot be read).
    expect(readdirSync(cwd, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes nothing partial: only whole outputs are in the folder', () => {
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
