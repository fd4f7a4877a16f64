/**
 * Places each segment of a transaction set in the loop tree of a TR3 map (any
 * {@link TransactionSpec}), the way pyx12's map walker does: from the current position a segment
 * matches a later segment of the current loop iteration, or the first segment of a child loop, or
 * else the search pops to the parent loop and repeats. What does not fit is reported with the
 * 999 IK304 code that says why (brief §4.3); required segments and loops that were skipped over
 * are reported as missing (IK304 3) at the position where their absence was seen (brief §4.4 rule 3).
 */
import type { Segment } from '../x12/segment.ts';
import type { ElementError, Ik304, SegmentError, SituationalTrigger } from '../x12/results.ts';
import { isComposite, type LoopSpec, type SegmentSpec, type TransactionSpec } from './tr3.ts';

/** One segment position of the map. */
export interface SegmentNode {
  readonly spec: SegmentSpec;
  readonly loop: LoopNode;
  /** Index in `loop.segments`: the position within one loop iteration. */
  readonly pos: number;
  /** The clean placement here, built once so the common case allocates nothing. */
  readonly placed: Placement;
  /** The clean placement of this segment starting a new iteration of its loop (triggers only). */
  readonly started: Placement;
}

/** One loop of the map, with lookup tables built once per map. */
export interface LoopNode {
  readonly spec: LoopSpec;
  readonly id: string;
  readonly parent: LoopNode | null;
  /** Loop ids from the outermost down ("2000A/2000B/2300"); "ST" for the root. */
  readonly path: string;
  /** Position among the parent's child loops. */
  readonly index: number;
  readonly segments: readonly SegmentNode[];
  readonly loops: readonly LoopNode[];
  /** Segment id → the loop's own positions with that id, in order. */
  readonly ownById: ReadonlyMap<string, readonly SegmentNode[]>;
  /** Segment id → child loops that start with that id, in order. */
  readonly childById: ReadonlyMap<string, readonly LoopNode[]>;
}

export interface CompiledMap {
  readonly spec: TransactionSpec;
  readonly root: LoopNode;
  /** Every segment id used anywhere in the map: others are "unrecognized" (IK304 1). */
  readonly knownIds: ReadonlySet<string>;
}

/** Where something was seen: a segment, or the end of the set (no byte offset). */
export interface Position {
  readonly setIndex: number;
  readonly byteOffset: number | null;
  readonly fileIndex: number | null;
}

/** A problem at one segment position, before the claim context (CLM01, LX01) is added. */
export interface Finding extends Position {
  readonly segmentId: string;
  /** Reported as IK303. */
  readonly loop: LoopNode;
  /** The loop iteration the problem belongs to: `loop`, or its parent for a missing loop. */
  readonly within: LoopNode;
  readonly code: Ik304;
  readonly message: string;
  readonly elementErrors?: readonly ElementError[];
  readonly trigger?: SituationalTrigger;
  readonly rule?: SegmentError['rule'];
}

export interface Placement {
  /** The map position taken; null when the segment fits nowhere (then `code` says why). */
  readonly node: SegmentNode | null;
  /** IK303: the placed segment's loop, or the loop where a misfit was seen. */
  readonly loop: LoopNode;
  /** The loop iteration an error on this segment belongs to. */
  readonly within: LoopNode;
  /** True when the segment started a new loop iteration. */
  readonly starts: boolean;
  /** 1 unrecognized, 2 unexpected, 7 out of sequence (not placed); 4 loop over max, 5 segment over max (placed anyway). */
  readonly code: '1' | '2' | '4' | '5' | '7' | null;
  readonly message: string;
}

export interface WalkListener {
  /** A required segment or loop is absent (IK304 3). */
  missing(finding: Finding): void;
  /** A loop iteration ended at `at` (the segment that ended it, or the set end). */
  closed(loop: LoopNode, at: Position): void;
}

/** A segment with its set position (a LocatedSegment satisfies this). */
export type PlacedSegment = Segment & { readonly setIndex: number | null };

export interface LoopWalker {
  place(segment: PlacedSegment): Placement;
  /** Closes every open loop at set position `endIndex`. */
  end(endIndex: number): void;
}

const compiledMaps = new WeakMap<TransactionSpec, CompiledMap>();

/** The lookups' miss, shared so a miss allocates nothing. */
const NONE: readonly never[] = [];

