import { day } from '../model/claim-view.ts';
import type { CodeSetFile } from './code-set-file.ts';
import type { Day, PtpEdit } from './types.ts';

/**
 * Reads the CMS quarterly practitioner PTP file (NCCI "ccipra-v<version>-f<part>.txt", one of
 * four parts) into the ncci-ptp code set, so a user can load the whole current table instead of
 * the subset shipped in codesets/ncci-ptp.json (pain-coding-rules §2, §8 item 1).
 *
 * Layout: a copyright preamble, a header row starting "Column 1", sometimes continued on lines
 * whose first cells are empty ("*=no data", "0=not allowed" …), then one tab-separated row per
 * edit: column 1, column 2, "*" when in existence prior to 1996, effective date YYYYMMDD,
 * deletion date YYYYMMDD or "*", modifier indicator 0/1/9, PTP edit rationale.
 *
 * Pure and total: a row that cannot be read becomes a problem with its line number, never an
 * exception, so one bad row does not lose a 250,000-row quarter.
 */

export interface PtpFileProblem {
  /** 1-based line number in the text. */
  readonly line: number;
  readonly message: string;
}

export interface PtpFileDescription {
  /** Provenance put on every entry, e.g. "CMS NCCI PTP practitioner v32.2 r0 f1". */
  readonly source: string;
  /** Data version, e.g. "2026Q3". */
  readonly version: string;
  /** When the file was downloaded, YYYY-MM-DD. */
  readonly retrieved: Day;
}

export interface PtpFileParse {
  readonly file: CodeSetFile<PtpEdit>;
  readonly problems: readonly PtpFileProblem[];
}

/** CPT (5 digits), Category III (4 digits + T) or HCPCS Level II (letter + 4 digits). */
const PROCEDURE_CODE = /^[0-9A-Z]{5}$/;

export function parsePtpFile(text: string, about: PtpFileDescription): PtpFileParse {
  const entries: PtpEdit[] = [];
  const problems: PtpFileProblem[] = [];
  let stage: 'preamble' | 'header' | 'data' = 'preamble';
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const cells = raw.replace(/\r$/, '').split('\t').map((c) => c.trim());
    const first = (cells[0] ?? '').toUpperCase();
    if (cells.every((c) => c === '')) return;
    if (stage !== 'data' && /^COLUMN\s*1\b/.test(first)) {
      stage = 'header';
      return;
    }
    // Before the first edit, lines that do not start with a code are the preamble or the
    // header's continuation lines; from the first edit on, every line must be an edit.
    if (stage !== 'data' && !PROCEDURE_CODE.test(first)) return;
    stage = 'data';
    const read = readRow(cells, about.source);
    if (typeof read === 'string') problems.push({ line, message: read });
    else if (read !== null) entries.push(read);
  });
  if (entries.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'no PTP edit rows found (expected a "Column 1" header and tab-separated rows)' });
  const file: CodeSetFile<PtpEdit> = {
    id: 'ncci-ptp',
    title: 'NCCI practitioner procedure-to-procedure edits (CMS quarterly file)',
    source: about.source,
    version: about.version,
    retrieved: about.retrieved,
    complete: false,
    entries,
  };
  return { file, problems };
}

/** An edit, a problem message, or null for an edit that never applied. */
function readRow(cells: readonly string[], source: string): PtpEdit | string | null {
  if (cells.length < 6) return `expected at least 6 tab-separated cells, found ${cells.length}`;
  const [c1 = '', c2 = '', , effective = '', deletion = '', indicator = ''] = cells;
  const column1 = c1.toUpperCase();
  const column2 = c2.toUpperCase();
  if (!PROCEDURE_CODE.test(column1)) return `column 1 "${c1}" is not a CPT/HCPCS code`;
  if (!PROCEDURE_CODE.test(column2)) return `column 2 "${c2}" is not a CPT/HCPCS code`;
  const effectiveFrom = day(effective);
  if (effectiveFrom === null) return `effective date "${effective}" is not a YYYYMMDD date`;
  if (indicator !== '0' && indicator !== '1' && indicator !== '9') return `modifier indicator "${indicator}" is not 0, 1 or 9`;
  let effectiveTo: Day | null = null;
  if (deletion !== '*' && deletion !== '') {
    const deleted = day(deletion);
    if (deleted === null) return `deletion date "${deletion}" is not a YYYYMMDD date or "*"`;
    // CMS's deletion date is the first day the edit no longer applies; our effectiveTo is the
    // last day it does (inclusive), so the day before.
    effectiveTo = dayBefore(deleted);
    // Deleted on the day it took effect (CMS has such rows, indicator 9): it never applied.
    if (effectiveTo < effectiveFrom) return null;
  }
  return { column1, column2, modifierIndicator: indicator, effectiveFrom, effectiveTo, source };
}

function dayBefore(d: Day): Day {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, dd - 1)).toISOString().slice(0, 10);
}
