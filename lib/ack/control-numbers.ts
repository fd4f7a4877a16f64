/**
 * The control numbers of the interchanges, groups and sets we send (ISA13, GS06, ST02). They
 * must not repeat towards one partner (a reused ISA13 is TA105 025 on their side, brief §1.5),
 * so production keeps them in a store; the writers only ask for the next one. Synchronous on
 * purpose: a store-backed source reserves a block up front, which keeps the writers pure.
 */
export interface ControlNumbers {
  nextInterchange(): number;
  nextGroup(): number;
  nextSet(): number;
}

export interface CounterStart {
  readonly interchange: number;
  readonly group: number;
  readonly set: number;
}

/** ISA13 is N0 9 and GS06 N0 1-9 (brief §1.2, §1.3): after 999999999 the counter wraps to 1. */
const MAX_CONTROL_NUMBER = 999_999_999;

/** Three independent counters, each starting at its given number: deterministic by construction. */
export function counterControlNumbers(start: CounterStart): ControlNumbers {
  const interchange = counter(start.interchange);
  const group = counter(start.group);
  const set = counter(start.set);
  return { nextInterchange: interchange, nextGroup: group, nextSet: set };
}

/**
 * Throws on a number that cannot be written as ISA13/GS06/ST02. A bad number is a bug in the
 * source, not in the input file, so it is an exception and not a finding.
 */
export function assertControlNumber(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONTROL_NUMBER) {
    throw new RangeError(`a control number must be an integer from 1 to ${MAX_CONTROL_NUMBER}, not ${n}`);
  }
  return n;
}

function counter(first: number): () => number {
  let next = assertControlNumber(first);
  return () => {
    const current = next;
    next = current === MAX_CONTROL_NUMBER ? 1 : current + 1;
    return current;
  };
}