/** Builds (once per map object) the lookup tables the walker uses for every segment. */
export function compileMap(spec: TransactionSpec): CompiledMap {
  let compiled = compiledMaps.get(spec);
  if (compiled === undefined) {
    const knownIds = new Set<string>();
    compiled = { spec, root: compileLoop(spec.root, null, 0, knownIds), knownIds };
    compiledMaps.set(spec, compiled);
  }
  return compiled;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function compileLoop(spec: LoopSpec, parent: LoopNode | null, index: number, knownIds: Set<string>): LoopNode {
  const node: Mutable<LoopNode> = {
    spec,
    id: spec.id,
    parent,
    path: parent === null || parent.parent === null ? spec.id : `${parent.path}/${spec.id}`,
    index,
    segments: [],
    loops: [],
    ownById: new Map(),
    childById: new Map(),
  };
  node.segments = spec.segments.map((s, pos) => {
    const segmentNode: Mutable<SegmentNode> = { spec: s, loop: node, pos } as Mutable<SegmentNode>;
    segmentNode.placed = { node: segmentNode, loop: node, within: node, starts: false, code: null, message: '' };
    segmentNode.started = { ...segmentNode.placed, starts: true };
    return segmentNode;
  });
  node.loops = spec.loops.map((l, i) => compileLoop(l, node, i, knownIds));
  node.ownById = groupBy(node.segments, (s) => s.spec.id);
  node.childById = groupBy(node.loops, (l) => trigger(l).spec.id);
  for (const s of spec.segments) knownIds.add(s.id);
  return node;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

/** The segment that starts a loop (its qualifier identifies the loop, tr3.ts). */
export function trigger(loop: LoopNode): SegmentNode {
  const first = loop.segments[0];
  if (first === undefined) throw new Error(`map error: loop ${loop.id} has no segments`);
  return first;
}

/**
 * True when the segment carries one of the position's qualifier values (NM101 85 vs 87, HL03,
 * REF01 EI …). For a composite qualifier element (HI01) the first component is compared
 * (map-837p/elements.ts convention).
 */
export function fitsQualifier(spec: SegmentSpec, segment: Segment): boolean {
  const q = spec.qualifier;
  return q === undefined || q.values.includes(qualifierValue(q.element, segment));
}

/** The qualifier element's value, or its first component when it is a composite (HI01-1). */
function qualifierValue(element: number, segment: Segment): string {
  const raw = segment.elements[element] ?? '';
  const cut = raw.indexOf(segment.delimiters.component);
  return cut < 0 ? raw : raw.slice(0, cut);
}

type Fits = (spec: SegmentSpec, segment: Segment) => boolean;

/**
 * True when the qualifier element is empty or cannot be a code of its element (wrong length, as
 * `HI*BK>7215` with the wrong component separator). Such a value names no other position, so the
 * segment is taken at the first position its id fits and the element check reports the
 * qualifier (IK403 1 or 7). A well-formed but different code (NM1*117) may belong elsewhere and
 * stays "unexpected" (IK304 2).
 */
export function hasUnreadableQualifier(spec: SegmentSpec, segment: Segment): boolean {
  const q = spec.qualifier;
  if (q === undefined) return false;
  const value = qualifierValue(q.element, segment);
  const element = spec.elements[q.element - 1];
  const simple = element === undefined ? undefined : isComposite(element) ? element.components[0] : element;
  return value === '' || (simple !== undefined && (value.length < simple.min || value.length > simple.max));
}

/** "the transaction header" or "loop 2010AA (Billing Provider Name)", for messages. */
export function loopLabel(loop: LoopNode): string {
  return loop.parent === null ? 'the transaction header' : `loop ${loop.id} (${loop.spec.name})`;
}

/** "NM1*85": the id with the qualifier value that decides the position, for messages. */
function segmentLabel(segment: Segment, spec?: SegmentSpec): string {
  const q = spec?.qualifier;
  return q === undefined ? segment.id : `${segment.id}*${segment.elements[q.element] ?? ''}`;
}

function missingLabel(spec: SegmentSpec): string {
  const q = spec.qualifier;
  return q === undefined ? spec.id : `${spec.id}*${q.values.join('|')}`;
}

/** One open loop iteration. */
interface Frame {
  readonly node: LoopNode;
  /**
   * The current position: an index into the loop's own segments, or segments.length + k once
   * child loop k has started (own segments come before child loops in the TR3).
   */
  pos: number;
  /** Uses of the segment at `pos` in this iteration. */
  uses: number;
  /** Iterations of each child loop within this iteration. */
  readonly childCounts: number[];
  /**
   * Required own segments skipped over, reported when the iteration leaves its own segments. The
   * delay lets a late arrival turn "missing" into "not in sequence" (the imsweb fixture
   * x12_segments_out_of_order.txt expects only "N4 in 2010AA not in position" when N4 follows REF).
   */
  pending: { readonly spec: SegmentSpec; readonly finding: Finding }[] | null;
}

function openFrame(node: LoopNode): Frame {
  return { node, pos: 0, uses: 1, childCounts: new Array<number>(node.loops.length).fill(0), pending: null };
}

export function createLoopWalker(map: CompiledMap, listener: WalkListener): LoopWalker {
  /** Open loop iterations from the root down; the root iteration was started by ST. */
  const stack: Frame[] = [openFrame(map.root)];

  /**
   * Where loops close and absences are seen: the segment being placed (its Position is built only
   * when something needs it), or the set end.
   */
  let current: PlacedSegment | null = null;
  let currentAt: Position | null = null;

  const top = (): Frame => stack[stack.length - 1]!;

  function at(): Position {
    if (currentAt === null) {
      const s = current!;
      currentAt = { setIndex: s.setIndex ?? 0, byteOffset: s.byteOffset, fileIndex: s.fileIndex };
    }
    return currentAt;
  }

  function missingSegment(f: Frame, spec: SegmentSpec): Finding {
    const { setIndex, byteOffset, fileIndex } = at();
    return {
      setIndex, byteOffset, fileIndex,
      segmentId: spec.id, loop: f.node, within: f.node, code: '3',
      message: `required segment ${missingLabel(spec)} (${spec.name}) is missing from ${loopLabel(f.node)}`,
    };
  }

  function missingLoop(f: Frame, child: LoopNode): Finding {
    const { setIndex, byteOffset, fileIndex } = at();
    return {
      setIndex, byteOffset, fileIndex,
      segmentId: trigger(child).spec.id, loop: child, within: f.node, code: '3',
      message: `required loop ${child.id} (${child.spec.name}) is missing from ${loopLabel(f.node)}: it starts with ${missingLabel(trigger(child).spec)}`,
    };
  }

  /** The iteration moves past its own segments: report the required ones never seen. */
  function leaveOwnSegments(f: Frame): void {
    const segments = f.node.segments;
    if (f.pos >= segments.length) return;
    if (f.pending !== null) for (const p of f.pending) listener.missing(p.finding);
    f.pending = null;
    for (let p = f.pos + 1; p < segments.length; p++) {
      const s = segments[p]!.spec;
      if (s.usage === 'R') listener.missing(missingSegment(f, s));
    }
  }

  /** Reports required child loops k in [from, to) that never started. */
  function missingLoops(f: Frame, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const child = f.node.loops[k]!;
      if (child.spec.usage === 'R' && f.childCounts[k] === 0) listener.missing(missingLoop(f, child));
    }
  }

  /** The child loop index after the current one (0 while still in own segments). */
  function nextChild(f: Frame): number {
    const n = f.node.segments.length;
    return f.pos < n ? 0 : f.pos - n + 1;
  }

  function close(f: Frame): void {
    leaveOwnSegments(f);
    missingLoops(f, nextChild(f), f.node.loops.length);
    listener.closed(f.node, at());
  }

  function closeAbove(depth: number): void {
    while (stack.length > depth + 1) close(stack.pop()!);
  }

  /** A later own position, or the same one while its max use allows. The trigger (pos 0) repeating starts a new iteration at the parent instead. */
  function forwardOwn(f: Frame, segment: Segment, fits: Fits): SegmentNode | null {
    if (f.pos >= f.node.segments.length) return null;
    for (const c of f.node.ownById.get(segment.id) ?? NONE) {
      if (c.pos === 0 || c.pos < f.pos) continue;
      if (c.pos === f.pos && f.uses >= c.spec.maxUse) continue;
      if (fits(c.spec, segment)) return c;
    }
    return null;
  }

  /** The current child loop again (a new iteration) or a later child loop. */
  function forwardChild(f: Frame, segment: Segment, fits: Fits): LoopNode | null {
    const n = f.node.segments.length;
    for (const child of f.node.childById.get(segment.id) ?? NONE) {
      if (n + child.index >= f.pos && fits(trigger(child).spec, segment)) return child;
    }
    return null;
  }

  /** The first position reachable from here (this loop, then each enclosing one) that `fits`. */
  function forward(segment: Segment, fits: Fits): Placement | null {
    for (let d = stack.length - 1; d >= 0; d--) {
      const f = stack[d]!;
      const own = forwardOwn(f, segment, fits);
      if (own !== null) {
        closeAbove(d);
        return advanceOwn(f, own);
      }
      const child = forwardChild(f, segment, fits);
      if (child !== null) {
        closeAbove(d);
        return enterChild(f, child, segment);
      }
    }
    return null;
  }

  function advanceOwn(f: Frame, c: SegmentNode): Placement {
    if (c.pos === f.pos) {
      f.uses++;
    } else {
      for (let p = f.pos + 1; p < c.pos; p++) {
        const s = f.node.segments[p]!.spec;
        if (s.usage === 'R') (f.pending ??= []).push({ spec: s, finding: missingSegment(f, s) });
      }
      f.pos = c.pos;
      f.uses = 1;
    }
    return c.placed;
  }

  function enterChild(f: Frame, child: LoopNode, segment: Segment): Placement {
    leaveOwnSegments(f);
    missingLoops(f, nextChild(f), child.index);
    const count = ++f.childCounts[child.index]!;
    f.pos = f.node.segments.length + child.index;
    stack.push(openFrame(child));
    const max = child.spec.maxRepeat;
    return count > max
      ? { node: trigger(child), loop: child, within: child, starts: true, code: '4', message: `${loopLabel(child)} occurs more than ${max} time${max === 1 ? '' : 's'} in ${loopLabel(f.node)} (${segmentLabel(segment, trigger(child).spec)} starts iteration ${count})` }
      : trigger(child).started;
  }

  /** The segment repeats the current position beyond its max use: count it, keep the position. */
  function overMax(segment: Segment): Placement | null {
    const f = top();
    const c = f.node.segments[f.pos];
    if (c === undefined || c.pos === 0 || c.spec.id !== segment.id || !fitsQualifier(c.spec, segment)) return null;
    f.uses++;
    const max = c.spec.maxUse;
    return { node: c, loop: f.node, within: f.node, starts: false, code: '5', message: `${segmentLabel(segment, c.spec)} (${c.spec.name}) is used ${f.uses} times in ${loopLabel(f.node)}; at most ${max} allowed` };
  }

  /** The segment fits an earlier position of an open iteration: not in sequence (IK304 7), skipped. */
  function outOfSequence(segment: Segment): Placement | null {
    for (let d = stack.length - 1; d >= 0; d--) {
      const f = stack[d]!;
      for (const c of f.node.ownById.get(segment.id) ?? NONE) {
        if (c.pos === 0 || c.pos >= f.pos || !fitsQualifier(c.spec, segment)) continue;
        // It was reported missing-pending when skipped; now it is only out of place.
        if (f.pending !== null) f.pending = f.pending.filter((p) => p.spec !== c.spec);
        const now = f.node.segments[f.pos];
        const after = now === undefined ? 'the loops that follow' : now.spec.id;
        return unplaced('7', f.node, f.node, `${segmentLabel(segment, c.spec)} (${c.spec.name}) in ${loopLabel(f.node)} is not in position: it belongs before ${after}`);
      }
      const n = f.node.segments.length;
      for (const child of f.node.childById.get(segment.id) ?? NONE) {
        if (n + child.index >= f.pos || !fitsQualifier(trigger(child).spec, segment)) continue;
        return unplaced('7', child, f.node, `${segmentLabel(segment, trigger(child).spec)} would start ${loopLabel(child)}, which belongs earlier in ${loopLabel(f.node)}`);
      }
    }
    return null;
  }

  function unplaced(code: '1' | '2' | '7', loop: LoopNode, within: LoopNode, message: string): Placement {
    return { node: null, loop, within, starts: false, code, message };
  }

  return {
    place(segment) {
      current = segment;
      currentAt = null;
      const here = top().node;
      if (!map.knownIds.has(segment.id)) {
        return unplaced('1', here, here, `unrecognized segment ID '${segment.id}': no such segment in the ${map.spec.guide} guide`);
      }
      return forward(segment, fitsQualifier)
        ?? overMax(segment)
        ?? outOfSequence(segment)
        ?? forward(segment, hasUnreadableQualifier)
        ?? unplaced('2', here, here, `${segmentLabel(segment, firstSpec(map, segment.id))} is not expected here: it fits no position reachable from ${loopLabel(here)}`);
    },
    end(endIndex) {
      current = null;
      currentAt = { setIndex: endIndex, byteOffset: null, fileIndex: null };
      while (stack.length > 0) close(stack.pop()!);
    },
  };
}

/** Any spec with this id, to show the qualifier element a misfit was judged by. */
function firstSpec(map: CompiledMap, id: string): SegmentSpec | undefined {
  const find = (loop: LoopNode): SegmentSpec | undefined =>
    loop.ownById.get(id)?.[0]?.spec ?? loop.loops.map(find).find((s) => s !== undefined);
  return find(map.root);
}
