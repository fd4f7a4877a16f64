import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../lib/adapters/fs-codesets.ts';
import type { CodeSetFile } from '../../lib/codesets/code-set-file.ts';
import { fiscalYearFromFileName, mergeDiagnoses, parseIcd10cmOrderFile } from '../../lib/codesets/icd10cm-order-file.ts';
import { createMemoryCodeTables } from '../../lib/codesets/memory-code-tables.ts';
import type { DiagnosisEntry } from '../../lib/codesets/types.ts';

const sample = readFileSync(new URL('../fixtures/cms/icd10cm-order-sample.txt', import.meta.url), 'utf8');

/** One order-file line at the CMS columns. */
function orderLine(order: number, code: string, flag: string, short: string, long = short): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;
}

describe('parseIcd10cmOrderFile', () => {
  const { file, problems } = parseIcd10cmOrderFile(sample, { fiscalYear: 2026 });

  it('reads every line of the CMS sample as an entry for the fiscal year, sorted by code', () => {
    expect(problems).toEqual([]);
    expect(file.entries).toHaveLength(32);
    expect(file).toMatchObject({ id: 'diagnoses', version: 'FY2026', complete: true });
    const codes = file.entries.map((e) => e.code);
    expect(codes).toEqual([...codes].sort());
    expect(file.entries.find((e) => e.code === 'M48061')).toEqual({
      code: 'M48061',
      description: 'Spinal stenosis, lumbar region without neurogenic claudication',
      billable: true,
      region: null,
      unspecified: false,
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      source: 'CMS ICD-10-CM order file FY2026',
    });
  });

  it('takes the header flag: 0 is a header, 1 is valid for billing', () => {
    const billable = (code: string): boolean | undefined => file.entries.find((e) => e.code === code)?.billable;
    expect(billable('M4806')).toBe(false);
    expect(billable('M545')).toBe(false);
    expect(billable('M5136')).toBe(false);
    expect(billable('G9051')).toBe(false);
    expect(billable('M797')).toBe(true);
    expect(billable('R52')).toBe(true);
  });

  it('starts an April update on its own day and accepts CRLF, a BOM and blank lines', () => {
    const text = `\uFEFF${orderLine(1, 'M797', '1', 'Fibromyalgia')}\r\n\r\n${orderLine(2, 'R52', '1', 'Pain, unspecified')}\r\n`;
    const april = parseIcd10cmOrderFile(text, { fiscalYear: 2026, effectiveFrom: '2026-04-01', source: 'icd10cm_order_2026.txt (April update)' });
    expect(april.problems).toEqual([]);
    expect(april.file.entries.map((e) => [e.code, e.effectiveFrom, e.effectiveTo, e.source])).toEqual([
      ['M797', '2026-04-01', '2026-09-30', 'icd10cm_order_2026.txt (April update)'],
      ['R52', '2026-04-01', '2026-09-30', 'icd10cm_order_2026.txt (April update)'],
    ]);
  });

  it('returns bad lines as problems with their line numbers and keeps the good ones', () => {
    const text = [
      orderLine(1, 'M5416', '1', 'Radiculopathy, lumbar region'),
      'M5417 1 Radiculopathy, lumbosacral region',
      orderLine(3, 'M54.2', '1', 'Cervicalgia'),
      orderLine(4, 'M5416', '1', 'Radiculopathy, lumbar region'),
      orderLine(5, 'M549', '2', 'Dorsalgia, unspecified'),
      orderLine(6, 'R52', '1', ''),
      orderLine(7, 'M797', '1', 'Fibromyalgia'),
    ].join('\n');
    const parsed = parseIcd10cmOrderFile(text, { fiscalYear: 2026 });
    expect(parsed.file.entries.map((e) => e.code)).toEqual(['M5416', 'M797']);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.problems[1]!.message).toContain('M54.2');
    expect(parsed.problems[2]!.message).toContain('more than once');
  });

  it('reports an empty file instead of loading nothing silently', () => {
    expect(parseIcd10cmOrderFile('\n\n', { fiscalYear: 2026 }).problems).toEqual([{ line: 1, message: 'no order-file lines found' }]);
  });
});

describe('fiscalYearFromFileName', () => {
  it('reads the year from CMS order file names', () => {
    expect(fiscalYearFromFileName('icd10cm_order_2026.txt')).toBe(2026);
    expect(fiscalYearFromFileName('/data/icd10cm-order-April-2026.txt')).toBe(2026);
    expect(fiscalYearFromFileName('codes.txt')).toBeNull();
  });
});

describe('mergeDiagnoses', () => {
  it('lets the loaded fiscal year replace the subset, keeping the subset’s region and unspecified flags', async () => {
    const shipped = (await loadCodeSets()).diagnoses;
    const loaded = parseIcd10cmOrderFile(sample, { fiscalYear: 2026 }).file;
    const merged = mergeDiagnoses(shipped, loaded);
    expect(merged.complete).toBe(true);
    const tables = createMemoryCodeTables({ ...(await loadCodeSets()), diagnoses: merged });
    const entry = (code: string, dos: string): DiagnosisEntry | null => {
      const found = tables.diagnosis(code, dos);
      return found.status === 'active' ? found.entry : null;
    };
    expect(entry('M5416', '2026-03-01')).toMatchObject({ region: 'LS', source: 'CMS ICD-10-CM order file FY2026', effectiveFrom: '2025-10-01' });
    expect(entry('M5450', '2026-03-01')).toMatchObject({ region: 'LS', unspecified: true, billable: true });
    // A subset code absent from the full list is not valid in its year, but is before and after it.
    expect(entry('M461', '2026-03-01')).toBeNull();
    expect(entry('M461', '2025-09-30')).toMatchObject({ effectiveTo: '2025-09-30', region: null });
    expect(entry('M461', '2026-10-01')).toMatchObject({ effectiveFrom: '2026-10-01', effectiveTo: null });
    // Dated history outside the year is kept.
    expect(entry('M545', '2021-09-30')).toMatchObject({ billable: true });
  });

  it('keeps entries sorted and never overlapping', async () => {
    const merged = mergeDiagnoses((await loadCodeSets()).diagnoses, parseIcd10cmOrderFile(sample, { fiscalYear: 2026 }).file);
    merged.entries.slice(1).forEach((e, i) => {
      const prev = merged.entries[i]!;
      expect(prev.code < e.code || (prev.code === e.code && prev.effectiveTo !== null && prev.effectiveTo < e.effectiveFrom), `${prev.code}/${e.code}`).toBe(true);
    });
  });

  it('returns the subset unchanged when the loaded file is empty', async () => {
    const shipped = (await loadCodeSets()).diagnoses;
    const empty: CodeSetFile<DiagnosisEntry> = { ...shipped, entries: [], complete: true };
    expect(mergeDiagnoses(shipped, empty)).toBe(shipped);
  });
});
