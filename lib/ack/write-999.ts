import type { Delimiters } from '../x12/delimiters.ts';
import type { ElementError, GroupResult, InterchangeResult, SegmentError, SetResult, SituationalTrigger } from '../x12/results.ts';
import {
  ackDelimiters,
  composite,
  writeInterchange,
  type AckContext,
  type OutboundGroup,
  type OutboundSet,
  type SegmentElements,
  type WriteOptions,
} from './envelope-writer.ts';

/** GS08 and ST03 of every 999 we send; not pyx12's "005010X231" (brief §4.1, §6 "999 version id"). */
const X231A1 = '005010X231A1';

/** IK502–IK506 and AK905–AK909: at most five codes each (brief §4.2). */
const MAX_CODES = 5;

/**
 * The 999 for one inbound interchange: one ST*999 per inbound GS, in inbound order (brief §4.1),
 * or null when the interchange held no group to acknowledge.
 */
export function write999(interchange: InterchangeResult, ctx: AckContext, delimiters?: Delimiters | null, options: WriteOptions = {}): string | null {
  if (interchange.groups.length === 0) return null;
  const d = ackDelimiters(delimiters);
  return writeInterchange({ inboundIsa: interchange.isa, leading: [], groups: faGroups(interchange.groups, d) }, ctx, d, options);
}

/**
 * GS02/GS03 of a GS*FA are the inbound GS03/GS02, so inbound groups can share one GS*FA only
 * when they name the same two applications. Consecutive groups that do share one (the usual
 * case: one GS*FA holding several 999s); a change of applications starts a new GS*FA.
 */
function faGroups(groups: readonly GroupResult[], d: Delimiters): OutboundGroup[] {
  const out: { gs01: string; gs08: string; inboundGs: readonly string[]; sets: OutboundSet[] }[] = [];
  for (const group of groups) {
    const last = out.at(-1);
    const set = ackSet(group, d);
    if (last !== undefined && last.inboundGs[2] === group.gs[2] && last.inboundGs[3] === group.gs[3]) last.sets.push(set);
    else out.push({ gs01: 'FA', gs08: X231A1, inboundGs: group.gs, sets: [set] });
  }
  return out;
}

function ackSet(group: GroupResult, d: Delimiters): OutboundSet {
  const gs = (n: number): string => group.gs[n] ?? '';
  return {
    st01: '999',
    st03: X231A1,
    body: [['AK1', gs(1), gs(6), gs(8)], ...group.sets.flatMap((set) => setResponse(set, d)), ak9(group)],
  };
}

/** Loop 2000: AK2, the 2100 loops, IK5 — sent for accepted sets too (brief §4.2). */
function setResponse(set: SetResult, d: Delimiters): SegmentElements[] {
  return [['AK2', set.st01, set.st02, set.st03], ...set.segmentErrors.flatMap((error) => segmentErrorLoop(error, d)), ik5(set)];
}

/**
 * Loop 2100 in X231A1 order: IK3, the segment-context CTX (situational trigger), the
 * business-unit CTX (CLM01), then the 2110 IK4s. Both CTX sit at position 0500; the TR3 (and
 * pyx12's X231A1 map) lists the trigger first, so it goes first here too.
 */
function segmentErrorLoop(error: SegmentError, d: Delimiters): SegmentElements[] {
  const out: SegmentElements[] = [['IK3', error.segmentId, String(error.setIndex), loopId(error.loopId), error.code]];
  if (error.trigger !== undefined) out.push(triggerContext(error.trigger, d));
  // For an 837 the business unit is the claim (brief §4.2, §4.4 rule 4).
  if (error.claimId !== null && error.claimId !== '') out.push(['CTX', composite(d, 'CLM01', error.claimId)]);
  for (const element of error.elementErrors) out.push(ik4(element, d));
  return out;
}

/** CTX*SITUATIONAL TRIGGER*<seg id>*<pos>*<loop>*<elem[:comp]>*<ref> (brief §4.2). */
function triggerContext(t: SituationalTrigger, d: Delimiters): SegmentElements {
  return ['CTX', 'SITUATIONAL TRIGGER', t.segmentId, String(t.setIndex), loopId(t.loopId), position(d, t.element, t.component), t.dataElementRef ?? ''];
}

function ik4(error: ElementError, d: Delimiters): SegmentElements {
  return ['IK4', position(d, error.element, error.component, error.repetition), error.dataElementRef ?? '', error.code, badValueCopy(error.value, d)];
}

/** IK401 / CTX05 (composite C030): element[:component[:repetition]]. */
function position(d: Delimiters, element: number, component?: number, repetition?: number): string {
  return composite(d, String(element), component === undefined ? '' : String(component), repetition === undefined ? '' : String(repetition));
}

/** IK404 is left out when the bad value holds one of our delimiters: copied, it would break the 999 (brief §4.2). */
function badValueCopy(value: string | undefined, d: Delimiters): string {
  if (value === undefined) return '';
  const delimiters = [d.element, d.component, d.segment, ...(d.repetition === null ? [] : [d.repetition])];
  return delimiters.some((c) => value.includes(c)) ? '' : value;
}

/**
 * IK303 names the TR3 loop. Segments of the set's header (BHT, and ST/SE themselves) belong to
 * no loop: the map's implicit root loop is called "ST", which is not a loop id to report.
 */
function loopId(id: string | null): string {
  return id === null || id === 'ST' ? '' : id;
}

function ik5(set: SetResult): SegmentElements {
  const codes: string[] = set.setErrors.slice(0, MAX_CODES);
  // A rejected set must carry at least one IK502 (brief §4.4 rule 5). The validator should give
  // one; if it did not, "5" (one or more segments in error) is the generic reason.
  if (set.ack === 'R' && codes.length === 0) codes.push('5');
  return ['IK5', set.ack, ...codes];
}

/**
 * AK902 declared (GE01), AK903 received, AK904 accepted = IK501 A or E (brief §4.4 rule 6); a
 * rejected group accepts none of its sets, whatever their own IK501 (rule 7).
 */
function ak9(group: GroupResult): SegmentElements {
  const accepted = group.ack === 'R' ? 0 : group.sets.filter((s) => s.ack === 'A' || s.ack === 'E').length;
  const declared = group.declaredSets ?? group.sets.length;
  return ['AK9', group.ack, String(declared), String(group.sets.length), String(accepted), ...group.groupErrors.slice(0, MAX_CODES)];
}
