import type { TransactionValidator } from '../model/claim.ts';
import { describeFunctionalId, describeGuide } from './guides.ts';
import { checkIsaElements, ta1, worseTa1, type Ta1Outcome } from './isa-elements.ts';
import type { LocatedSegment, ReaderEvent } from './reader.ts';
import type { Ak905, AckCode, GroupResult, Ik502, InterchangeResult, SegmentError, SetResult } from './results.ts';
import type { FramingProblem } from './tokenizer.ts';
import type { SetEnd } from '../rules/claim-outcome.ts';

export interface EnvelopeOptions {
  /** GS08/ST03 values accepted as 837P. */
  readonly acceptedGuides: readonly string[];
  /** Opens the content validator of an accepted 837P transaction set. */
  readonly openTransaction: (st: LocatedSegment) => TransactionValidator;
  /** Told when a set has been judged, after its last claim (output writers flush per set). */
  readonly onSetEnd?: (set: SetEnd) => void;
}

export interface EnvelopeOutcome {
  readonly interchanges: readonly InterchangeResult[];
  readonly framing: readonly FramingProblem[];
  readonly transactions: number;
  readonly claims: number;
  readonly serviceLines: number;
}

export interface EnvelopeValidator {
  event(event: ReaderEvent): void;
  end(): EnvelopeOutcome;
}

interface OpenSet {
  readonly st: LocatedSegment;
  readonly validator: TransactionValidator | null;
  readonly errors: Ik502[];
  readonly messages: string[];
  /** Segments so far, ST included: SE01 must equal this plus one. */
  count: number;
  lastIndex: number;
}

interface OpenGroup {
  readonly gs: LocatedSegment;
  readonly sets: SetResult[];
  readonly st02s: Set<string>;
  readonly errors: Ak905[];
  readonly messages: string[];
  /** Why sets of this group are not validated (IK502 code and reason), or null. */
  readonly unsupported: { readonly code: Ik502; readonly message: string } | null;
}

interface OpenInterchange {
  readonly isa: LocatedSegment;
  readonly groups: GroupResult[];
  readonly gs06s: Set<string>;
  ta1: Ta1Outcome;
  /** The ISA itself was rejected: its content is not read (no 999 answers it). */
  readonly skipContent: boolean;
}

const ST02_PATTERN = /^[\x20-\x7e]{4,9}$/;
const GS06_PATTERN = /^\d{1,9}$/;

/**
 * Checks ISA/IEA, GS/GE and ST/SE (control numbers, counts, supported transaction and guide)
 * and hands the content of each accepted 837P set to a {@link TransactionValidator}. Results are
 * shaped for the TA1 (per interchange) and the 999 (per group, per set).
 */
