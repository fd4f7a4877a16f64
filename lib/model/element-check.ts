/**
 * SNIP 1–2 element checks of one segment against its TR3 segment spec: element count, usage,
 * type, length, characters, code subsets, dates and times, composites and repetitions (brief
 * §1.6), each reported with its 999 IK403 code (§4.3). Values are never trimmed or fixed.
 */
import type { Segment } from '../x12/segment.ts';
import type { ElementError, Ik403 } from '../x12/results.ts';
import { isComposite, type CompositeSpec, type ElementSpec, type SegmentSpec, type SimpleElementSpec } from './tr3.ts';

const NO_ERRORS: readonly ElementError[] = [];

/** Where an error sits: element (1-based), optional component and repetition. */
interface Place {
  readonly segmentId: string;
  readonly element: number;
  readonly component?: number;
  readonly repetition?: number;
}

/** Checks every element of `segment`; returns no errors as a shared empty array. */
export function checkElements(segment: Segment, spec: SegmentSpec): readonly ElementError[] {
  const out: ElementError[] = [];
  const elements = segment.elements;
  const count = elements.length - 1;
  const specs = spec.elements;
  for (let i = 1; i <= specs.length; i++) {
    const elementSpec = specs[i - 1]!;
    const before = out.length;
    checkElement(segment, i, elementSpec, out);
    if (out.length === before && elementSpec.ref === '1251' && specs[i - 2]?.ref === '1250') {
      checkQualifiedDate(segment, i, elementSpec as SimpleElementSpec, out);
    }
  }
  if (count > specs.length) {
    out.push({ element: specs.length + 1, code: '3', value: elements[specs.length + 1], message: `${segment.id} has ${count} elements; ${spec.name} allows at most ${specs.length}` });
  } else if (count >= 1 && elements[count] === '') {
    // §1.6: a segment must not end with an element separator.
    out.push({ element: count, code: '3', message: `${segment.id} ends with an element separator (empty trailing element ${label({ segmentId: segment.id, element: count })})` });
  }
  return out.length === 0 ? NO_ERRORS : out;
}

function checkElement(segment: Segment, i: number, spec: ElementSpec, out: ElementError[]): void {
  const raw = segment.elements[i] ?? '';
  const at: Place = { segmentId: segment.id, element: i };
  if (raw === '' || spec.usage === 'N') {
    checkPresence(raw, at, spec, out);
    return;
  }
  const repetition = segment.delimiters.repetition;
  const max = spec.repeat ?? 1;
  if (max <= 1 || repetition === null || !raw.includes(repetition)) {
    checkValue(segment, raw, at, spec, out);
    return;
  }
  const values = raw.split(repetition);
  if (values.length > max) {
    out.push(error(at, spec, '12', raw, `has ${values.length} repetitions; at most ${max} allowed`));
  }
  for (let r = 0; r < Math.min(values.length, max); r++) {
    const value = values[r]!;
    if (value !== '') checkValue(segment, value, { ...at, repetition: r + 1 }, spec, out);
  }
}

/** Usage against presence: required but empty (1), not used but present (I10). */
function checkPresence(value: string, at: Place, spec: ElementSpec | SimpleElementSpec, out: ElementError[]): void {
  if (value === '' && spec.usage === 'R') out.push(error(at, spec, '1', undefined, 'is required but missing'));
  if (value !== '' && spec.usage === 'N') out.push(error(at, spec, 'I10', value, `is not used in this implementation but holds '${shown(value)}'`));
}

function checkValue(segment: Segment, value: string, at: Place, spec: ElementSpec, out: ElementError[]): void {
  if (isComposite(spec)) {
    checkComposite(segment, value, at, spec, out);
    return;
  }
  const code = valueProblem(value, spec);
  if (code !== null) out.push(error(at, spec, code, value, describe(code, value, spec)));
}

function checkComposite(segment: Segment, value: string, at: Place, spec: CompositeSpec, out: ElementError[]): void {
  const parts = value.split(segment.delimiters.component);
  const specs = spec.components;
  if (parts.length > specs.length) {
    out.push(error({ ...at, component: specs.length + 1 }, spec, '13', value, `has ${parts.length} components; ${spec.name} allows at most ${specs.length}`));
  }
  for (let c = 0; c < specs.length; c++) {
    const part = parts[c] ?? '';
    const component = specs[c]!;
    const place = { ...at, component: c + 1 };
    if (part === '' || component.usage === 'N') checkPresence(part, place, component, out);
    else checkValue(segment, part, place, component, out);
  }
}

const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const INTEGER = /^-?\d+$/;
const TIME = /^(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d\d{0,2})?$/;

