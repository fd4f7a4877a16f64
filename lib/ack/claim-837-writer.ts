/**
 * The re-enveloping core of the corrected and rejected 837P files (issue 3, outputs): claims
 * are written as they come, inside an interchange, group and set of our own, so the output
 * streams with memory bounded by one claim (plus the context loops it shares with the next).
 *
 * - The ISA and GS are copied from the inbound ones, sender and receiver NOT swapped (it is still
 *   the submitter's file to the payer), with our date and time and control numbers. One
 *   interchange per output file; a new one starts only when the inbound file holds interchanges
 *   with different headers (sender, receiver, delimiters …), which cannot share one ISA. Groups
 *   likewise: a new GS when the inbound GS header changes.
 * - One ST per inbound set that has output claims: BHT, 1000A and 1000B copied from the claim's
 *   header, ST03 = GS08.
 * - The HL hierarchy is rebuilt (x12-837p-999-277ca §2.2): a 2000A whenever the billing provider
 *   loop differs from the previous output claim's, a 2000B whenever the subscriber loop differs
 *   or switches between having a patient below it and not, a 2000C whenever the patient loop
 *   differs. Loops are compared by identity: the claim assembler hands every claim of one inbound
 *   loop the same array. HL01 counts from 1 in each set, HL02 points at the new parent, HL04 is
 *   1 on the 2000A, 1 on the 2000B iff a 2000C follows, 0 on the 2000C.
 */
import type { LoopedSegment } from '../model/claim.ts';
import type { ClaimOutcome, ClaimStreamWriter, InboundEnvelope } from '../rules/claim-outcome.ts';
import type { Delimiters } from '../x12/delimiters.ts';
import type { Clock } from './clock.ts';
import { assertControlNumber } from './control-numbers.ts';
import { composite, trimTrailing, type AckContext, type WriteOptions } from './envelope-writer.ts';

/** What distinguishes the corrected file from the rejected one. */
export interface Claim837Output {
  /** Whether this file takes the claim. */
  takes(outcome: ClaimOutcome): boolean;
  /** The claim's 2300 and 2400 segments to write, as element lists (index 0 = segment id). */
  claimSegments(outcome: ClaimOutcome): readonly (readonly string[])[];
  /**
   * True: copied segments are written without trailing empty elements and components (the
   * corrected file); false: exactly as sent (the rejected file).
   */
  readonly normalise: boolean;
}

type Loop = readonly LoopedSegment[];

interface OpenInterchange {
  readonly key: string;
  readonly isa13: string;
  readonly delimiters: Delimiters;
  groups: number;
}

interface OpenGroup {
  readonly key: string;
  readonly gs06: string;
  sets: number;
}

interface OpenSet {
  readonly header: Loop;
  readonly st02: string;
  /** Segments written so far, ST included (SE01). */
  segments: number;
  /** The last HL01 written. */
  hl: number;
  billing: { readonly loop: Loop; readonly hl: number } | null;
  subscriber: { readonly loop: Loop; readonly hl: number; readonly withPatient: boolean } | null;
  patient: Loop | null;
}

// Inbound ISA09/ISA10/ISA13 and GS04/GS05/GS06 are replaced by ours, so they do not tell headers apart.
const ISA_OWN = [9, 10, 13];
const GS_OWN = [4, 5, 6];

