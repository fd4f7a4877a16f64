import { DEFAULT_DELIMITERS, type Delimiters } from '../x12/delimiters.ts';
import type { Clock } from './clock.ts';
import { assertControlNumber, type ControlNumbers } from './control-numbers.ts';

/**
 * The envelope shared by our TA1 and 999 (brief §1.2–1.4, §1.7, §4.1): an interchange of our
 * own with the inbound sender and receiver swapped, dated by the injected clock and numbered by
 * the injected control-number source, so equal inputs give equal bytes.
 */
export interface AckContext {
  readonly clock: Clock;
  readonly controlNumbers: ControlNumbers;
}

export interface WriteOptions {
  /** Adds '\n' after each segment terminator for people reading the file (not when the terminator is '\n'). */
  readonly lineBreaks?: boolean;
}

/** One segment to write: [id, element 1, element 2, …]. */
export type SegmentElements = readonly string[];

/** One transaction set; ST and SE are added here, with SE01 counted. */
export interface OutboundSet {
  readonly st01: string;
  readonly st03: string;
  readonly body: readonly SegmentElements[];
}

/** What a functional group's GS is made of. */
export interface GroupHeader {
  readonly gs01: string;
  readonly gs08: string;
  /** The inbound GS (index 0 = "GS") whose application sender and receiver we swap. */
  readonly inboundGs: readonly string[];
}

/** One functional group; GS and GE are added here. */
export interface OutboundGroup extends GroupHeader {
  readonly sets: readonly OutboundSet[];
}

export interface OutboundInterchange {
  /** The inbound ISA elements (index 0 = "ISA"), best effort when the header was corrupt. */
  readonly inboundIsa: readonly string[];
  /** Segments between the ISA and the first GS: the TA1 goes there (brief §1.7, §6 "TA1 placement"). */
  readonly leading: readonly SegmentElements[];
  readonly groups: readonly OutboundGroup[];
}

/** We answer in the sender's delimiters; when the ISA was unreadable there are none to copy. */
export function ackDelimiters(inbound: Delimiters | null | undefined): Delimiters {
  return inbound ?? DEFAULT_DELIMITERS;
}

export function writeInterchange(out: OutboundInterchange, ctx: AckContext, delimiters: Delimiters, options: WriteOptions = {}): string {
  const now = ctx.clock.now();
  const isa13 = nextIsa13(ctx.controlNumbers);
  const segments: SegmentElements[] = [isaSegment(out.inboundIsa, isa13, now, delimiters), ...out.leading];
  for (const group of out.groups) {
    const gs06 = nextGs06(ctx.controlNumbers);
    segments.push(gsSegment(group, gs06, now), ...group.sets.flatMap((set) => setSegments(set, ctx.controlNumbers)), ['GE', String(group.sets.length), gs06]);
  }
  segments.push(['IEA', String(out.groups.length), isa13]);
  return segmentsText(segments, delimiters, options);
}

/**
 * Writes interchanges one transaction set at a time, for a writer that must not hold a whole
 * file (the 277CA streams one set per inbound 837 set). Consecutive sets share an interchange
 * while the ISA we would write for them is the same (same swapped partners, ISA15 and
 * delimiters) and a group while the GS is the same; otherwise the open group and interchange
 * are closed first. Control numbers are drawn in the order writeInterchange draws them.
 */
export interface EnvelopeStream {
  /** The set with whatever envelope segments must come before it (GE/IEA, ISA, GS). */
  set(inboundIsa: readonly string[], group: GroupHeader, set: OutboundSet, delimiters: Delimiters): string;
  /** GE and IEA of the open interchange, or '' when no set was written. */
  end(): string;
}

export function createEnvelopeStream(ctx: AckContext, options: WriteOptions = {}): EnvelopeStream {
  let open: { key: string; isa13: string; now: Date; delimiters: Delimiters; groups: number } | null = null;
  let group: { key: string; gs06: string; sets: number } | null = null;
  const closeGroup = (): SegmentElements[] => {
    if (group === null) return [];
    const ge = ['GE', String(group.sets), group.gs06];
    group = null;
    return [ge];
  };
  const close = (): string => {
    if (open === null) return '';
    const text = segmentsText([...closeGroup(), ['IEA', String(open.groups), open.isa13]], open.delimiters, options);
    open = null;
    return text;
  };
  return {
    set(inboundIsa, header, set, delimiters) {
      let text = '';
      const segments: SegmentElements[] = [];
      const interchangeKey = [...[5, 6, 7, 8].map((n) => (inboundIsa[n] ?? '').trimEnd()), usageIndicator(inboundIsa[15]), JSON.stringify(delimiters)].join('\u0000');
      if (open?.key !== interchangeKey) {
        text += close();
        const now = ctx.clock.now();
        open = { key: interchangeKey, isa13: nextIsa13(ctx.controlNumbers), now, delimiters, groups: 0 };
        segments.push(isaSegment(inboundIsa, open.isa13, now, delimiters));
      }
      const groupKey = [header.gs01, header.gs08, header.inboundGs[2] ?? '', header.inboundGs[3] ?? ''].join('\u0000');
      if (group?.key !== groupKey) {
        segments.push(...closeGroup());
        group = { key: groupKey, gs06: nextGs06(ctx.controlNumbers), sets: 0 };
        open.groups++;
        segments.push(gsSegment(header, group.gs06, open.now));
      }
      group.sets++;
      segments.push(...setSegments(set, ctx.controlNumbers));
      return text + segmentsText(segments, delimiters, options);
    },
    end: close,
  };
}

