/**
 * SNIP 1–2 validation of one 837P transaction set (the segments between ST and SE) and claim
 * assembly: the loop walker places each segment, the element checks and the HL/LX rules judge
 * it, the claim assembler groups it, and every problem becomes a 999-shaped SegmentError
 * (brief §4.4) carrying CLM01/LX01 when it falls inside a claim.
 */
import type { LocatedSegment } from '../x12/reader.ts';
import type { ElementError, SegmentError } from '../x12/results.ts';
import type { ClaimSink, LoopedSegment, TransactionValidator } from './claim.ts';
import { createClaimAssembler, type ClaimAssembler } from './claim-assembler.ts';
import { checkElements } from './element-check.ts';
import { createHierarchyCheck } from './hierarchy-check.ts';
import { compileMap, createLoopWalker, type Finding, type LoopNode, type Placement } from './loop-walker.ts';
import { MAP_837P } from './map-837p/index.ts';
import type { TransactionSpec } from './tr3.ts';

/**
 * `st` is the set's ST (already judged by the envelope, so its elements are not checked here);
 * `onClaim` receives each claim as soon as it ends.
 */
export function createTransactionValidator837p(st: LocatedSegment, onClaim: ClaimSink, map: TransactionSpec = MAP_837P): TransactionValidator {
  const errors: SegmentError[] = [];
  const assembler = createClaimAssembler(st, onClaim);
  const report = (finding: Finding): void => {
    const error = toSegmentError(finding, assembler);
    errors.push(error);
    assembler.error(error, finding.within);
  };
  const hierarchy = createHierarchyCheck(report);
  const walker = createLoopWalker(compileMap(map), {
    missing: report,
    closed(loop, at) {
      hierarchy.closed(loop, at);
      assembler.closed(loop);
    },
  });

  return {
    segment(segment) {
      const placement = walker.place(segment);
      const node = placement.node;
      let elementErrors: readonly ElementError[] = [];
      let syntax = false;
      if (node !== null) {
        assembler.placed(looped(segment, node.loop), node.loop, placement.starts);
        const own = checkElements(segment, node.spec);
        syntax = own.length > 0;
        elementErrors = mergeElementErrors(own, hierarchy.placed(segment, node, placement.starts));
      }
      if (placement.code !== null) report(segmentFinding(segment, placement, placement.code, placement.message, []));
      if (elementErrors.length > 0) {
        const message = elementErrors.map((e) => e.message).join('; ');
        report({ ...segmentFinding(segment, placement, '8', message, elementErrors), rule: syntax ? 'x12/syntax' : 'x12/structure' });
      }
    },
    end(endIndex) {
      walker.end(endIndex);
      return { errors: inFileOrder(errors), claims: assembler.claims, serviceLines: assembler.serviceLines };
    },
  };
}

/** Written out field by field: an object spread per segment is several times slower in V8. */
function looped(s: LocatedSegment, loop: LoopNode): LoopedSegment {
  return {
    id: s.id, elements: s.elements, delimiters: s.delimiters, byteOffset: s.byteOffset, fileIndex: s.fileIndex,
    setIndex: s.setIndex, isa13: s.isa13, gs06: s.gs06, st02: s.st02, loopId: loop.id, loopPath: loop.path,
  };
}

function segmentFinding(segment: LocatedSegment, placement: Placement, code: Finding['code'], message: string, elementErrors: readonly ElementError[]): Finding {
  return {
    setIndex: segment.setIndex ?? 0, byteOffset: segment.byteOffset, fileIndex: segment.fileIndex,
    segmentId: segment.id, loop: placement.loop, within: placement.within, code, message, elementErrors,
  };
}

/** The first errors win: a later rule on an element already flagged adds nothing (one IK4 per element). */
function mergeElementErrors(own: readonly ElementError[], later: readonly ElementError[]): readonly ElementError[] {
  if (later.length === 0) return own;
  const extra = later.filter((r) => !own.some((e) => e.element === r.element));
  return extra.length === 0 ? own : [...own, ...extra];
}

/** IK304 1 and 8 are syntax (SNIP 1); where a segment sits and what it requires is structure (SNIP 2). */
function toSegmentError(finding: Finding, assembler: ClaimAssembler): SegmentError {
  const { claimId, line } = assembler.context(finding.within);
  return {
    segmentId: finding.segmentId,
    setIndex: finding.setIndex,
    // IK303 is for segments inside a loop; the header (root) has none.
    loopId: finding.loop.parent === null ? null : finding.loop.id,
    code: finding.code,
    claimId,
    line,
    ...(finding.trigger === undefined ? {} : { trigger: finding.trigger }),
    elementErrors: finding.elementErrors ?? [],
    message: finding.message,
    rule: finding.rule ?? (finding.code === '1' || finding.code === '8' ? 'x12/syntax' : 'x12/structure'),
    byteOffset: finding.byteOffset,
    fileIndex: finding.fileIndex,
  };
}

/**
 * All errors by position (stable, so a missing segment stays before the error of the segment
 * where its absence was seen), with the IK304 8 entries of one segment merged into one: an HL04
 * error is only known after the HL was judged (hierarchy-check.ts), and the 999 wants one IK3
 * per segment and code (brief §4.4 rule 2).
 */
function inFileOrder(errors: readonly SegmentError[]): SegmentError[] {
  const out = [...errors].sort((a, b) => a.setIndex - b.setIndex);
  for (let i = out.length - 1; i > 0; i--) {
    const e = out[i]!;
    if (e.code !== '8') continue;
    for (let j = i - 1; j >= 0 && out[j]!.setIndex === e.setIndex; j--) {
      const twin = out[j]!;
      if (twin.code !== '8' || twin.segmentId !== e.segmentId) continue;
      const combined = mergeElementErrors(twin.elementErrors, e.elementErrors);
      out[j] = { ...twin, elementErrors: [...combined].sort((x, y) => x.element - y.element), message: `${twin.message}; ${e.message}` };
      out.splice(i, 1);
      break;
    }
  }
  return out;
}
