/**
 * Safe fixes: the only changes the corrected 837P makes to what the user sent. A fix is safe when
 * its result is fully determined by the claim itself and an X12 or CPT rule, so no data is
 * invented (issue 3, "never invent data"). The writer checks each fix against this list again
 * rather than trusting the rule that offered it; a fix that is not on the list, or no longer
 * applies (its segment or line is not in the claim), is skipped, never thrown.
 *
 * 1. Remove the decimal point from an ICD diagnosis code (`replace` on HI0n-2 whose qualifier
 *    HI0n-1 is ABK/ABF/BK/BF): the 837P carries codes without it (x12-837p-999-277ca §2.2 HI,
 *    §3.1 D1), so "M48.061" → "M48061". Offered by code/diagnosis.
 * 2. Upper-case a code or modifier (`replace` on SV101-1 … SV101-6, or on HI0n-2 as in 1): code
 *    values are upper case; "64483" and "rt" → "RT" name the same code. Offered by
 *    code/procedure, code/modifier and code/diagnosis (both 1 and 2 at once: "m48.061" →
 *    "M48061"). The new value must be exactly the old one upper-cased and/or without its
 *    decimal point: any other value would be data of our own.
 * 3. Drop a service line (`drop-line`): an imaging-guidance line (77002, 77003, 77012, 76942)
 *    bundled into a procedure whose code includes imaging (pain-coding-rules §1.8, C16), offered
 *    by pm/imaging-included. The 2400 loop with that LX01 goes, the remaining LX01 are renumbered
 *    1…n (x12-837p-999-277ca §2.2 LX, L2), and CLM02 is reduced by the line's SV102 in integer cents,
 *    written like an X12 R value without trailing zeros ("350.5", not "350.50"). Skipped when
 *    it would leave no line (a claim needs one), when CLM02 or SV102 is not a valid amount, or
 *    when the claim has other-payer loops (2320): their balancing (x12-837p-999-277ca §3.1 B3,
 *    CLM02 − CAS = AMT*D) and SVD06 bundled line numbers would no longer hold.
 * 4. The writer's own normalisation (every segment of the corrected file): trailing empty
 *    elements and components are not written (`REF*EI*123~`, not `REF*EI*123*~`; `HC:64483`,
 *    not `HC:64483::`); a segment must not end with a separator (x12-837p-999-277ca §1.6).
 */
import { formatCents, parseCents } from '../x12/amount.ts';
import type { Claim, LoopedSegment } from '../model/claim.ts';
import type { SafeFix } from '../rules/define-rule.ts';

export interface FixedClaim {
  /** The claim's own segments (2300 and its lines) after the fixes, as element lists (index 0 = id). */
  readonly segments: readonly (readonly string[])[];
  readonly applied: readonly SafeFix[];
  /** Fixes not on the list above or that no longer apply: the claim is written without them. */
  readonly skipped: readonly SafeFix[];
}

type ReplaceFix = Extract<SafeFix, { kind: 'replace' }>;
type DropLineFix = Extract<SafeFix, { kind: 'drop-line' }>;

interface EditableSegment {
  readonly source: LoopedSegment;
  readonly elements: string[];
}

interface EditableLine {
  readonly lx: number | null;
  readonly segments: readonly EditableSegment[];
}

/** HI qualifiers of diagnosis codes (ICD-10 ABK/ABF, ICD-9 BK/BF): the codes go without a decimal point. */
const DIAGNOSIS_QUALIFIER = /^A?B[KF]$/i;

/** Applies the safe fixes to a copy of the claim's 2300 and 2400 segments; the claim is not changed. */
export function applySafeFixes(claim: Claim, fixes: readonly SafeFix[]): FixedClaim {
  const editable = (s: LoopedSegment): EditableSegment => ({ source: s, elements: [...s.elements] });
  const head = claim.segments.map(editable);
  let lines: EditableLine[] = claim.lines.map((l) => ({ lx: l.lx, segments: l.segments.map(editable) }));
  const applied: SafeFix[] = [];
  const skipped: SafeFix[] = [];
  const all = [...head, ...lines.flatMap((l) => l.segments)];
  for (const fix of fixes) {
    if (fix.kind === 'replace') (replace(all, fix) ? applied : skipped).push(fix);
  }
  const otherPayers = head.some((s) => s.source.loopId === '2320');
  const clm = head.find((s) => s.source.id === 'CLM');
  for (const fix of fixes) {
    if (fix.kind !== 'drop-line') continue;
    const kept = otherPayers || clm === undefined ? null : dropLine(lines, clm, fix);
    if (kept === null) skipped.push(fix);
    else {
      lines = kept;
      applied.push(fix);
    }
  }
  if (lines.length < claim.lines.length) renumber(lines);
  return { segments: [...head, ...lines.flatMap((l) => l.segments)].map((s) => s.elements), applied, skipped };
}

function replace(segments: readonly EditableSegment[], fix: ReplaceFix): boolean {
  const target = segments.find((s) => s.source.fileIndex === fix.segment.fileIndex && s.source.id === fix.segment.id);
  const position = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n >= 1);
  if (target === undefined || !position(fix.element) || !position(fix.component)) return false;
  const { component: separator } = target.source.delimiters;
  const value = target.elements[fix.element] ?? '';
  const parts = value.split(separator);
  const c = fix.component ?? 1;
  const current = fix.component === undefined ? value : (parts[c - 1] ?? '');
  if (!safeValues(target, fix, current).includes(fix.value)) return false;
  if (fix.component === undefined) target.elements[fix.element] = fix.value;
  else {
    parts[c - 1] = fix.value;
    target.elements[fix.element] = parts.join(separator);
  }
  return true;
}

/** The values a replace may write at its target (fixes 1 and 2 above); none elsewhere. */
function safeValues(target: EditableSegment, fix: ReplaceFix, current: string): string[] {
  const upper = current.toUpperCase();
  const { id, delimiters } = target.source;
  if (id === 'SV1' && fix.element === 1 && fix.component !== undefined && fix.component <= 6) return [upper];
  const qualifier = (target.elements[fix.element] ?? '').split(delimiters.component)[0] ?? '';
  if (id === 'HI' && fix.element <= 12 && fix.component === 2 && DIAGNOSIS_QUALIFIER.test(qualifier)) {
    const undotted = current.replaceAll('.', '');
    return [upper, undotted, undotted.toUpperCase()];
  }
  return [];
}

/** The lines without the one dropped, CLM02 reduced by its SV102; null when the drop is not safe. */
function dropLine(lines: readonly EditableLine[], clm: EditableSegment, fix: DropLineFix): EditableLine[] | null {
  const index = lines.findIndex((l) => l.lx === fix.line);
  const line = lines[index];
  if (line === undefined || lines.length < 2) return null;
  const sv1 = line.segments.find((s) => s.source.id === 'SV1');
  const total = parseCents(clm.elements[2] ?? '');
  const charge = parseCents(sv1?.elements[2] ?? '');
  if (total === null || charge === null || charge < 0 || charge > total) return null;
  clm.elements[2] = formatCents(total - charge);
  return lines.filter((_, i) => i !== index);
}

/** LX01 = 1…n after a drop (the TR3 numbers lines from 1 without gaps). */
function renumber(lines: readonly EditableLine[]): void {
  lines.forEach((line, i) => {
    const lx = line.segments.find((s) => s.source.id === 'LX');
    if (lx !== undefined) lx.elements[1] = String(i + 1);
  });
}
