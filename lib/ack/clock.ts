/**
 * Where acknowledgments take their date and time (ISA09/ISA10, GS04/GS05). Injected rather than
 * read from the system so that the same input always gives the same bytes (golden files, and
 * re-runs of one file that must produce identical acks).
 */
export interface Clock {
  now(): Date;
}

/** A clock stopped at one instant: tests, and re-generating an ack for a recorded run. */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}
