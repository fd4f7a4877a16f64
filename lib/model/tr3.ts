/**
 * The shape of an implementation guide (TR3) map as data: loops, segments, elements, usage,
 * repeats and code subsets. The 837P map in ./map-837p/ is written in this shape; the walker
 * (./loop-walker.ts) and the element checks read it. Facts come from the public machine-readable
 * maps and our brief (shared docs §2); the table is our own.
 */

/** R required, S situational, N not used (TR3 usage). */
export type Usage = 'R' | 'S' | 'N';

/** X12 data types. N0/N2 are implied-decimal integers, R a decimal, DT/TM date/time. */
export type DataType = 'AN' | 'ID' | 'N0' | 'N2' | 'R' | 'DT' | 'TM';

export interface SimpleElementSpec {
  /** Data element reference number (e.g. "782"): the 999's IK402. */
  readonly ref: string;
  readonly name: string;
  readonly usage: Usage;
  readonly type: DataType;
  readonly min: number;
  readonly max: number;
  /** The TR3 code subset for ID elements; absent = external or open list (not checked here). */
  readonly codes?: readonly string[];
  /** Maximum repetitions (repeating elements only). */
  readonly repeat?: number;
}

export interface CompositeSpec {
  /** Composite reference (e.g. "C023"). */
  readonly ref: string;
  readonly name: string;
  readonly usage: Usage;
  readonly components: readonly SimpleElementSpec[];
  readonly repeat?: number;
}

export type ElementSpec = SimpleElementSpec | CompositeSpec;

export function isComposite(spec: ElementSpec): spec is CompositeSpec {
  return 'components' in spec;
}

export interface SegmentSpec {
  readonly id: string;
  readonly name: string;
  readonly usage: Usage;
  /** Maximum uses in one loop iteration; Infinity for ">1". */
  readonly maxUse: number;
  /**
   * Values that tell this segment apart from siblings with the same id (NM101 "85", REF01 "EI",
   * HL03 "22", DTP01 "472"): element position and the allowed values.
   */
  readonly qualifier?: { readonly element: number; readonly values: readonly string[] };
  /** Element 1 is index 0. */
  readonly elements: readonly ElementSpec[];
}

export interface LoopSpec {
  /** TR3 loop id ("2010AA"), reported as IK303. */
  readonly id: string;
  readonly name: string;
  readonly usage: Usage;
  /** Maximum iterations under one parent iteration; Infinity for ">1". */
  readonly maxRepeat: number;
  /** In TR3 order; segments[0] starts the loop (its qualifier identifies the loop). */
  readonly segments: readonly SegmentSpec[];
  /** Child loops, which follow the loop's own segments. */
  readonly loops: readonly LoopSpec[];
}

/** A whole transaction set: ST, the header segments and loops, SE. */
export interface TransactionSpec {
  /** GS08 / ST03 this map implements (e.g. "005010X222A1"). */
  readonly guide: string;
  readonly st01: string;
  readonly functionalId: string;
  /** The set as one implicit loop with id "ST": segments ST, BHT …; loops 1000A, 1000B, 2000A. SE is handled by the envelope. */
  readonly root: LoopSpec;
}
