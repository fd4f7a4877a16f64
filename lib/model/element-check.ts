/**
 * SNIP 1–2 element checks of one segment against its TR3 segment spec: element count, usage,
 * type, length, characters, code subsets, dates and times, composites and repetitions (brief
 * §1.6), each reported with its 999 IK403 code (§4.3). Values are never trimmed or fixed.
 */
import type { Segment } from '../x12/segment.ts';
import type { ElementError, Ik403 } from '../x12/results.ts';
import { isComposite, type CompositeSpec, type ElementSpec, type SegmentSpec, type SimpleElementSpec } from './tr3.ts';
import { isDate, isDateAt } from '../x12/dates.ts';

const NO_ERRORS: readonly ElementError[] = [];
/** Reused between calls (the check is synchronous and not re-entrant): a clean segment allocates no array. */
const scratch: ElementError[] = [];

/**
 * Where an error sits: element (1-based), component and repetition (0 = none). Plain numbers, not
 * an object, so the clean path allocates nothing per element.
 */
interface Place {
  readonly segmentId: string;
  readonly element: number;
  readonly component: number;
  readonly repetition: number;
}

/** What the check needs per element, worked out once per segment spec. */
interface ElementPlan {
  readonly spec: ElementSpec;
  readonly composite: CompositeSpec | null;
  readonly repeat: number;
  /** DTP03, DMG02, PAT06: a 1251 date whose format the preceding 1250 qualifier gives (§1.6). */
  readonly qualifiedDate: boolean;
}

const plans = new WeakMap<SegmentSpec, readonly ElementPlan[]>();

function planOf(spec: SegmentSpec): readonly ElementPlan[] {
  let plan = plans.get(spec);
  if (plan === undefined) {
    plan = spec.elements.map((e, k) => ({
      spec: e,
      composite: isComposite(e) ? e : null,
      repeat: e.repeat ?? 1,
      qualifiedDate: e.ref === '1251' && spec.elements[k - 1]?.ref === '1250',
    }));
    plans.set(spec, plan);
  }
  return plan;
}

/** Checks every element of `segment`; returns no errors as a shared empty array. */
export function checkElements(segment: Segment, spec: SegmentSpec): readonly ElementError[] {
  const out = scratch;
  const elements = segment.elements;
  const count = elements.length - 1;
  const plan = planOf(spec);
  for (let i = 1; i <= plan.length; i++) {
    const element = plan[i - 1]!;
    const raw = elements[i] ?? '';
    const before = out.length;
    if (raw === '' || element.spec.usage === 'N') checkPresence(segment, raw, i, 0, element.spec, out);
    else if (element.repeat > 1) checkRepeats(segment, raw, i, element, out);
    else checkValue(segment, raw, i, 0, element, out);
    if (element.qualifiedDate && out.length === before) checkQualifiedDate(segment, i, element.spec as SimpleElementSpec, out);
  }
  if (count > plan.length) {
    out.push({ element: plan.length + 1, code: '3', value: elements[plan.length + 1], message: `${segment.id} has ${count} elements; ${spec.name} allows at most ${plan.length}` });
  } else if (count >= 1 && elements[count] === '') {
    // §1.6: a segment must not end with an element separator.
    out.push({ element: count, code: '3', message: `${segment.id} ends with an element separator (empty trailing element ${label(place(segment, count, 0, 0))})` });
  }
  if (out.length === 0) return NO_ERRORS;
  const errors = out.slice();
  out.length = 0;
  return errors;
}

/** A repeating element: split on the repetition separator only when the spec allows repeats. */
function checkRepeats(segment: Segment, raw: string, i: number, element: ElementPlan, out: ElementError[]): void {
  const separator = segment.delimiters.repetition;
  if (separator === null || !raw.includes(separator)) {
    checkValue(segment, raw, i, 0, element, out);
    return;
  }
  const values = raw.split(separator);
  const max = element.repeat;
  if (values.length > max) {
    out.push(error(place(segment, i, 0, 0), element.spec, '12', raw, `has ${values.length} repetitions; at most ${max} allowed`));
  }
  for (let r = 0; r < Math.min(values.length, max); r++) {
    const value = values[r]!;
    if (value !== '') checkValue(segment, value, i, r + 1, element, out);
  }
}

function place(segment: Segment, element: number, component: number, repetition: number): Place {
  return { segmentId: segment.id, element, component, repetition };
}

/** Usage against presence: required but empty (1), not used but present (I10). */
function checkPresence(segment: Segment, value: string, element: number, component: number, spec: ElementSpec, out: ElementError[]): void {
  if (value === '' && spec.usage === 'R') out.push(error(place(segment, element, component, 0), spec, '1', undefined, 'is required but missing'));
  if (value !== '' && spec.usage === 'N') out.push(error(place(segment, element, component, 0), spec, 'I10', value, `is not used in this implementation but holds '${shown(value)}'`));
}