/** The first IK403 problem of a non-empty simple value, or null. No allocation on the clean path. */
function valueProblem(value: string, spec: SimpleElementSpec): Ik403 | null {
  for (let k = 0; k < value.length; k++) {
    const ch = value.charCodeAt(k);
    if (ch < 0x20 || ch > 0x7e) return '6';
  }
  let length = value.length;
  switch (spec.type) {
    case 'R':
      if (!DECIMAL.test(value)) return '6';
      length = digitCount(value);
      break;
    case 'N0':
    case 'N2':
      if (!INTEGER.test(value)) return '6';
      length = digitCount(value);
      break;
    case 'DT':
      return isDate(value) ? null : '8';
    case 'TM':
      return TIME.test(value) ? null : '9';
    case 'ID':
      if (spec.codes !== undefined) return spec.codes.includes(value) ? null : '7';
      break;
    case 'AN':
      break;
  }
  if (length < spec.min) return '4';
  if (length > spec.max) return '5';
  return null;
}

function digitCount(value: string): number {
  let n = 0;
  for (let k = 0; k < value.length; k++) {
    const ch = value.charCodeAt(k);
    if (ch >= 0x30 && ch <= 0x39) n++;
  }
  return n;
}

const TYPE_RULES: Partial<Record<SimpleElementSpec['type'], string>> = {
  R: "a decimal number (optional leading '-', digits, at most one '.' followed by digits)",
  N0: "a whole number (optional leading '-', digits only)",
  N2: "a whole number with two implied decimals (optional leading '-', digits only)",
};

/** The reason behind a value problem, for the message (error path only). */
function describe(code: Ik403, value: string, spec: SimpleElementSpec): string {
  const v = `'${shown(value)}'`;
  switch (code) {
    case '6': {
      const bad = [...value].find((ch) => ch < ' ' || ch > '~');
      if (bad !== undefined) {
        const hex = bad.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
        return `${v} has an invalid character: ${bad.charCodeAt(0) > 0x7e ? 'non-ASCII byte' : 'control character'} 0x${hex}`;
      }
      return `${v} has an invalid character: it must be ${TYPE_RULES[spec.type] ?? spec.type}`;
    }
    case '7':
      return `${v} is not a valid code (allowed: ${abbreviate(spec.codes ?? [])})`;
    case '8':
      return `${v} is not a valid date (CCYYMMDD)`;
    case '9':
      return `${v} is not a valid time (HHMM, HHMMSS or HHMMSSdd)`;
    case '4':
      return `${v} is too short (at least ${spec.min}${isNumeric(spec) ? ' digits' : ' characters'})`;
    default:
      return `${v} is too long (at most ${spec.max}${isNumeric(spec) ? ' digits' : ' characters'})`;
  }
}

function isNumeric(spec: SimpleElementSpec): boolean {
  return spec.type === 'R' || spec.type === 'N0' || spec.type === 'N2';
}

function abbreviate(codes: readonly string[]): string {
  return codes.length <= 12 ? codes.join(', ') : `${codes.slice(0, 12).join(', ')} … (${codes.length} codes)`;
}

/**
 * DTP03, DMG02, PAT06 (element 1251) are AN 1-35 whose format the preceding 1250 qualifier
 * gives (§1.6): D8 = CCYYMMDD, RD8 = CCYYMMDD-CCYYMMDD with from ≤ to. Other formats are not
 * used by the 837P and are left alone.
 */
function checkQualifiedDate(segment: Segment, i: number, spec: SimpleElementSpec, out: ElementError[]): void {
  const value = segment.elements[i] ?? '';
  const format = segment.elements[i - 1] ?? '';
  if (value === '') return;
  const at: Place = { segmentId: segment.id, element: i };
  const qualifier = label({ segmentId: segment.id, element: i - 1 });
  if (format === 'D8' && !isDate(value)) {
    out.push(error(at, spec, '8', value, `'${shown(value)}' is not a valid CCYYMMDD date (${qualifier} is D8)`));
  } else if (format === 'RD8') {
    const [from, to, extra] = value.split('-');
    if (from === undefined || to === undefined || extra !== undefined || !isDate(from) || !isDate(to)) {
      out.push(error(at, spec, '8', value, `'${shown(value)}' is not a valid CCYYMMDD-CCYYMMDD date range (${qualifier} is RD8)`));
    } else if (from > to) {
      out.push(error(at, spec, '8', value, `'${shown(value)}' ends before it starts (${qualifier} is RD8)`));
    }
  }
}

const DATE = /^\d{8}$/;

/** A real calendar date CCYYMMDD. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** CLM02, CLM05-1 … */
function label(at: Place): string {
  const base = `${at.segmentId}${String(at.element).padStart(2, '0')}`;
  return at.component === undefined ? base : `${base}-${at.component}`;
}

/** Non-printable characters as \xNN so a message stays one readable line. */
function shown(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * IK402 is a numeric data element reference (N0 1-4): composite refs such as C023 are left out
 * for composite-level errors.
 */
function error(at: Place, spec: ElementSpec, code: Ik403, value: string | undefined, what: string): ElementError {
  const repeat = at.repetition === undefined ? '' : ` (repetition ${at.repetition})`;
  return {
    element: at.element,
    ...(at.component === undefined ? {} : { component: at.component }),
    ...(at.repetition === undefined ? {} : { repetition: at.repetition }),
    ...(/^\d+$/.test(spec.ref) ? { dataElementRef: spec.ref } : {}),
    code,
    ...(value === undefined ? {} : { value }),
    message: `${label(at)}${repeat} (${spec.name}) ${what}`,
  };
}
