import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_GUIDE } from '../../lib/x12/guides.ts';
import type { InterchangeResult, SegmentError } from '../../lib/x12/results.ts';
import { validateStream, type FileValidation } from '../../lib/validate-stream.ts';
import { CORPUS, corpusFile, type CorpusExpectation, type ExpectedSegmentError } from './expectations.ts';

/**
 * Every third-party corpus file against the verdict in expectations.ts, checked by code (TA105,
 * AK905, IK502, IK304/IK403 with loop and element), not just "rejected".
 */
async function validate(file: string, entry: CorpusExpectation): Promise<FileValidation> {
  const acceptedGuides = entry.alsoAcceptGuide === undefined ? [SUPPORTED_GUIDE] : [SUPPORTED_GUIDE, entry.alsoAcceptGuide];
  return validateStream(createReadStream(file, { highWaterMark: 4096 }), { claim: () => undefined }, { acceptedGuides });
}

const sets = (ics: readonly InterchangeResult[]) => ics.flatMap((ic) => ic.groups.flatMap((g) => g.sets));
const framingCodes = (v: FileValidation) => v.envelopeFindings.filter((f) => f.source.includes('(X12_')).map((f) => /\((X12_[A-Z0-9_]+)\)/.exec(f.source)![1]!);

function matches(actual: SegmentError, wanted: ExpectedSegmentError): boolean {
  if (actual.segmentId !== wanted.segmentId || actual.code !== wanted.code) return false;
  if (wanted.loopId !== undefined && actual.loopId !== wanted.loopId) return false;
  if (wanted.element === undefined) return true;
  return actual.elementErrors.some((e) => e.element === wanted.element && (wanted.elementCode === undefined || e.code === wanted.elementCode));
}

function describeErrors(errors: readonly SegmentError[]): string {
  return errors.map((e) => `${e.segmentId}@${e.setIndex}/${e.loopId}:${e.code}${e.elementErrors.map((el) => ` [${el.element}${el.component === undefined ? '' : `-${el.component}`}:${el.code}]`).join('')}`).join('\n');
}

describe('corpus verdicts', () => {
  for (const entry of CORPUS) {
    const file = corpusFile(entry);
    it.skipIf(file === null)(`${entry.path}${entry.why === undefined ? '' : ` (${entry.why.slice(0, 60)}…)`}`, async () => {
      const v = await validate(file!, entry);
      const want = entry.expect;
      const ic = v.interchanges[0];
      expect(framingCodes(v).sort(), 'framing problems').toEqual([...(want.framing ?? [])].sort());
      if (want.ta1 !== undefined) expect(ic?.ta1, 'TA1').toMatchObject(want.ta1);
      else if (ic !== undefined) expect(ic.ta1.code, `TA1: ${ic.ta1.message}`).toBe('000');
      const groupErrors = v.interchanges.flatMap((i) => i.groups.flatMap((g) => g.groupErrors));
      const setErrors = sets(v.interchanges).flatMap((s) => s.setErrors);
      const segmentErrors = sets(v.interchanges).flatMap((s) => s.segmentErrors);
      if (want.clean === true) {
        expect(groupErrors, 'AK905').toEqual([]);
        expect(setErrors, 'IK502').toEqual([]);
        expect(describeErrors(segmentErrors), 'segment errors').toBe('');
        expect(v.summary.rejectedClaims).toBe(0);
        return;
      }
      for (const code of want.groupErrors ?? []) expect(groupErrors, 'AK905').toContain(code);
      for (const code of want.setErrors ?? []) expect(setErrors, 'IK502').toContain(code);
      for (const wanted of want.segmentErrors ?? []) {
        expect(segmentErrors.some((e) => matches(e, wanted)), `expected ${JSON.stringify(wanted)} among:\n${describeErrors(segmentErrors)}`).toBe(true);
      }
      expect(v.accepted).toBe(false);
    });
  }

  it('rejects the 005010X222A2 files as x12/guide by default', async () => {
    const entry = CORPUS.find((e) => e.alsoAcceptGuide !== undefined)!;
    const v = await validateStream(createReadStream(corpusFile(entry)!), { claim: () => undefined });
    expect(v.interchanges[0]!.groups[0]!.groupErrors).toEqual(['2']);
    expect(v.envelopeFindings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'x12/guide', ack: '999:AK9*R;AK905*2' })]));
  });
});
