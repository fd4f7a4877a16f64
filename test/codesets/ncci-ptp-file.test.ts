import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../lib/adapters/fs-codesets.ts';
import { createMemoryCodeTables } from '../../lib/codesets/memory-code-tables.ts';
import { parsePtpFile } from '../../lib/codesets/ncci-ptp-file.ts';

const about = { source: 'CMS NCCI PTP practitioner sample', version: '2026Q3', retrieved: '2026-12-04' };
const sample = readFileSync(new URL('../fixtures/cms/ptp-sample.txt', import.meta.url), 'latin1');

describe('parsePtpFile', () => {
  const { file, problems } = parsePtpFile(sample, about);

  it('reads every edit row after the preamble and the multi-line header', () => {
    expect(file.entries).toHaveLength(13);
    expect(file.entries[0]).toEqual({
      column1: '20610', column2: '64484', modifierIndicator: '1', effectiveFrom: '2017-04-01', effectiveTo: null, source: about.source,
    });
    expect(file).toMatchObject({ id: 'ncci-ptp', version: '2026Q3', retrieved: '2026-12-04', complete: false });
  });

  it('ends a deleted edit the day before its CMS deletion date', () => {
    const deleted = file.entries.filter((e) => e.column1 === '20610' && e.column2 === '99213');
    expect(deleted.map((e) => [e.effectiveFrom, e.effectiveTo])).toEqual([['2013-07-01', '2019-12-31'], ['2020-10-01', null]]);
    // Across a leap day.
    expect(file.entries.find((e) => e.column2 === '92014')?.effectiveTo).toBe('2020-02-29');
  });

  it('keeps indicator 0 and drops an edit deleted on the day it took effect', () => {
    expect(file.entries.find((e) => e.column1 === '11042' && e.column2 === '62323')?.modifierIndicator).toBe('0');
    expect(file.entries.some((e) => e.column2 === '92012')).toBe(false);
  });

  it('returns bad rows as problems with their line numbers', () => {
    expect(problems).toEqual([
      { line: 22, message: 'effective date "2017-01-01" is not a YYYYMMDD date' },
      { line: 23, message: 'modifier indicator "2" is not 0, 1 or 9' },
      { line: 24, message: 'expected at least 6 tab-separated cells, found 4' },
    ]);
  });

  it('answers lookups through the in-memory tables on both sides of a deletion', async () => {
    const tables = createMemoryCodeTables({ ...(await loadCodeSets()), ptp: file });
    expect(tables.ptp('20610', '99213', '2019-12-31')?.effectiveTo).toBe('2019-12-31');
    expect(tables.ptp('20610', '99213', '2020-01-01')).toBeNull();
    expect(tables.ptp('20610', '99213', '2020-10-01')?.effectiveTo).toBeNull();
  });

  it('reads rows without a preamble, and reports a text with no edits', () => {
    expect(parsePtpFile('62323\t64483\t\t20170101\t*\t1\tx\n', about).file.entries).toHaveLength(1);
    expect(parsePtpFile('just a note\n', about).problems).toEqual([{ line: 1, message: expect.stringContaining('no PTP edit rows') }]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\t\t\t', 'Column 1\n\u0000\t\u0000', '62323\n', '62323\t64483\t\t20170230\t*\t1']) {
      expect(() => parsePtpFile(text, about)).not.toThrow();
    }
    expect(parsePtpFile('62323\t64483\t\t20170230\t*\t1', about).problems[0]?.message).toContain('20170230');
  });
});
