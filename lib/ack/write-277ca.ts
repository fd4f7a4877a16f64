import type { Day } from '../codesets/types.ts';
import type { LoopedSegment } from '../model/claim.ts';
import type { ClaimOutcome, ClaimStreamWriter, InboundEnvelope, SetEnd } from '../rules/claim-outcome.ts';
import type { Delimiters } from '../x12/delimiters.ts';
import { elementAt } from '../x12/segment.ts';
import { ccyymmdd, composite, createEnvelopeStream, hhmm, type AckContext, type SegmentElements, type WriteOptions } from './envelope-writer.ts';
import { ACCEPTED, claimRejection, freeText, lineRejections, statusComposite, type StatusComposite } from './stc.ts';
import { formatCents } from '../x12/amount.ts';

/** GS08 and ST03 of the 277CA (brief §5.1). */
const X214 = '005010X214';

/** BHT03 is AN 1-50 in X12 but stupidedi's X214 caps it at 30 (brief §5.2). */
const MAX_BHT03 = 30;

/**
 * We answer as the receiver the 837 was addressed to (1000B), i.e. a clearinghouse: 2100A is
 * NM1*AY with its 1000B id (qualifier 46, as in the TR3's clearinghouse scenario), and the
 * receipt at 2200B/2200C names the same entity: "AY acknowledges receipt".
 */
const RECEIPT: StatusComposite = { category: 'A1', status: '19', entity: 'AY' };

/**
 * Where the public X214 references disagree (brief §5.2 discrepancy table, Appendix B). The
 * defaults follow stupidedi and the TR3 business scenarios; pyx12's map wants both switched on.
 */
export interface Ack277Options extends WriteOptions {
  /** Write a 2200C TRN + STC (receipt, per billing provider) for accepted providers (pyx12: required). */
  readonly providerLevelStatus?: boolean;
  /** Put the status date in the 2220D STC02 (pyx12: required; stupidedi: not used). */
  readonly lineStatusDate?: boolean;
}

/**
 * The 277CA (005010X214) for a claim stream: one transaction set per inbound 837 set that the
 * 999 accepted, with a 2000D per claim (brief §5.1–§5.2). The 2200B totals precede the claims,
 * so the segments of one set are held (as strings) until its setEnd; memory is bounded by one
 * set's text. Sets share one outbound interchange while the inbound partners stay the same.
 */
export function create277caWriter(ctx: AckContext, options: Ack277Options = {}): ClaimStreamWriter {
  const envelopes = createEnvelopeStream(ctx, options);
  let pending: PendingSet | null = null;
  return {
    claim(outcome) {
      pending ??= openSet(outcome, ctx.clock.now());
      addClaim(pending, outcome, options);
      return '';
    },
    setEnd(set) {
      const done = pending;
      pending = null;
      // The 999 already answered a set it rejected (brief §5.1); a set without claims has no
      // header to answer from, and the 999 rejects it anyway (2300 is required).
      if (done === null || set.ack === 'R') return '';
      const { envelope } = done;
      return envelopes.set(envelope.isa, { gs01: 'HN', gs08: X214, inboundGs: envelope.gs }, { st01: '277', st03: X214, body: setBody(done, set, options) }, envelope.delimiters);
    },
    end: () => envelopes.end(),
  };
}

interface Tally {
  count: number;
  cents: number;
}

interface ProviderLevel {
  /** File position of the 837 2000A HL: one 2000C per 2000A loop (brief §5.2). */
  readonly key: number;
  /** The 837 2000A HL01, our provider trace (2200C TRN02). */
  readonly trace: string;
  readonly nm1: SegmentElements;
  /** Σ CLM02 of its claims (2200C STC04). */
  cents: number;
  /** Each claim's 2000D without its HL (numbered when the set is written). */
  readonly claims: SegmentElements[][];
}

interface PendingSet {
  readonly envelope: InboundEnvelope;
  readonly d: Delimiters;
  /** CCYYMMDD and HHMM of the set, read once so every date in it agrees. */
  readonly date: string;
  readonly time: string;
  /** 1000B (2100A), 1000A (2100B), BHT03 of the 837. */
  readonly source: SegmentElements;
  readonly receiver: SegmentElements;
  readonly batchId: string;
  readonly accepted: Tally;
  readonly rejected: Tally;
  readonly providers: ProviderLevel[];
}

