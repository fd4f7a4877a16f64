import type { Delimiters } from './delimiters.ts';

/** The ISA is fixed width: 106 characters from `I` to the segment terminator. */
export const ISA_LENGTH = 106;

/**
 * Offsets of the element separator after ISA01..ISA15 (offset 3 precedes ISA01). ISA16 is the
 * single character at 104 and the terminator sits at 105.
 */
const SEPARATOR_AFTER = [6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103] as const;

/**
 * TA105 note code for a bad ISA element (index 1..16), the usual default table
 * (ISA01→010 … ISA16→027, with ISA11→016).
 */
const TA105_FOR_ELEMENT = ['', '010', '011', '012', '013', '005', '006', '007', '008', '014', '015', '016', '017', '018', '019', '020', '027'] as const;

export function ta105ForIsaElement(n: number): string {
  return TA105_FOR_ELEMENT[n] ?? '022';
}

export type IsaParse =
  | {
      readonly ok: true;
      readonly delimiters: Delimiters;
      readonly elements: readonly string[];
      /**
       * A defect that does not stop the interchange being read: an ISA11 that cannot be the
       * repetition separator (the "U" of 4010 under 00501, or a duplicate delimiter). Framing is
       * sound, so the data is read with no repetition separator; the TA1 decides how to answer.
       */
      readonly note?: { readonly ta105: string; readonly message: string };
    }
  | {
      readonly ok: false;
      readonly ta105: string;
      readonly message: string;
      /** Best-effort split (index 0 = "ISA"), so a TA1 can still quote ISA13 when it is legible. */
      readonly elements: readonly string[];
    };

const ALNUM = /^[A-Za-z0-9]$/;

/**
 * Reads delimiters from a candidate ISA (`text` starts with "ISA"; at least 106 characters
 * unless the stream ended early). Never throws: a header that cannot be trusted comes back as
 * `ok: false` with the TA105 code that names the first bad element.
 */
export function parseIsa(text: string): IsaParse {
  const sep = text[3] ?? '';
  const bestEffort = splitBestEffort(text);
  if (text.length < ISA_LENGTH) {
    return { ok: false, ta105: '023', message: `the ISA header is ${text.length} characters long, not ${ISA_LENGTH}: the file ends inside it`, elements: bestEffort };
  }
  for (let i = 0; i < SEPARATOR_AFTER.length; i++) {
    const at = SEPARATOR_AFTER[i]!;
    if (text[at] !== sep) {
      const n = i + 1;
      return {
        ok: false,
        ta105: ta105ForIsaElement(n),
        message: `ISA${pad2(n)} is not ${fixedWidth(n)} characters wide (expected the element separator "${printable(sep)}" at offset ${at}); the ISA must be exactly ${ISA_LENGTH} characters, so its delimiters cannot be trusted`,
        elements: bestEffort,
      };
    }
  }
  const component = text[104]!;
  const segment = text[105]!;
  const version = text.slice(84, 89);
  const isa11 = text[82]!;
  // ISA11 became the repetition separator in 00402; before that it is the "U" standards id.
  const repetition = version >= '00402' ? isa11 : null;
  const elements = text.slice(0, 105).split(sep);
  elements[16] = component;
  const bad = (ta105: string, message: string): IsaParse => ({ ok: false, ta105, message, elements });
  if (ALNUM.test(sep) || sep === ' ') return bad('026', `the element separator "${printable(sep)}" (ISA offset 3) is a letter, digit or space`);
  if (ALNUM.test(segment) || segment === ' ') return bad('004', `the segment terminator "${printable(segment)}" (ISA offset 105) is a letter, digit or space`);
  if (ALNUM.test(component) || component === ' ') return bad('027', `the component separator "${printable(component)}" (ISA16) is a letter, digit or space`);
  if (component === sep) return bad('027', 'the component separator (ISA16) equals the element separator');
  if (segment === sep || segment === component) return bad('004', 'the segment terminator equals another delimiter');
  // A bad ISA11 leaves the other three delimiters usable: the data is read without a
  // repetition separator and the defect travels as a note (TA105 016) instead of stopping here.
  if (repetition !== null) {
    if (ALNUM.test(repetition) || repetition === ' ') {
      return { ok: true, delimiters: { element: sep, component, repetition: null, segment }, elements, note: { ta105: '016', message: `the repetition separator "${printable(repetition)}" (ISA11) is a letter, digit or space; version ${version} requires a delimiter there (elements were read without a repetition separator)` } };
    }
    if (repetition === sep || repetition === component || repetition === segment) {
      return { ok: true, delimiters: { element: sep, component, repetition: null, segment }, elements, note: { ta105: '016', message: `the repetition separator "${printable(repetition)}" (ISA11) equals another delimiter (elements were read without a repetition separator)` } };
    }
  }
  return { ok: true, delimiters: { element: sep, component, repetition, segment }, elements };
}

function splitBestEffort(text: string): string[] {
  const sep = text[3];
  if (sep === undefined) return ['ISA'];
  const fields = text.slice(0, 200).split(sep).slice(0, 17);
  // ISA16 is one character; whatever follows it is the terminator and the next segment.
  if (fields[16] !== undefined) fields[16] = fields[16].slice(0, 1);
  return fields;
}

function fixedWidth(n: number): number {
  return [0, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1][n] ?? 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Shows control characters as escapes in messages. */
export function printable(ch: string): string {
  return ch
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/[\x00-\x1f\x7f-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