function checkValue(segment: Segment, value: string, element: number, repetition: number, plan: ElementPlan, out: ElementError[]): void {
  if (plan.composite !== null) {
    checkComposite(segment, value, element, repetition, plan.composite, out);
    return;
  }
  const spec = plan.spec as SimpleElementSpec;
  const code = valueProblem(value, 0, value.length, spec);
  if (code !== null) out.push(error(place(segment, element, 0, repetition), spec, code, value, describe(code, value, spec)));
}

/** Components are judged in place (start/end indexes) rather than split: no array or substring per composite. */
function checkComposite(segment: Segment, value: string, element: number, repetition: number, spec: CompositeSpec, out: ElementError[]): void {
  const separator = segment.delimiters.component;
  const specs = spec.components;
  let start = 0;
  for (let c = 0; c < specs.length; c++) {
    const cut = start > value.length ? -1 : value.indexOf(separator, start);
    const end = cut < 0 ? value.length : cut;
    const component = specs[c]!;
    if (start >= end || component.usage === 'N') {
      checkPresence(segment, start >= end ? '' : value.slice(start, end), element, c + 1, component, out);
    } else {
      const code = valueProblem(value, start, end, component);
      if (code !== null) {
        const part = value.slice(start, end);
        out.push(error(place(segment, element, c + 1, repetition), component, code, part, describe(code, part, component)));
      }
    }
    start = cut < 0 ? value.length + 1 : cut + 1;
  }
  if (start <= value.length) {
    const count = value.split(separator).length;
    out.push(error(place(segment, element, specs.length + 1, repetition), spec, '13', value, `has ${count} components; ${spec.name} allows at most ${specs.length}`));
  }
}

const TIME = /^(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d\d{0,2})?$/;

/**
 * The first IK403 problem of the non-empty value[start, end) (a simple element or one
 * component), or null. No allocation on the clean path.
 */
function valueProblem(value: string, start: number, end: number, spec: SimpleElementSpec): Ik403 | null {
  for (let k = start; k < end; k++) {
    const ch = value.charCodeAt(k);
    if (ch < 0x20 || ch > 0x7e) return '6';
  }
  let length = end - start;
  switch (spec.type) {
    case 'R':
    case 'N0':
    case 'N2':
      length = numberDigits(value, start, end, spec.type === 'R');
      if (length < 0) return '6';
      break;
    case 'DT':
      return isDateAt(value, start, end) ? null : '8';
    case 'TM':
      return TIME.test(value.slice(start, end)) ? null : '9';
    case 'ID':
      if (spec.codes !== undefined) return hasCode(spec.codes, value, start, end) ? null : '7';
      break;
    case 'AN':
      break;
  }
  if (length < spec.min) return '4';
  if (length > spec.max) return '5';
  return null;
}

function hasCode(codes: readonly string[], value: string, start: number, end: number): boolean {
  for (const code of codes) if (code.length === end - start && value.startsWith(code, start)) return true;
  return false;
}

/**
 * The digit count of a valid number (what X12 lengths count for R and N, §1.6), or -1 when the
 * value is not one: optional leading '-', digits, and for R one '.' that has digits after it
 * and at least one digit somewhere. No '+', no thousands separators.
 */
function numberDigits(value: string, start: number, end: number, decimal: boolean): number {
  let k = value.charCodeAt(start) === 0x2d ? start + 1 : start;
  let digits = 0;
  let point = -1;
  for (; k < end; k++) {
    const ch = value.charCodeAt(k);
    if (ch >= 0x30 && ch <= 0x39) digits++;
    else if (ch === 0x2e && decimal && point < 0) point = k;
    else return -1;
  }
  if (digits === 0 || point === end - 1) return -1;
  return digits;
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
  const at = place(segment, i, 0, 0);
  const qualifier = label(place(segment, i - 1, 0, 0));
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

/** CLM02, CLM05-1 … */
function label(at: Place): string {
  const base = `${at.segmentId}${String(at.element).padStart(2, '0')}`;
  return at.component === 0 ? base : `${base}-${at.component}`;
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
  const repeat = at.repetition === 0 ? '' : ` (repetition ${at.repetition})`;
  return {
    element: at.element,
    ...(at.component === 0 ? {} : { component: at.component }),
    ...(at.repetition === 0 ? {} : { repetition: at.repetition }),
    ...(/^\d+$/.test(spec.ref) ? { dataElementRef: spec.ref } : {}),
    code,
    ...(value === undefined ? {} : { value }),
    message: `${label(at)}${repeat} (${spec.name}) ${what}`,
  };
}
