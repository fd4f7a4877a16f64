import type { Delimiters } from './delimiters.ts';
import { ISA_LENGTH, parseIsa, printable } from './isa.ts';
import type { Segment } from './segment.ts';

/** What can go wrong while framing bytes into segments (not the content of a segment). */
export type FramingCode =
  | 'X12_EMPTY'
  | 'X12_BOM'
  | 'X12_UTF16'
  | 'X12_NOT_ISA'
  | 'X12_ISA_CORRUPT'
  | 'X12_ISA11_INVALID'
  | 'X12_SEGMENT_TOO_LONG'
  | 'X12_UNTERMINATED_SEGMENT'
  | 'X12_DATA_AFTER_IEA'
  | 'X12_INDENTED';

export interface FramingProblem {
  readonly code: FramingCode;
  readonly message: string;
  readonly byteOffset: number;
  /** True when nothing after this point can be read (the tokenizer stops). */
  readonly fatal: boolean;
  /** TA105 note code when the problem concerns the ISA (a corrupt ISA, or a bad ISA11). */
  readonly ta105?: string;
  /** Best-effort ISA elements (index 0 = "ISA") so a TA1 can still answer a corrupt header. */
  readonly isa?: readonly string[];
}

export type TokenEvent =
  | { readonly type: 'segment'; readonly segment: Segment }
  | { readonly type: 'problem'; readonly problem: FramingProblem };

export type Emit = (event: TokenEvent) => void;

export interface Tokenizer {
  /** Feeds the next chunk; a chunk may end anywhere (inside the ISA, between CR and LF …). */
  write(chunk: Uint8Array, emit: Emit): void;
  /** Signals the end of the stream and flushes what is left. */
  end(emit: Emit): void;
}

/** A segment longer than this means the terminator is wrong; stop rather than buffer the file. */
export const MAX_SEGMENT_LENGTH = 1 << 20;

/*
 * States (the transition table, one row per state):
 *
 *   start    first bytes of the file: UTF-8 BOM → report, skip → between;
 *            UTF-16 → fatal; otherwise → between
 *   between  before an interchange: skip CR/LF/space/tab; "ISA" → header;
 *            end of stream before any ISA → fatal X12_EMPTY; anything else → fatal
 *   header   collect 106 characters (CR/LF among the first 105 are line wrapping and are dropped;
 *            offset 105 is taken as is, it may be a newline terminator); parse the ISA:
 *            good → emit ISA, → body; good but ISA11 unusable → report X12_ISA11_INVALID (not
 *            fatal, read without a repetition separator), emit ISA, → body; bad → wait for up
 *            to 94 more characters (so the best-effort elements do not depend on chunking),
 *            then fatal
 *   body     skip CR/LF (and indentation) between segments; "ISA" at a segment start → header
 *            (the missing IEA is the envelope's concern); text up to the terminator → emit
 *            segment, unless it is longer than MAX_SEGMENT_LENGTH (→ fatal, whether or not
 *            the terminator was already buffered); after IEA → between
 *   dead     a fatal problem was reported: ignore the rest
 *
 * Bytes are decoded as Latin-1, so one character is one byte and offsets are byte offsets;
 * non-ASCII bytes survive unchanged for the syntax check to report with their element.
 */
type State = 'start' | 'between' | 'header' | 'body' | 'dead';

const BOM = '\xef\xbb\xbf';
/** Characters after a corrupt ISA kept for the best-effort split (ISA13 stays legible). */
const BEST_EFFORT_EXTRA = 94;
const SKIPPABLE = new Set(['\r', '\n', ' ', '\t']);