function openSet(outcome: ClaimOutcome, now: Date): PendingSet {
  const header = outcome.view.claim.header;
  const nm1 = (entity: string): LoopedSegment | undefined => header.find((s) => s.id === 'NM1' && elementAt(s, 1) === entity);
  const receiverOf837 = nm1('40');
  const submitter = nm1('41');
  const e = (s: LoopedSegment | undefined, n: number): string => (s === undefined ? '' : elementAt(s, n));
  return {
    envelope: outcome.envelope,
    d: outcome.envelope.delimiters,
    date: ccyymmdd(now),
    time: hhmm(now),
    source: ['NM1', 'AY', '2', e(receiverOf837, 3), '', '', '', '', '46', e(receiverOf837, 9)],
    receiver: ['NM1', '41', e(submitter, 2), e(submitter, 3), e(submitter, 4), e(submitter, 5), '', '', '46', e(submitter, 9)],
    batchId: e(header.find((s) => s.id === 'BHT'), 3),
    accepted: { count: 0, cents: 0 },
    rejected: { count: 0, cents: 0 },
    providers: [],
  };
}

function addClaim(set: PendingSet, outcome: ClaimOutcome, options: Ack277Options): void {
  const cents = outcome.view.chargeCents ?? 0;
  const tally = outcome.status === 'accepted' ? set.accepted : set.rejected;
  tally.count++;
  tally.cents += cents;
  const provider = providerLevel(set, outcome);
  provider.cents += cents;
  provider.claims.push(claimLevel(outcome, set, options));
}

/** The 2000C of the claim's 2000A: the last one when the claim is in the same 2000A loop. */
function providerLevel(set: PendingSet, outcome: ClaimOutcome): ProviderLevel {
  const segments = outcome.view.claim.billingProvider;
  const hl = segments.find((s) => s.id === 'HL');
  const key = hl?.fileIndex ?? -1;
  const last = set.providers.at(-1);
  if (last !== undefined && last.key === key) return last;
  const nm1 = segments.find((s) => s.id === 'NM1' && elementAt(s, 1) === '85');
  const e = (n: number): string => (nm1 === undefined ? '' : elementAt(nm1, n));
  const level: ProviderLevel = {
    key,
    trace: hl === undefined ? '' : elementAt(hl, 1),
    nm1: ['NM1', '85', e(2), e(3), e(4), e(5), '', e(7), e(8), e(9)],
    cents: 0,
    claims: [],
  };
  set.providers.push(level);
  return level;
}

/** 2100D, 2200D and the 2220D loops of one claim (brief §5.2). */
function claimLevel(outcome: ClaimOutcome, set: PendingSet, options: Ack277Options): SegmentElements[] {
  const { view } = outcome;
  const { d, date } = set;
  const clm02 = elementAt(view.clm, 2);
  const out: SegmentElements[] = [patientName(outcome), ['TRN', '2', view.id]];
  if (outcome.status === 'accepted') {
    out.push(['STC', statusComposite(ACCEPTED, d), date, 'WQ', clm02]);
  } else {
    const { statuses, message } = claimRejection(outcome);
    out.push(['STC', ...stcStatuses(statuses, d, [date, 'U', clm02]), freeText(message, d)]);
  }
  // No REF*1K: we assign no payer claim number. REF*D9 echoes the clearinghouse trace.
  const d9 = view.claim.segments.find((s) => s.id === 'REF' && s.loopId === '2300' && elementAt(s, 1) === 'D9');
  if (d9 !== undefined) out.push(['REF', 'D9', elementAt(d9, 2)]);
  const period = servicePeriod(view.lines.flatMap((l) => (l.dos === null ? [] : [l.dos])));
  // Left out when no line has a valid date, as the TR3 scenarios do for an invalid date.
  if (period !== null) out.push(['DTP', '472', ...period]);
  if (outcome.status === 'rejected') {
    for (const { line, statuses } of lineRejections(outcome)) {
      const sv1 = line.sv1;
      // SVC01 = SV101-1..6 as sent (not the description SV101-7); SVC07 = SV104 units.
      const procedure = composite(d, ...(elementAt(sv1, 1).split(sv1.delimiters.component).slice(0, 6)));
      out.push(['SVC', procedure, elementAt(sv1, 2), '', '', '', '', elementAt(sv1, 4)]);
      out.push(['STC', ...stcStatuses(statuses, d, [options.lineStatusDate === true ? date : '', 'U', ''])]);
      if (line.controlNumber !== null) out.push(['REF', 'FJ', line.controlNumber]);
      if (line.dtp472 !== null && line.dos !== null) out.push(['DTP', '472', elementAt(line.dtp472, 2), elementAt(line.dtp472, 3)]);
    }
  }
  return out;
}