export function createEnvelopeValidator(options: EnvelopeOptions): EnvelopeValidator {
  const interchanges: InterchangeResult[] = [];
  const framing: FramingProblem[] = [];
  const isa13s = new Set<string>();
  let ic: OpenInterchange | null = null;
  /** A header defect the tokenizer reported just before emitting the ISA it belongs to. */
  let isaNote: Ta1Outcome | null = null;
  let group: OpenGroup | null = null;
  let set: OpenSet | null = null;
  let transactions = 0;
  let claims = 0;
  let serviceLines = 0;

  const note = (outcome: Ta1Outcome): void => {
    if (ic !== null) ic.ta1 = worseTa1(ic.ta1, outcome);
  };

  const openInterchange = (isa: LocatedSegment): void => {
    let outcome = isaNote ?? checkIsaElements(isa.elements);
    isaNote = null;
    const isa13 = isa.elements[13] ?? '';
    if (outcome.code === '000' && isa13s.has(isa13)) outcome = ta1('025', `ISA13 ${isa13} was already used by an earlier interchange in this file`);
    isa13s.add(isa13);
    ic = { isa, groups: [], gs06s: new Set(), ta1: outcome, skipContent: outcome.ack === 'R' };
  };

  const closeInterchange = (iea: LocatedSegment | null): void => {
    if (ic === null) return;
    closeGroup(null);
    if (iea === null) {
      note(ta1('023', `the interchange ${ic.isa.elements[13] ?? ''} has no IEA trailer: the file ended early`));
    } else if (!ic.skipContent) {
      const iea01 = iea.elements[1] ?? '';
      if (iea01 !== String(ic.groups.length) && Number(iea01) !== ic.groups.length) note(ta1('021', `IEA01 says ${iea01} functional groups but the interchange has ${ic.groups.length}`));
      const iea02 = iea.elements[2] ?? '';
      if (iea02 !== (ic.isa.elements[13] ?? '')) note(ta1('001', `IEA02 ${iea02} does not match ISA13 ${ic.isa.elements[13] ?? ''}`));
    }
    interchanges.push({ isa: ic.isa.elements, ta1: ic.ta1, groups: ic.groups, byteOffset: ic.isa.byteOffset, delimiters: ic.isa.delimiters });
    ic = null;
  };

  const openGroup = (gs: LocatedSegment, current: OpenInterchange): void => {
    const errors: Ak905[] = [];
    const messages: string[] = [];
    const gs01 = gs.elements[1] ?? '';
    const gs06 = gs.elements[6] ?? '';
    const gs08 = gs.elements[8] ?? '';
    let unsupported: OpenGroup['unsupported'] = null;
    if (gs01 !== 'HC') {
      errors.push('1');
      messages.push(`GS01 "${gs01}" carries ${describeFunctionalId(gs01)}; claimcheck validates 837P claims (GS01 HC)`);
      unsupported = { code: '1', message: `the transaction set is not an 837P claim (group carries ${describeFunctionalId(gs01)})` };
    } else if (!options.acceptedGuides.includes(gs08)) {
      errors.push('2');
      messages.push(`GS08 "${gs08}" is ${describeGuide(gs08)}; claimcheck validates 837P ${options.acceptedGuides.join(', ')}`);
      unsupported = { code: 'I6', message: `implementation guide "${gs08}" (${describeGuide(gs08)}) is not supported` };
    }
    if (!GS06_PATTERN.test(gs06)) {
      errors.push('6');
      messages.push(`GS06 "${gs06}" is not a 1-9 digit group control number`);
    } else if (current.gs06s.has(gs06)) {
      errors.push('19');
      messages.push(`GS06 ${gs06} is used by another group in this interchange`);
    }
    current.gs06s.add(gs06);
    group = { gs, sets: [], st02s: new Set(), errors, messages, unsupported };
  };

  const closeGroup = (ge: LocatedSegment | null): void => {
    if (group === null) return;
    closeSet(null);
    const g = group;
    if (ge === null) {
      g.errors.push('3');
      g.messages.push(`the group ${g.gs.elements[6] ?? ''} has no GE trailer`);
    } else {
      const ge01 = ge.elements[1] ?? '';
      if (Number(ge01) !== g.sets.length || !/^\d+$/.test(ge01)) {
        g.errors.push('5');
        g.messages.push(`GE01 says ${ge01} transaction sets but the group has ${g.sets.length}`);
      }
      if ((ge.elements[2] ?? '') !== (g.gs.elements[6] ?? '')) {
        g.errors.push('4');
        g.messages.push(`GE02 ${ge.elements[2] ?? ''} does not match GS06 ${g.gs.elements[6] ?? ''}`);
      }
    }
    const declared = ge !== null && /^\d+$/.test(ge.elements[1] ?? '') ? Number(ge.elements[1]) : null;
    ic?.groups.push({ gs: g.gs.elements, declaredSets: declared, sets: g.sets, groupErrors: g.errors, messages: g.messages, ack: groupAck(g), byteOffset: g.gs.byteOffset, fileIndex: g.gs.fileIndex });
    group = null;
  };

  const openSet = (st: LocatedSegment, g: OpenGroup): void => {
    const errors: Ik502[] = [];
    const messages: string[] = [];
    const add = (code: Ik502, message: string): void => {
      errors.push(code);
      messages.push(message);
    };
    const st01 = st.elements[1] ?? '';
    const st02 = st.elements[2] ?? '';
    const st03 = st.elements[3] ?? '';
    const gs08 = g.gs.elements[8] ?? '';
    if (g.unsupported !== null) add(g.unsupported.code, g.unsupported.message);
    else if (st01 !== '837') add(st01 === '' ? '6' : '1', st01 === '' ? 'ST01 transaction set identifier is missing' : `ST01 "${st01}" is not 837 in a claim group`);
    if (!ST02_PATTERN.test(st02)) add('7', `ST02 "${st02}" is not a 4-9 character control number`);
    else if (g.st02s.has(st02)) add('23', `ST02 ${st02} is used by another transaction set in this group`);
    g.st02s.add(st02);
    if (g.unsupported === null && st03 !== gs08) add('19', st03 === '' ? 'ST03 implementation convention reference is missing (it must equal GS08)' : `ST03 "${st03}" does not match GS08 "${gs08}"`);
    transactions++;
    const validate = g.unsupported === null && st01 === '837';
    set = { st, validator: validate ? options.openTransaction(st) : null, errors, messages, count: 1, lastIndex: 1 };
  };

  const closeSet = (se: LocatedSegment | null): void => {
    if (set === null || group === null) return;
    const s = set;
    const st02 = s.st.elements[2] ?? '';
    if (se === null) {
      s.errors.push('2');
      s.messages.push(`transaction set ${st02} has no SE trailer`);
    } else {
      const se01 = se.elements[1] ?? '';
      if (!/^\d+$/.test(se01) || Number(se01) !== s.count + 1) {
        s.errors.push('4');
        s.messages.push(`SE01 says ${se01} segments but the set has ${s.count + 1} (ST to SE inclusive)`);
      }
      if ((se.elements[2] ?? '') !== st02) {
        s.errors.push('3');
        s.messages.push(`SE02 ${se.elements[2] ?? ''} does not match ST02 ${st02}`);
      }
    }
    const outcome = s.validator?.end(se?.setIndex ?? s.lastIndex + 1);
    const segmentErrors: readonly SegmentError[] = outcome?.errors ?? [];
    if (outcome !== undefined) {
      claims += outcome.claims;
      serviceLines += outcome.serviceLines;
    }
    if (segmentErrors.length > 0) {
      // Brief §4.4 rule 5: '5' for segments in error. We do not split standard (5) from
      // TR3-only (I5) errors: receivers read both the same way and the IK3s say which.
      s.errors.push('5');
      s.messages.push(`${segmentErrors.length} segment${segmentErrors.length === 1 ? '' : 's'} in error`);
    }
    const ack = s.errors.length > 0 ? 'R' : 'A';
    options.onSetEnd?.({ isa13: s.st.isa13 ?? '', gs06: s.st.gs06 ?? '', st02, ack });
    group.sets.push({
      st01: s.st.elements[1] ?? '',
      st02,
      st03: s.st.elements[3] ?? '',
      setErrors: s.errors,
      segmentErrors,
      ack,
      messages: s.messages,
      byteOffset: s.st.byteOffset,
      fileIndex: s.st.fileIndex,
    });
    set = null;
  };

  const stray = (seg: LocatedSegment, where: string): void => {
    // Content outside its envelope level: noted (E) so the rest of the interchange is still read.
    note({ code: '024', ack: 'E', message: `segment ${seg.id || '(no id)'} (segment ${seg.fileIndex} of the file, byte ${seg.byteOffset}) is ${where}` });
  };

  const segment = (seg: LocatedSegment): void => {
    if (seg.id === 'ISA') {
      closeInterchange(null);
      openInterchange(seg);
      return;
    }
    if (ic === null) return; // the tokenizer only yields segments inside an interchange
    if (seg.id === 'IEA') {
      closeInterchange(seg);
      return;
    }
    if (ic.skipContent) return;
    switch (seg.id) {
      case 'GS':
        closeGroup(null);
        openGroup(seg, ic);
        return;
      case 'GE':
        if (group === null) stray(seg, 'a GE without a GS');
        else closeGroup(seg);
        return;
      case 'ST':
        if (group === null) {
          stray(seg, 'an ST outside a functional group');
          return;
        }
        closeSet(null);
        openSet(seg, group);
        return;
      case 'SE':
        if (set === null) stray(seg, 'an SE without an ST');
        else closeSet(seg);
        return;
    }
    if (set === null) {
      stray(seg, group === null ? 'outside a functional group' : 'outside a transaction set');
      return;
    }
    set.count++;
    set.lastIndex = seg.setIndex ?? set.lastIndex + 1;
    set.validator?.segment(seg);
  };

  return {
    event(event) {
      if (event.type === 'segment') {
        segment(event.segment);
        return;
      }
      framing.push(event.problem);
      if (event.problem.code === 'X12_ISA11_INVALID') isaNote = ta1(event.problem.ta105 ?? '016', event.problem.message);
      if (!event.problem.fatal) return;
      if (event.problem.code === 'X12_ISA_CORRUPT') {
        closeInterchange(null);
        const isa = event.problem.isa ?? ['ISA'];
        // Whatever the code, an unreadable header stops the interchange: always R.
        interchanges.push({ isa, ta1: { code: event.problem.ta105 ?? '022', ack: 'R', message: event.problem.message }, groups: [], byteOffset: event.problem.byteOffset });
      }
    },
    end() {
      closeInterchange(null);
      return { interchanges, framing, transactions, claims, serviceLines };
    },
  };
}

/** AK901 (brief §4.4 rule 6). */
function groupAck(g: OpenGroup): AckCode {
  if (g.errors.length > 0) return 'R';
  const accepted = g.sets.filter((s) => s.ack === 'A' || s.ack === 'E').length;
  if (accepted === g.sets.length) return g.sets.some((s) => s.ack === 'E') ? 'E' : 'A';
  return accepted === 0 ? 'R' : 'P';
}
