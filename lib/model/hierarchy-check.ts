/**
 * The 837P rules that tie segments together across loops (brief §3.1): the HL chain (H1–H3),
 * the LX sequence within a claim (L2), and the subscriber-is-patient situations (S1, S2).
 *
 * Code choices (the brief leaves room, §3.1 "Report as"):
 * - A bad HL01, HL02, HL04 or LX01 value is IK304 8 with IK403 I12 (implementation pattern
 *   match failure): each value is a valid X12 value that breaks a TR3 sequence rule, which is
 *   neither an invalid code (7) nor a syntax error.
 * - PAT01 = 18 in 2000C (S2) is not checked here: the map's 2000C PAT01 code subset leaves 18
 *   out, so the element check reports it as IK403 7.
 * - SBR02 = 18 with a 2010BA lacking N3, N4 or DMG: IK304 I6 (implementation dependent segment
 *   missing) on the missing segment, at the position where 2010BA ended, with SBR02 as the
 *   situational trigger (CTX).
 * - SBR02 = 18 with a 2000C below: IK304 I9 (dependent "not used" segment present) on the
 *   2000C HL, with SBR02 as the trigger.
 * - H3 is judged by structure, not by HL02: HL04 = 1 must be followed by an HL loop nested in
 *   this one before it ends, HL04 = 0 must not. An HL04 error is known only when the first child
 *   HL starts or the loop ends, so it is reported then (as its own finding on the earlier HL).
 */
import type { LocatedSegment } from '../x12/reader.ts';
import type { ElementError, SituationalTrigger } from '../x12/results.ts';
import { trigger, type Finding, type LoopNode, type Position, type SegmentNode } from './loop-walker.ts';

export interface HierarchyCheck {
  /** Checks a placed segment; returns element errors for it (its IK304 8). */
  placed(segment: LocatedSegment, node: SegmentNode, starts: boolean): readonly ElementError[];
  /** A loop iteration ended at `at`. */
  closed(loop: LoopNode, at: Position): void;
}

const NO_ERRORS: readonly ElementError[] = [];

/** 2010BA segments S1 makes required when SBR02 = 18, as bits of `seen2010BA`. */
const SELF_REQUIRED = { N3: 1, N4: 2, DMG: 4 } as const;
type SelfRequired = keyof typeof SELF_REQUIRED;

/** An open HL loop iteration, until its HL04 is judged. */
interface OpenHl {
  readonly segment: LocatedSegment;
  readonly node: SegmentNode;
  readonly hl04: string;
  hasChild: boolean;
}