function segmentsText(segments: readonly SegmentElements[], delimiters: Delimiters, options: WriteOptions): string {
  const terminator = delimiters.segment + (options.lineBreaks === true && delimiters.segment !== '\n' ? '\n' : '');
  return segments.map((s) => trimTrailing(s).join(delimiters.element) + terminator).join('');
}

/**
 * Drops trailing empty elements (or components): X12 forbids a segment or composite ending in a
 * separator (brief §1.6), so an absent IK303, AK203 or IK404 is left out, not written empty.
 */
export function trimTrailing(values: readonly string[]): string[] {
  let end = values.length;
  while (end > 1 && values[end - 1] === '') end--;
  return values.slice(0, end);
}

/** A composite element (IK401, CTX01, CTX05): components joined by the component separator. */
export function composite(delimiters: Delimiters, ...components: readonly string[]): string {
  return trimTrailing(components).join(delimiters.component);
}

function isaSegment(inbound: readonly string[], isa13: string, now: Date, d: Delimiters): string[] {
  // The ISA is fixed width (brief §1.1): AN fields are re-padded after trimming whatever padding
  // the inbound value carried. A value that is too long is written as it is, never cut.
  const field = (n: number, width: number): string => (inbound[n] ?? '').trimEnd().padEnd(width, ' ');
  return [
    'ISA',
    // No authorization or security information of ours; echoing the partner's would leak it.
    '00', ' '.repeat(10), '00', ' '.repeat(10),
    // Swapped (brief §4.1): their receiver is our sender.
    field(7, 2), field(8, 15), field(5, 2), field(6, 15),
    ccyymmdd(now).slice(2), hhmm(now),
    repetitionSeparator(d), '00501', isa13,
    // ISA14 = 0: an acknowledgment never asks for a TA1 (brief §4.1).
    '0',
    usageIndicator(inbound[15]),
    d.component,
  ];
}

function nextIsa13(numbers: ControlNumbers): string {
  return String(assertControlNumber(numbers.nextInterchange())).padStart(9, '0');
}

function nextGs06(numbers: ControlNumbers): string {
  return String(assertControlNumber(numbers.nextGroup()));
}

function gsSegment(group: GroupHeader, gs06: string, now: Date): SegmentElements {
  const gs = (n: number): string => group.inboundGs[n] ?? '';
  return ['GS', group.gs01, gs(3), gs(2), ccyymmdd(now), hhmm(now), gs06, 'X', group.gs08];
}

function setSegments(set: OutboundSet, numbers: ControlNumbers): SegmentElements[] {
  // ST02 is AN 4-9 (brief §1.4): at least four digits.
  const st02 = String(assertControlNumber(numbers.nextSet())).padStart(4, '0');
  // SE01 counts ST and SE themselves (brief §1.4).
  return [['ST', set.st01, st02, set.st03], ...set.body, ['SE', String(set.body.length + 2), st02]];
}

/** ISA15 is copied so a test file gets a test ack (brief §4.1); 'P' when it could not be read. */
function usageIndicator(inbound: string | undefined): string {
  return inbound === 'T' || inbound === 'P' ? inbound : 'P';
}

/**
 * Our ISA12 is 00501, whose ISA11 must be a repetition separator, but a pre-00402 sender has
 * none to copy: take the first of these that is not already one of its delimiters.
 */
const SPARE_REPETITION = ['^', '{', '}', '!'] as const;

function repetitionSeparator(d: Delimiters): string {
  return d.repetition ?? SPARE_REPETITION.find((c) => c !== d.element && c !== d.component && c !== d.segment)!;
}

// Dates and times in UTC, so the bytes do not depend on the host's time zone.
export function ccyymmdd(t: Date): string {
  return String(t.getUTCFullYear()).padStart(4, '0') + two(t.getUTCMonth() + 1) + two(t.getUTCDate());
}

export function hhmm(t: Date): string {
  return two(t.getUTCHours()) + two(t.getUTCMinutes());
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}
