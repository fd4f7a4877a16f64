import type { ServiceLineView } from '../model/claim-view.ts';
import type { ClaimOutcome, GradedFinding } from '../rules/claim-outcome.ts';
import type { Ack277 } from '../rules/define-rule.ts';
import type { Delimiters } from '../x12/delimiters.ts';
import { composite } from './envelope-writer.ts';

/**
 * The status composites of 277CA STC segments (brief §5.2–§5.5): which codes a claim or a
 * service line is answered with, and the free-form message of STC12.
 */

/** STC01-1 category (507), STC01-2 status (508), STC01-3 entity; wider than Ack277, which only rejects. */
export interface StatusComposite {
  readonly category: string;
  readonly status: string;
  readonly entity?: string;
}

/** Why a claim or a line was rejected: STC01 first, then up to two more for STC10 and STC11. */
export interface Rejection {
  readonly statuses: readonly StatusComposite[];
  /** STC12 text as written by the rule, before {@link freeText} makes it fit. */
  readonly message: string;
}

/** A rejected service line and why (the 2220D loop). */
export interface LineRejection extends Rejection {
  readonly line: ServiceLineView;
}

/** STC01 + STC10 + STC11 (brief §5.2). */
const MAX_STATUSES = 3;
/** STC12 is AN 1-264 (brief §5.2). */
const MAX_MESSAGE = 264;

/** Accepted into adjudication (brief §5.3 A2, §5.4 20); 20 takes no entity. */
export const ACCEPTED: StatusComposite = { category: 'A2', status: '20' };
/** Generic reject: returned as unprocessable, missing or invalid information (brief §5.3 A3, §5.4 21). */
const UNPROCESSABLE: StatusComposite = { category: 'A3', status: '21' };
/** "Syntax error noted for this claim (see the 999)" (brief §5.4 684). */
const SEE_999: StatusComposite = { category: 'A3', status: '684' };

export function statusComposite(s: StatusComposite, d: Delimiters): string {
  return composite(d, s.category, s.status, s.entity ?? '');
}

/**
 * The claim's 2200D rejection: the first error finding's code, then the other distinct codes
 * of its error findings. Warnings never reject (the 277CA cannot say "accepted with
 * warnings", brief §5.1, RFI 2203), so only findings graded 'error' count.
 */
export function claimRejection(outcome: ClaimOutcome): Rejection {
  const errors = outcome.findings.filter((f) => f.severity === 'error');
  const statuses = errors.map(findingStatus);
  if (outcome.snipErrors.length > 0) {
    // A SNIP 1–2 error rejects its set in the 999, and a set the 999 rejected gets no 277CA, so
    // this only happens for a set accepted with errors (IK501 E). 21 is the generic code and
    // asks for a specific second one (brief §5.4); 684 is the code made for exactly this case.
    if (statuses.length === 0) statuses.push(UNPROCESSABLE);
    statuses.push(SEE_999);
  }
  // Rejected with nothing saying why (an inconsistent outcome): still a valid, generic answer.
  if (statuses.length === 0) statuses.push(UNPROCESSABLE);
  const message = errors[0]?.finding.message ?? outcome.report.findings.find((f) => f.severity === 'error')?.message ?? '';
  return { statuses: distinct(statuses), message };
}

/**
 * The 2220D loops: each service line an error finding names, once, in file order, with the
 * distinct codes of that line's errors (brief §5.1: only lines that caused the rejection).
 */
export function lineRejections(outcome: ClaimOutcome): LineRejection[] {
  const byLine = new Map<number, { line: ServiceLineView; errors: GradedFinding[] }>();
  for (const f of outcome.findings) {
    const line = f.finding.line;
    if (f.severity !== 'error' || line === null) continue;
    const entry = byLine.get(line.sv1.fileIndex) ?? { line, errors: [] };
    entry.errors.push(f);
    byLine.set(line.sv1.fileIndex, entry);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, { line, errors }]) => ({ line, statuses: distinct(errors.map(findingStatus)), message: errors[0]?.finding.message ?? '' }));
}

/**
 * Our text as an X12 AN value: no delimiter of the interchange (it would split the segment),
 * plain ASCII (the X12 character sets have no typographic dashes or quotes), one line, at
 * most `max` characters.
 */
export function freeText(text: string, d: Delimiters, max = MAX_MESSAGE): string {
  const delimiters = new Set([d.element, d.component, d.segment, ...(d.repetition === null ? [] : [d.repetition])]);
  // Symbols in words first: decomposed, "≠" would lose its stroke and say "=". Then accents
  // come off letters ("é" → "e"), and typographic dashes and quotes become ASCII ones.
  const ascii = [...text]
    .map((c) => IN_WORDS[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/([A-Za-z])[\u0300-\u036F]+/g, '$1')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"');
  const kept = [...ascii].map((c) => (delimiters.has(c) || c < ' ' || c > '~' ? ' ' : c)).join('');
  return kept.replace(/\s+/g, ' ').trim().slice(0, max).trimEnd();
}

/** Symbols our messages may use, said in words (a character like '<' could be a delimiter). */
const IN_WORDS: Readonly<Record<string, string>> = { '≠': ' not equal to ', '≤': ' at most ', '≥': ' at least ', '§': ' section ', '…': '...' };

function findingStatus(f: GradedFinding): StatusComposite {
  return f.finding.ack ?? f.rule.ack;
}

function distinct(statuses: readonly (StatusComposite | Ack277)[]): StatusComposite[] {
  const seen = new Set<string>();
  const out: StatusComposite[] = [];
  for (const s of statuses) {
    const key = `${s.category}:${s.status}:${s.entity ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out.slice(0, MAX_STATUSES);
}