export function createTokenizer(): Tokenizer {
  let state: State = 'start';
  let buf = '';
  /** Byte offset in the file of buf[0]. */
  let bufStart = 0;
  let fileIndex = 0;
  let sawInterchange = false;
  let reportedIndent = false;
  let delimiters: Delimiters | null = null;
  /** CR/LF characters that are not delimiters of the current interchange: dropped anywhere. */
  let strayNewlines: RegExp | null = null;

  const problem = (emit: Emit, p: FramingProblem): void => {
    if (p.fatal) state = 'dead';
    emit({ type: 'problem', problem: p });
  };

  const process = (emit: Emit, final: boolean): void => {
    let pos = 0;
    for (;;) {
      if (state === 'dead') {
        pos = buf.length;
        break;
      }
      if (state === 'start') {
        if (buf.length - pos < 4 && !final) break;
        if (buf.startsWith(BOM, pos)) {
          problem(emit, { code: 'X12_BOM', message: 'the file starts with a UTF-8 byte-order mark; it was skipped (X12 is plain ASCII)', byteOffset: bufStart + pos, fatal: false });
          pos += BOM.length;
        } else if (looksUtf16(buf, pos)) {
          problem(emit, { code: 'X12_UTF16', message: 'the file is UTF-16 encoded; X12 files must be ASCII (one byte per character)', byteOffset: bufStart + pos, fatal: true });
          continue;
        }
        state = 'between';
        continue;
      }
      if (state === 'between') {
        while (pos < buf.length && SKIPPABLE.has(buf[pos]!)) pos++;
        if (buf.length - pos < 3) {
          if (!final) break;
          if (!sawInterchange) {
            const empty = buf.length - pos === 0;
            problem(emit, empty
              ? { code: 'X12_EMPTY', message: 'the file is empty: no ISA interchange header', byteOffset: bufStart + pos, fatal: true }
              : { code: 'X12_NOT_ISA', message: `the file does not start with an ISA interchange header (found "${printable(buf.slice(pos, pos + 20))}")`, byteOffset: bufStart + pos, fatal: true });
          } else if (pos < buf.length) {
            problem(emit, afterIea(buf, pos, bufStart));
          }
          pos = buf.length;
          break;
        }
        if (!buf.startsWith('ISA', pos)) {
          problem(emit, sawInterchange
            ? afterIea(buf, pos, bufStart)
            : { code: 'X12_NOT_ISA', message: `the file does not start with an ISA interchange header (found "${printable(buf.slice(pos, pos + 20))}")`, byteOffset: bufStart + pos, fatal: true });
          continue;
        }
        state = 'header';
        continue;
      }
      if (state === 'header') {
        // A file hard-wrapped at 80 columns has CR/LF inside the ISA: drop them from the first
        // 105 characters (no delimiter can be CR/LF there); offset 105 is the terminator as is.
        let header = '';
        let i = pos;
        while (i < buf.length && header.length < ISA_LENGTH) {
          const c = buf[i++]!;
          if ((c === '\r' || c === '\n') && header.length < ISA_LENGTH - 1) continue;
          header += c;
        }
        if (header.length < ISA_LENGTH && !final) break;
        const isa = parseIsa(header + buf.slice(i, i + BEST_EFFORT_EXTRA));
        if (!isa.ok && buf.length - i < BEST_EFFORT_EXTRA && !final) break;
        sawInterchange = true;
        if (!isa.ok) {
          problem(emit, { code: 'X12_ISA_CORRUPT', message: isa.message, byteOffset: bufStart + pos, fatal: true, ta105: isa.ta105, isa: isa.elements });
          continue;
        }
        if (isa.note !== undefined) {
          problem(emit, { code: 'X12_ISA11_INVALID', message: isa.note.message, byteOffset: bufStart + pos, fatal: false, ta105: isa.note.ta105, isa: isa.elements });
        }
        delimiters = isa.delimiters;
        const stray = ['\r', '\n'].filter((c) => c !== delimiters!.element && c !== delimiters!.segment && c !== delimiters!.component && c !== delimiters!.repetition);
        strayNewlines = stray.length === 0 ? null : new RegExp(`[${stray.join('').replace('\r', '\\r').replace('\n', '\\n')}]`, 'g');
        emit({ type: 'segment', segment: { id: 'ISA', elements: isa.elements, delimiters, byteOffset: bufStart + pos, fileIndex: ++fileIndex } });
        pos = i;
        state = 'body';
        continue;
      }
      // state === 'body'
      const d = delimiters!;
      while (pos < buf.length && SKIPPABLE.has(buf[pos]!) && !isDelimiter(buf[pos]!, d)) {
        if ((buf[pos] === ' ' || buf[pos] === '\t') && !reportedIndent) {
          reportedIndent = true;
          problem(emit, { code: 'X12_INDENTED', message: 'spaces or tabs between segments (pretty-printed file) were ignored', byteOffset: bufStart + pos, fatal: false });
        }
        pos++;
      }
      if (pos >= buf.length) break;
      if (buf.length - pos < 4 && !final) break;
      // "ISA" then a non-alphanumeric (or the end of the data: a truncated header) starts an
      // interchange; "ISAAC" does not.
      if (buf.startsWith('ISA', pos) && !/[A-Za-z0-9]/.test(buf[pos + 3] ?? '*')) {
        state = 'header';
        continue;
      }
      const end = buf.indexOf(d.segment, pos);
      // Judge the segment's length, not the buffer's: the verdict must not depend on chunking.
      if (end - pos > MAX_SEGMENT_LENGTH || (end < 0 && buf.length - pos > MAX_SEGMENT_LENGTH)) {
        problem(emit, { code: 'X12_SEGMENT_TOO_LONG', message: `no segment terminator "${printable(d.segment)}" within ${MAX_SEGMENT_LENGTH} bytes: the terminator in ISA offset 105 does not match the data`, byteOffset: bufStart + pos, fatal: true });
        continue;
      }
      if (end < 0) {
        if (!final) break;
        const text = buf.slice(pos);
        problem(emit, { code: 'X12_UNTERMINATED_SEGMENT', message: `the last segment "${printable(text.slice(0, 20))}" has no segment terminator "${printable(d.segment)}"`, byteOffset: bufStart + pos, fatal: false });
        emitSegment(emit, text, bufStart + pos, d);
        pos = buf.length;
        break;
      }
      emitSegment(emit, buf.slice(pos, end), bufStart + pos, d);
      pos = end + 1;
    }
    buf = buf.slice(pos);
    bufStart += pos;
  };

  const emitSegment = (emit: Emit, raw: string, byteOffset: number, d: Delimiters): void => {
    const text = strayNewlines !== null && (raw.includes('\r') || raw.includes('\n')) ? raw.replace(strayNewlines, '') : raw;
    const elements = text.split(d.element);
    const id = elements[0]!;
    emit({ type: 'segment', segment: { id, elements, delimiters: d, byteOffset, fileIndex: ++fileIndex } });
    if (id === 'IEA') state = 'between';
  };

  return {
    write(chunk, emit) {
      if (state === 'dead') return;
      buf += decodeLatin1(chunk);
      process(emit, false);
    },
    end(emit) {
      process(emit, true);
      buf = '';
    },
  };
}

function afterIea(buf: string, pos: number, bufStart: number): FramingProblem {
  return { code: 'X12_DATA_AFTER_IEA', message: `data after the IEA trailer is not another ISA interchange (found "${printable(buf.slice(pos, pos + 20))}"); it was not read`, byteOffset: bufStart + pos, fatal: true };
}

function isDelimiter(ch: string, d: Delimiters): boolean {
  return ch === d.segment || ch === d.element || ch === d.component || ch === d.repetition;
}

/** UTF-16 shows as a byte-order mark or as NULs between ASCII letters ("I\0S\0A\0"). */
function looksUtf16(buf: string, pos: number): boolean {
  const a = buf.slice(pos, pos + 4);
  return a.startsWith('\xff\xfe') || a.startsWith('\xfe\xff') || a[1] === '\0' || a[0] === '\0';
}

function decodeLatin1(chunk: Uint8Array): string {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
}
