import { addDays } from '../ledger/days.ts';
import type { CodeSetFile } from './code-set-file.ts';
import type { Day, DiagnosisEntry } from './types.ts';

/**
 * The CMS ICD-10-CM order file (icd10cm_order_<FY>.txt, published yearly for October 1 and
 * for April updates): one fixed-width line per code, headers included, in tabular order.
 *
 *   cols 1-5   order number, zero-padded
 *   col  6     blank
 *   cols 7-13  code without the decimal point, left-justified, blank-padded
 *   col  14    blank
 *   col  15    1 = valid for HIPAA-covered transactions (billable), 0 = header
 *   col  16    blank
 *   cols 17-76 short description, blank-padded to 60
 *   col  77    blank
 *   cols 78-   long description
 *
 * Loading it makes the diagnosis table complete for that period: an unknown code is then
 * invalid, not just unknown (rule-catalogue code/diagnosis).
 */

/** A line of the order file that could not be read; the rest of the file still loads. */
export interface OrderFileProblem {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly message: string;
}

export interface OrderFileOptions {
  /** The fiscal year the file is for: FY2026 runs 2025-10-01 to 2026-09-30. */
  readonly fiscalYear: number;
  /** First day of the file's validity when it is a mid-year (April 1) update; default October 1 of FY-1. */
  readonly effectiveFrom?: Day;
  /** Where the file came from (file name, CMS release), for the code set's `source`. */
  readonly source?: string;
  /** When the file was read, YYYY-MM-DD (the caller's clock: this module has none). */
  readonly retrieved?: Day;
}

export interface OrderFileParse {
  /** Every well-formed line as an entry dated to the file's period, sorted by code; `complete` is true. */
  readonly file: CodeSetFile<DiagnosisEntry>;
  readonly problems: readonly OrderFileProblem[];
}

const ORDER_LINE = /^(\d{5}) (.{7}) ([01]) (.*)$/;
const ICD10CM_CODE = /^[A-Z][0-9][0-9A-Z]{1,5}$/;
const SHORT_DESCRIPTION_WIDTH = 60;

/** Reads an order file's text; never throws: unreadable lines come back as problems. */
export function parseIcd10cmOrderFile(text: string, options: OrderFileOptions): OrderFileParse {
  const period = {
    from: options.effectiveFrom ?? `${options.fiscalYear - 1}-10-01`,
    to: `${options.fiscalYear}-09-30`,
  };
  const source = options.source ?? `CMS ICD-10-CM order file FY${options.fiscalYear}`;
  const entries: DiagnosisEntry[] = [];
  const problems: OrderFileProblem[] = [];
  const seen = new Set<string>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const problem = (message: string): void => void problems.push({ line: index + 1, message });
    const match = ORDER_LINE.exec(raw);
    if (match === null) return problem('not an order-file line (order number, code, 0/1 flag and description at fixed columns)');
    const code = match[2]!.trimEnd();
    if (!ICD10CM_CODE.test(code)) return problem(`"${code}" is not an ICD-10-CM code without the decimal point`);
    if (seen.has(code)) return problem(`${code} appears more than once`);
    const descriptions = match[4]!;
    const short = descriptions.slice(0, SHORT_DESCRIPTION_WIDTH).trim();
    const long = descriptions.slice(SHORT_DESCRIPTION_WIDTH + 1).trim();
    if (short === '' && long === '') return problem(`${code} has no description`);
    seen.add(code);
    entries.push({
      code,
      description: long === '' ? short : long,
      billable: match[3] === '1',
      region: null,
      unspecified: false,
      effectiveFrom: period.from,
      effectiveTo: period.to,
      source,
    });
  });
  entries.sort((a, b) => compareText(a.code, b.code));
  if (entries.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'no order-file lines found' });
  const file: CodeSetFile<DiagnosisEntry> = {
    id: 'diagnoses',
    title: `ICD-10-CM FY${options.fiscalYear} (CMS order file)`,
    source,
    version: `FY${options.fiscalYear}`,
    retrieved: options.retrieved ?? period.from,
    complete: true,
    entries,
  };
  return { file, problems };
}

/** The fiscal year in a CMS order file name (icd10cm_order_2026.txt, icd10cm-order-April-2026.txt), or null. */
export function fiscalYearFromFileName(name: string): number | null {
  const year = /order[-_ ](?:[A-Za-z]+[-_ ])?(\d{4})\b/i.exec(name)?.[1];
  return year === undefined ? null : Number(year);
}

/**
 * The shipped subset with a loaded full list laid over it: within the loaded period the loaded
 * entries replace the subset's (a subset code missing from the full list is not valid then),
 * keeping the subset's `region` and `unspecified` flags, which the CMS file does not carry.
 * Subset entries outside the period stay, clipped to its edges. Pure.
 */
export function mergeDiagnoses(
  shipped: CodeSetFile<DiagnosisEntry>,
  loaded: CodeSetFile<DiagnosisEntry>,
): CodeSetFile<DiagnosisEntry> {
  if (loaded.entries.length === 0) return shipped;
  const from = loaded.entries.reduce((min, e) => (e.effectiveFrom < min ? e.effectiveFrom : min), loaded.entries[0]!.effectiveFrom);
  const to = loaded.entries.reduce<Day | null>((max, e) => (max === null || e.effectiveTo === null ? null : e.effectiveTo > max ? e.effectiveTo : max), loaded.entries[0]!.effectiveTo);
  const outside = shipped.entries.flatMap((e) => clipOutside(e, from, to));
  const flagsOf = new Map<string, DiagnosisEntry>();
  for (const e of shipped.entries) {
    if (overlaps(e, from, to)) flagsOf.set(e.code, e);
  }
  const inside = loaded.entries.map((e) => {
    const flags = flagsOf.get(e.code);
    return flags === undefined ? e : { ...e, region: flags.region, unspecified: flags.unspecified };
  });
  return {
    ...shipped,
    title: `${shipped.title}, with ${loaded.title}`,
    source: `${shipped.source}; ${loaded.source}`,
    version: `${shipped.version}+${loaded.version}`,
    complete: loaded.complete,
    completePeriod: { from, to },
    entries: [...outside, ...inside].sort((a, b) => compareText(a.code, b.code) || compareText(a.effectiveFrom, b.effectiveFrom)),
  };
}

function overlaps(e: DiagnosisEntry, from: Day, to: Day | null): boolean {
  return (to === null || e.effectiveFrom <= to) && (e.effectiveTo === null || e.effectiveTo >= from);
}

/** The parts of an entry's date range before `from` and after `to`. */
function clipOutside(e: DiagnosisEntry, from: Day, to: Day | null): DiagnosisEntry[] {
  if (!overlaps(e, from, to)) return [e];
  const parts: DiagnosisEntry[] = [];
  if (e.effectiveFrom < from) parts.push({ ...e, effectiveTo: addDays(from, -1) });
  if (to !== null && (e.effectiveTo === null || e.effectiveTo > to)) parts.push({ ...e, effectiveFrom: addDays(to, 1) });
  return parts;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