export function createHierarchyCheck(report: (finding: Finding) => void): HierarchyCheck {
  /** HL01 of the current iteration of each HL loop (2000A, 2000B, 2000C). */
  const hlIds = new Map<LoopNode, string>();
  const openHls = new Map<LoopNode, OpenHl>();
  let lastHl = 0;
  let lastLx = 0;
  /** SBR02 of the current 2000B when it is 18 (subscriber = patient), for S1/S2. */
  let selfTrigger: SituationalTrigger | null = null;
  let seen2010BA = 0;

  function hl(segment: LocatedSegment, node: SegmentNode): ElementError[] {
    const out: ElementError[] = [];
    // H1: HL01 starts at 1 and increases by 1; a wrong value resets the expectation to itself
    // so one bad HL is one error, not a cascade.
    const id = segment.elements[1] ?? '';
    const expected = String(lastHl + 1);
    const numeric = /^\d+$/.test(id) ? Number(id) : null;
    if (id !== expected && id !== '') {
      out.push(pattern(1, elementRef(node, 1), id, `HL01 (hierarchical id) '${id}' should be '${expected}': HL01 starts at 1 and goes up by 1 in each transaction set`));
    }
    lastHl = numeric ?? lastHl + 1;
    hlIds.set(node.loop, id);
    // H2: HL02 is the HL01 of the enclosing HL loop (none for 2000A).
    const parentLoop = hlParent(node.loop);
    const parentId = segment.elements[2] ?? '';
    const expectedParent = parentLoop === null ? '' : (hlIds.get(parentLoop) ?? '');
    if (parentId !== expectedParent) {
      out.push(pattern(2, elementRef(node, 2), parentId, parentLoop === null
        ? `HL02 (parent id) must be empty for the top level (${node.loop.id})`
        : `HL02 (parent id) '${parentId}' should be '${expectedParent}', the HL01 of the enclosing ${parentLoop.id}`));
    }
    // H3, first half: the enclosing HL gets its first child.
    const parent = parentLoop === null ? undefined : openHls.get(parentLoop);
    if (parent !== undefined && !parent.hasChild) {
      parent.hasChild = true;
      if (parent.hl04 !== '1') reportHl04(parent, `HL04 (child code) is '${parent.hl04}' but a child level (${node.loop.id} HL ${id}) follows: it must be '1'`);
    }
    openHls.set(node.loop, { segment, node, hl04: segment.elements[4] ?? '', hasChild: false });
    return out;
  }

  function reportHl04(open: OpenHl, message: string): void {
    report({
      setIndex: open.segment.setIndex ?? 0, byteOffset: open.segment.byteOffset, fileIndex: open.segment.fileIndex,
      segmentId: 'HL', loop: open.node.loop, within: open.node.loop, code: '8', rule: 'x12/structure', message,
      elementErrors: [pattern(4, elementRef(open.node, 4), open.hl04, message)],
    });
  }

  function sbr(segment: LocatedSegment, node: SegmentNode): void {
    selfTrigger = segment.elements[2] === '18'
      ? { segmentId: 'SBR', setIndex: segment.setIndex ?? 0, loopId: node.loop.id, element: 2, ...refOf(elementRef(node, 2)) }
      : null;
  }

  function patientLevel(segment: LocatedSegment, node: SegmentNode): void {
    if (selfTrigger === null) return;
    report({
      setIndex: segment.setIndex ?? 0, byteOffset: segment.byteOffset, fileIndex: segment.fileIndex,
      segmentId: 'HL', loop: node.loop, within: node.loop, code: 'I9', rule: 'x12/structure', trigger: selfTrigger,
      message: `a patient level (2000C) is present although SBR02 = 18 says the subscriber is the patient (§3.1 S1)`,
    });
  }

  function selfAddressMissing(loop: LoopNode, at: Position, trig: SituationalTrigger): void {
    for (const id of Object.keys(SELF_REQUIRED) as SelfRequired[]) {
      if ((seen2010BA & SELF_REQUIRED[id]) !== 0) continue;
      report({
        ...at, segmentId: id, loop, within: loop, code: 'I6', rule: 'x12/structure', trigger: trig,
        message: `${id} is required in loop 2010BA when the subscriber is the patient (SBR02 = 18, §3.1 S1)`,
      });
    }
  }

  /** L2: LX01 = 1, 2, 3 … within each claim; as for HL01, a wrong value resets the count. */
  function lx(segment: LocatedSegment, node: SegmentNode): readonly ElementError[] {
    const value = segment.elements[1] ?? '';
    const expected = String(lastLx + 1);
    lastLx = /^\d+$/.test(value) ? Number(value) : lastLx + 1;
    return value === expected || value === ''
      ? NO_ERRORS
      : [pattern(1, elementRef(node, 1), value, `LX01 (line number) '${value}' should be '${expected}': service lines are numbered 1, 2, 3 … within each claim`)];
  }

  return {
    placed(segment, node, starts) {
      const loopId = node.loop.id;
      if (starts && loopId === '2300') lastLx = 0;
      if (starts && loopId === '2000B') selfTrigger = null;
      if (starts && loopId === '2010BA') seen2010BA = 0;
      if (loopId === '2010BA' && segment.id in SELF_REQUIRED) seen2010BA |= SELF_REQUIRED[segment.id as SelfRequired];
      switch (segment.id) {
        case 'HL':
          if (starts && loopId === '2000C') patientLevel(segment, node);
          return starts ? hl(segment, node) : NO_ERRORS;
        case 'LX':
          return starts ? lx(segment, node) : NO_ERRORS;
        case 'SBR':
          if (loopId === '2000B') sbr(segment, node);
          return NO_ERRORS;
        default:
          return NO_ERRORS;
      }
    },
    closed(loop, at) {
      if (loop.id === '2010BA' && selfTrigger !== null) selfAddressMissing(loop, at, selfTrigger);
      const open = openHls.get(loop);
      if (open === undefined) return;
      openHls.delete(loop);
      if (!open.hasChild && open.hl04 === '1') reportHl04(open, `HL04 (child code) is '1' but no child level follows in this ${loop.id}: it must be '0'`);
    },
  };
}

/** The nearest enclosing loop that starts with HL. */
function hlParent(loop: LoopNode): LoopNode | null {
  for (let p = loop.parent; p !== null; p = p.parent) if (trigger(p).spec.id === 'HL') return p;
  return null;
}

function elementRef(node: SegmentNode, n: number): string | undefined {
  return node.spec.elements[n - 1]?.ref;
}

function refOf(ref: string | undefined): { dataElementRef?: string } {
  return ref === undefined ? {} : { dataElementRef: ref };
}

function pattern(element: number, ref: string | undefined, value: string, message: string): ElementError {
  return { element, ...refOf(ref), code: 'I12', ...(value === '' ? {} : { value }), message };
}