export function createClaim837Writer(output: Claim837Output, ctx: AckContext, options: WriteOptions = {}): ClaimStreamWriter {
  let interchange: OpenInterchange | null = null;
  let group: OpenGroup | null = null;
  let set: OpenSet | null = null;

  const terminator = (d: Delimiters): string => d.segment + (options.lineBreaks === true && d.segment !== '\n' ? '\n' : '');
  /** One segment of ours (envelope, HL): written as given. */
  const own = (elements: readonly string[]): string => {
    const d = interchange!.delimiters;
    if (set !== null) set.segments++;
    return elements.join(d.element) + terminator(d);
  };
  /** One segment copied from the inbound file (or fixed): normalised or as sent. */
  const copied = (elements: readonly string[]): string => {
    const d = interchange!.delimiters;
    return own(output.normalise ? trimTrailing(elements.map((e) => composite(d, ...e.split(d.component)))) : elements);
  };
  const copiedLoop = (loop: Loop): string => loop.filter((s) => s.id !== 'HL').map((s) => copied(s.elements)).join('');

  function closeSet(): string {
    if (set === null) return '';
    const text = own(['SE', String(set.segments + 1), set.st02]);
    set = null;
    return text;
  }

  function closeGroup(): string {
    if (group === null) return '';
    const text = closeSet() + own(['GE', String(group.sets), group.gs06]);
    group = null;
    return text;
  }

  function closeInterchange(): string {
    if (interchange === null) return '';
    const text = closeGroup() + own(['IEA', String(interchange.groups), interchange.isa13]);
    interchange = null;
    return text;
  }

  /** Opens the interchange, group and set the claim belongs in, closing those it does not. */
  function open(outcome: ClaimOutcome): string {
    const inbound = outcome.envelope;
    const isaKey = headerKey(inbound.isa, ISA_OWN) + inbound.delimiters.element + inbound.delimiters.segment;
    const gsKey = headerKey(inbound.gs, GS_OWN);
    let text = '';
    if (interchange?.key !== isaKey) {
      text += closeInterchange();
      const isa13 = String(assertControlNumber(ctx.controlNumbers.nextInterchange())).padStart(9, '0');
      interchange = { key: isaKey, isa13, delimiters: inbound.delimiters, groups: 0 };
      text += own(isaSegment(inbound, isa13, ctx.clock));
    }
    if (group?.key !== gsKey) {
      text += closeGroup();
      const gs06 = String(assertControlNumber(ctx.controlNumbers.nextGroup()));
      group = { key: gsKey, gs06, sets: 0 };
      interchange.groups++;
      text += own(gsSegment(inbound, gs06, ctx.clock));
    }
    const header = outcome.view.claim.header;
    if (set?.header !== header) {
      text += closeSet();
      // ST02 is AN 4-9 (x12-837p-999-277ca §1.4): at least four digits.
      const st02 = String(assertControlNumber(ctx.controlNumbers.nextSet())).padStart(4, '0');
      set = { header, st02, segments: 0, hl: 0, billing: null, subscriber: null, patient: null };
      group.sets++;
      text += own(['ST', '837', st02, inbound.gs[8] ?? '']) + copiedLoop(header);
    }
    return text;
  }

  /** The 2000A/2000B/2000C loops the claim needs that are not already open above it. */
  function hierarchy(outcome: ClaimOutcome, current: OpenSet): string {
    const { billingProvider, subscriber, patient } = outcome.view.claim;
    let text = '';
    if (current.billing?.loop !== billingProvider) {
      current.billing = { loop: billingProvider, hl: ++current.hl };
      current.subscriber = null;
      text += own(['HL', String(current.hl), '', '20', '1']) + copiedLoop(billingProvider);
    }
    const withPatient = patient !== null;
    if (current.subscriber?.loop !== subscriber || current.subscriber.withPatient !== withPatient) {
      current.subscriber = { loop: subscriber, hl: ++current.hl, withPatient };
      current.patient = null;
      text += own(['HL', String(current.hl), String(current.billing.hl), '22', withPatient ? '1' : '0']) + copiedLoop(subscriber);
    }
    if (patient !== null && current.patient !== patient) {
      current.patient = patient;
      text += own(['HL', String(++current.hl), String(current.subscriber.hl), '23', '0']) + copiedLoop(patient);
    }
    return text;
  }

  return {
    claim(outcome) {
      if (!output.takes(outcome)) return '';
      const text = open(outcome);
      return text + hierarchy(outcome, set!) + output.claimSegments(outcome).map(copied).join('');
    },
    setEnd() {
      // Calls come in file order, so the set that ended is the one open (if it had output claims).
      return closeSet();
    },
    end() {
      return closeInterchange();
    },
  };
}

/** A header's elements without those we replace: equal keys can share one outbound envelope. */
function headerKey(elements: readonly string[], own: readonly number[]): string {
  return elements.map((v, i) => (own.includes(i) ? '' : v)).join('\u0000');
}

function isaSegment(inbound: InboundEnvelope, isa13: string, clock: Clock): string[] {
  const { date, time } = stamp(clock);
  // Every other element (authorization, routing, ISA14, ISA15, ISA16) is the sender's.
  const isa = Array.from({ length: 17 }, (_, i) => inbound.isa[i] ?? '');
  isa[9] = date.slice(2); // YYMMDD
  isa[10] = time;
  isa[13] = isa13;
  return isa;
}

function gsSegment(inbound: InboundEnvelope, gs06: string, clock: Clock): string[] {
  const { date, time } = stamp(clock);
  const gs = Array.from({ length: 9 }, (_, i) => inbound.gs[i] ?? '');
  gs[4] = date;
  gs[5] = time;
  gs[6] = gs06;
  return gs;
}

/** CCYYMMDD and HHMM in UTC, so the bytes do not depend on the host's time zone. */
function stamp(clock: Clock): { readonly date: string; readonly time: string } {
  const iso = clock.now().toISOString();
  return { date: iso.slice(0, 10).replaceAll('-', ''), time: iso.slice(11, 16).replace(':', '') };
}