/**
 * STC01, STC02–STC04 as given, STC05–STC09 empty, then the further statuses in STC10 and
 * STC11 (brief §5.2: up to two more composites for the same claim or line).
 */
function stcStatuses(statuses: readonly StatusComposite[], d: Delimiters, stc02to04: readonly [string, string, string]): string[] {
  const [stc01 = '', stc10 = '', stc11 = ''] = statuses.map((s) => statusComposite(s, d));
  return [stc01, ...stc02to04, '', '', '', '', '', stc10, stc11];
}

/**
 * 2100D: the patient's name (2010CA, else the subscriber 2010BA) with the member id sent in
 * 2010BA, also for a dependent (brief §5.2). NM102 is always 1: X214 allows only a person.
 */
function patientName(outcome: ClaimOutcome): SegmentElements {
  const { claim } = outcome.view;
  const subscriber = claim.subscriber.find((s) => s.id === 'NM1' && elementAt(s, 1) === 'IL');
  const patient = claim.patient?.find((s) => s.id === 'NM1' && elementAt(s, 1) === 'QC') ?? subscriber;
  const name = (n: number): string => (patient === undefined ? '' : elementAt(patient, n));
  const idQualifier = subscriber === undefined ? '' : elementAt(subscriber, 8);
  return ['NM1', 'QC', '1', name(3), name(4), name(5), '', name(7), idQualifier === '' ? 'MI' : idQualifier, outcome.view.memberId];
}

/** DTP*472 of the claim: D8 for one day, RD8 first–last line date. */
function servicePeriod(dates: readonly { readonly from: Day; readonly to: Day }[]): [string, string] | null {
  if (dates.length === 0) return null;
  const from = dates.map((r) => r.from).reduce((a, b) => (b < a ? b : a));
  const to = dates.map((r) => r.to).reduce((a, b) => (b > a ? b : a));
  const x12 = (day: Day): string => day.replaceAll('-', '');
  return from === to ? ['D8', x12(from)] : ['RD8', `${x12(from)}-${x12(to)}`];
}

function setBody(set: PendingSet, end: SetEnd, options: Ack277Options): SegmentElements[] {
  const { d, date } = set;
  // Our id for this 277CA, traceable to the 837 set it answers: inbound ISA13 (9 digits),
  // GS06 padded to 9 so the parts cannot run together, ST02.
  const ourId = `CC${end.isa13}${end.gs06.padStart(9, '0')}${end.st02}`.slice(0, MAX_BHT03);
  const total = set.accepted.cents + set.rejected.cents;
  const body: SegmentElements[] = [
    ['BHT', '0085', '08', ourId, date, set.time, 'TH'],
    ['HL', '1', '', '20', '1'],
    set.source,
    ['TRN', '1', ourId],
    // Received and processed in the same run: both are today.
    ['DTP', '050', 'D8', date],
    ['DTP', '009', 'D8', date],
    ['HL', '2', '1', '21', '1'],
    set.receiver,
    ['TRN', '2', set.batchId],
    ['STC', statusComposite(RECEIPT, d), date, 'WQ', formatCents(total)],
    // Situational: sent for a count that is not zero, as the TR3 scenarios do.
    ...(set.accepted.count > 0 ? [['QTY', '90', String(set.accepted.count)]] : []),
    ...(set.rejected.count > 0 ? [['QTY', 'AA', String(set.rejected.count)]] : []),
    ...(set.accepted.count > 0 ? [['AMT', 'YU', formatCents(set.accepted.cents)]] : []),
    ...(set.rejected.count > 0 ? [['AMT', 'YY', formatCents(set.rejected.cents)]] : []),
  ];
  let hl = 2;
  for (const provider of set.providers) {
    const providerHl = String(++hl);
    body.push(['HL', providerHl, '2', '19', '1'], provider.nm1);
    // 2200C STC02 is not used (brief §5.2).
    if (options.providerLevelStatus === true) body.push(['TRN', '1', provider.trace], ['STC', statusComposite(RECEIPT, d), '', 'WQ', formatCents(provider.cents)]);
    // 2000D has no HL04 (brief §5.2).
    for (const claim of provider.claims) body.push(['HL', String(++hl), providerHl, 'PT'], ...claim);
  }
  return body;
}
