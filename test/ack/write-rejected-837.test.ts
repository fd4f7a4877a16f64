import { describe, expect, it } from 'vitest';
import { createRejected837Writer } from '../../lib/ack/write-rejected-837.ts';
import type { SafeFix } from '../../lib/rules/define-rule.ts';
import { painClaim } from '../helpers/pain-claim.ts';
import { between, expectGolden837, goldenContext, inPipes, outcomeOf, outcomes, streamEvents, twoProvidersFile, written } from './claim-837-harness.ts';
import { readBackEnvelope } from './golden.ts';

const rejected = (): ReturnType<typeof createRejected837Writer> => createRejected837Writer(goldenContext(), { lineBreaks: true });

/** A claim's 2300 and 2400 segments as element lists, with its SNIP error codes. */
const claimContent = (o: ReturnType<typeof outcomes>[number]): unknown => ({
  id: o.view.id,
  segments: [...o.view.claim.segments, ...o.view.claim.lines.flatMap((l) => l.segments)].map((s) => s.elements),
  errors: o.snipErrors.map((e) => `${e.segmentId} ${e.code} ${e.elementErrors.map((x) => x.code).join(',')}`),
});

describe('createRejected837Writer', () => {
  it('keeps the malformed claims byte for byte, in the sender\'s delimiters, re-enveloped', async () => {
    const inbound = inPipes(twoProvidersFile());
    const { events } = await streamEvents(inbound);
    const text = written(rejected(), events);
    // The claims' own segments, exactly as sent (line breaks included, as the inbound file has them).
    expect(text).toContain(between(inbound, 'CLM|PCN-0001|', 'HL|3|'));
    expect(text).toContain(between(inbound, 'CLM|PCN-0004|', 'CLM|PCN-0005|'));
    const segments = readBackEnvelope(text);
    expect(segments[0]!.elements.slice(0, 1).concat(segments[0]!.elements.slice(13)).join('|')).toBe('ISA|000009001|1|T|>');
    expect(segments.filter((s) => s.id === 'HL').map((s) => s.elements.join('|'))).toEqual(['HL|1||20|1', 'HL|2|1|22|0', 'HL|3||20|1', 'HL|4|3|22|0']);
    expectGolden837('two-providers.rejected.837', text);
  });

  it('round-trips: read back, the rejected file holds the same claims, segments and errors as the inbound one', async () => {
    const { events } = await streamEvents(twoProvidersFile());
    const sent = outcomes(events).filter((o) => o.status === 'rejected');
    expect(sent.map((o) => o.view.id)).toEqual(['PCN-0001', 'PCN-0004']);
    const back = await streamEvents(written(rejected(), events));
    // The envelope is ours and clean; only the claims themselves are rejected, as before.
    expect(back.validation.envelopeFindings).toEqual([]);
    expect(outcomes(back.events).map(claimContent)).toEqual(sent.map(claimContent));
  });

  it('takes a claim rejected by a coding rule unchanged: no fix, no normalisation', () => {
    const built = painClaim({ id: 'PCN-RULE', dx: ['M48.061'], lines: [{ code: '64483', modifiers: ['rt'] }] });
    const fix: SafeFix = { kind: 'replace', segment: built.view.diagnoses[0]!.segment, element: 1, component: 2, value: 'M48061', reason: 'x' };
    const text = written(rejected(), [outcomeOf(built, { status: 'rejected', inCorrected: true, fixes: [fix] })]);
    expect(text).toContain('CLM*PCN-RULE*100***11:B:1*Y*A*Y*Y~\nHI*ABK:M48.061~\nLX*1~\nSV1*HC:64483:rt*100*UN*1***1~\n');
  });

  it('writes nothing when no claim is rejected', () => {
    const writer = rejected();
    expect(writer.claim(outcomeOf(painClaim({ lines: [{ code: '64483' }] })))).toBe('');
    expect(writer.end()).toBe('');
  });
});
