import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readSegmentsSync, type LocatedSegment } from '../../lib/x12/reader.ts';

const GOLDEN_DIR = new URL('../golden/ack/', import.meta.url);

/**
 * Compares writer output with test/golden/ack/<name>, byte for byte (Latin-1: one char = one
 * byte, as the reader decodes). After an intended change of output, rewrite the files with
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/ack
 *
 * and review `git diff test/golden` before committing. Without the switch any difference (or a
 * missing file) fails the test.
 */
export function expectGolden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(new URL(name, GOLDEN_DIR), actual, 'latin1');
  compareGolden(name, actual);
}

/** The comparison alone, never rewriting: also used to prove that a difference fails. */
export function compareGolden(name: string, actual: string): void {
  expect(actual).toBe(readFileSync(new URL(name, GOLDEN_DIR), 'latin1'));
}

/**
 * Reads our own output back with our reader and checks the envelope arithmetic: no framing
 * problem, SE01 = segments from ST to SE, SE02 = ST02, GE01 = sets, GE02 = GS06, IEA01 =
 * groups, IEA02 = ISA13. Returns the segments for further assertions.
 */
export function readBackEnvelope(text: string): LocatedSegment[] {
  const events = readSegmentsSync(text);
  expect(events.filter((e) => e.type === 'problem')).toEqual([]);
  const segments = events.flatMap((e) => (e.type === 'segment' ? [e.segment] : []));
  let isa13 = '';
  let gs06 = '';
  let st02 = '';
  let groups = 0;
  let sets = 0;
  for (const s of segments) {
    const e = (n: number): string => s.elements[n] ?? '';
    switch (s.id) {
      case 'ISA':
        isa13 = e(13);
        groups = 0;
        break;
      case 'GS':
        gs06 = e(6);
        groups++;
        sets = 0;
        break;
      case 'ST':
        st02 = e(2);
        sets++;
        break;
      case 'SE':
        expect(e(1), 'SE01 = segments from ST to SE').toBe(String(s.setIndex));
        expect(e(2), 'SE02 = ST02').toBe(st02);
        break;
      case 'GE':
        expect(e(1), 'GE01 = sets in the group').toBe(String(sets));
        expect(e(2), 'GE02 = GS06').toBe(gs06);
        break;
      case 'IEA':
        expect(e(1), 'IEA01 = groups in the interchange').toBe(String(groups));
        expect(e(2), 'IEA02 = ISA13').toBe(isa13);
        break;
    }
  }
  expect(segments.at(-1)?.id).toBe('IEA');
  return segments;
}
