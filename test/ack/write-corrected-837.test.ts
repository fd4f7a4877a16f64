import { describe, expect, it } from 'vitest';
import { applySafeFixes } from '../../lib/ack/safe-fixes.ts';
import { formatCents } from '../../lib/x12/amount.ts';
import { createCorrected837Writer } from '../../lib/ack/write-corrected-837.ts';
import type { LoopedSegment } from '../../lib/model/claim.ts';
import type { SafeFix } from '../../lib/rules/define-rule.ts';
import { painClaim, type BuiltClaim } from '../helpers/pain-claim.ts';
import { expectGolden837, expectRevalidates, goldenContext, outcomeOf, streamEvents, twoProvidersFile, written } from './claim-837-harness.ts';
import { readBackEnvelope } from './golden.ts';

const corrected = (): ReturnType<typeof createCorrected837Writer> => createCorrected837Writer(goldenContext(), { lineBreaks: true });

/** The segments of a written file as text, without terminators. */
const segmentsOf = (text: string): string[] => readBackEnvelope(text).map((s) => s.elements.join('*'));

const replaceFix = (segment: LoopedSegment, element: number, component: number | undefined, value: string): SafeFix => ({
  kind: 'replace',
  segment,
  element,
  ...(component === undefined ? {} : { component }),
  value,
  reason: `test: ${value}`,
});

const hiOf = (built: BuiltClaim): LoopedSegment => built.view.diagnoses[0]!.segment;

describe('createCorrected837Writer', () => {
  it('re-envelopes the accepted claims of two billing providers and a dependent patient, HL renumbered', async () => {
    const { events } = await streamEvents(twoProvidersFile());
    const text = written(corrected(), events);
    const segments = segmentsOf(text);
    // PCN-0001 (HL 1/2 inbound) and PCN-0004 are rejected: the dependent's loops move up to HL 2/3,
    // the second provider's to HL 4/5 with HL02 pointing at the new parents; set 0002 restarts at 1.
    expect(segments.filter((s) => s.startsWith('HL*'))).toEqual(['HL*1**20*1', 'HL*2*1*22*1', 'HL*3*2*23*0', 'HL*4**20*1', 'HL*5*4*22*0', 'HL*1**20*1', 'HL*2*1*22*0']);
    expect(segments.filter((s) => s.startsWith('CLM*')).map((s) => s.split('*')[1])).toEqual(['PCN-0002', 'PCN-0003', 'PCN-0005', 'PCN-0006']);
    const claims = await expectRevalidates(text);
    expect(claims.map((c) => c.view.id)).toEqual(['PCN-0002', 'PCN-0003', 'PCN-0005', 'PCN-0006']);
    expect(claims.map((c) => c.view.claim.patient !== null)).toEqual([true, true, false, false]);
    expectGolden837('two-providers.corrected.837', text);
  });

  it('copies the inbound ISA and GS without swapping them, with our control numbers, date and time', async () => {
    const { events } = await streamEvents(twoProvidersFile());
    const [isa, gs, st] = readBackEnvelope(written(createCorrected837Writer(goldenContext()), events));
    // Sender and receiver as inbound (it is still the submitter's file to the payer); ISA14 and
    // ISA15 are the sender's too.
    expect(isa!.elements.join('*')).toBe('ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *261202*0915*^*00501*000009001*1*T*:');
    expect(gs!.elements.join('*')).toBe('GS*HC*SUBMITTER01*RECEIVER01*20261202*0915*9001*X*005010X222A1');
    expect(st!.elements.join('*')).toBe('ST*837*0001*005010X222A1');
  });

  it('shares one interchange across inbound interchanges with equal headers, and starts another when they differ', () => {
    const claim = (id: string, isa: readonly string[]): ReturnType<typeof outcomeOf> => {
      const built = painClaim({ id, lines: [{ code: '64483' }] });
      return outcomeOf(built, { envelope: { ...outcomeOf(built).envelope, isa } });
    };
    const base = outcomeOf(painClaim({ lines: [{ code: '64483' }] })).envelope.isa;
    const renumbered = base.map((v, i) => (i === 13 ? '000000555' : v));
    const otherSender = base.map((v, i) => (i === 6 ? 'OTHERSENDER    ' : v));
    const text = written(corrected(), [claim('PCN-A', base), claim('PCN-B', renumbered), claim('PCN-C', otherSender)]);
    const envelopes = readBackEnvelope(text).filter((s) => ['ISA', 'ST', 'IEA'].includes(s.id)).map((s) => `${s.id} ${s.id === 'ISA' ? s.elements[6]!.trim() : s.elements[2]}`);
    // A painClaim set has its own header, so each claim also has its own ST.
    expect(envelopes).toEqual(['ISA SUBMITTER01', 'ST 0001', 'ST 0002', 'IEA 000009001', 'ISA OTHERSENDER', 'ST 0003', 'IEA 000009002']);
  });

  it('streams: each claim comes back from its own claim() call, the SE from setEnd', async () => {
    const { events } = await streamEvents(twoProvidersFile());
    const writer = corrected();
    const pieces = events.map((e) => ('view' in e ? writer.claim(e) : writer.setEnd(e)));
    const claimPieces = events.flatMap((e, i) => ('view' in e ? [`${e.view.id}: ${/CLM\*([^*]+)\*/.exec(pieces[i]!)?.[1] ?? 'nothing'}`] : []));
    expect(claimPieces).toEqual(['PCN-0001: nothing', 'PCN-0002: PCN-0002', 'PCN-0003: PCN-0003', 'PCN-0004: nothing', 'PCN-0005: PCN-0005', 'PCN-0006: PCN-0006']);
    expect(pieces.filter((p) => p.startsWith('SE*'))).toEqual(['SE*55*0001~\n', 'SE*24*0002~\n']);
    expect(writer.end()).toBe('GE*2*9001~\nIEA*1*000009001~\n');
  });

  it('writes nothing when no claim goes into the corrected file', () => {
    const writer = corrected();
    expect(writer.claim(outcomeOf(painClaim({ lines: [{ code: '64483' }] }), { status: 'rejected', inCorrected: false }))).toBe('');
    expect(writer.setEnd({ isa13: '000000101', gs06: '101', st02: '0001', ack: 'A' })).toBe('');
    expect(writer.end()).toBe('');
  });

  it('drops a 77003 line bundled into an ESI: LX renumbered, CLM02 reduced in exact cents', async () => {
    const built = painClaim({
      id: 'PCN-ESI',
      dx: ['M5416'],
      lines: [
        { code: '64483', modifiers: ['RT'], charge: 850.5 },
        { code: '77003', charge: 120.25 },
        { code: '64484', modifiers: ['RT'], charge: 310 },
      ],
    });
    expect(built.view.clm.elements[2]).toBe('1280.75');
    const fix: SafeFix = { kind: 'drop-line', line: 2, reason: 'drop 77003: imaging guidance is included in 64483' };
    const text = written(corrected(), [outcomeOf(built, { fixes: [fix] })]);
    const segments = segmentsOf(text);
    expect(segments.filter((s) => /^(CLM|LX|SV1)\*/.test(s))).toEqual([
      'CLM*PCN-ESI*1160.5***11:B:1*Y*A*Y*Y',
      'LX*1',
      'SV1*HC:64483:RT*850.50*UN*1***1',
      'LX*2',
      'SV1*HC:64484:RT*310*UN*1***1',
    ]);
    expect(text).not.toContain('77003');
    const [claim] = await expectRevalidates(text);
    expect(claim!.view.chargeCents).toBe(claim!.view.lines.reduce((sum, l) => sum + l.chargeCents!, 0));
    expectGolden837('dropped-77003.corrected.837', text);
  });

  it('removes the decimal point from ICD-10 codes', async () => {
    const built = painClaim({ id: 'PCN-ICD', dx: ['M48.061', 'm54.16'], lines: [{ code: '62323', pointers: [1, 2] }] });
    const hi = hiOf(built);
    const fixes = [replaceFix(hi, 1, 2, 'M48061'), replaceFix(hi, 2, 2, 'M5416')];
    const text = written(corrected(), [outcomeOf(built, { fixes })]);
    expect(segmentsOf(text)).toContain('HI*ABK:M48061*ABF:M5416');
    await expectRevalidates(text);
    expectGolden837('icd-decimal.corrected.837', text);
  });

  it('upper-cases a procedure code and a modifier', async () => {
    const built = painClaim({ lines: [{ code: '0213t', modifiers: ['rt'] }] });
    const sv1 = built.view.lines[0]!.sv1;
    const text = written(corrected(), [outcomeOf(built, { fixes: [replaceFix(sv1, 1, 2, '0213T'), replaceFix(sv1, 1, 3, 'RT')] })]);
    expect(segmentsOf(text)).toContain('SV1*HC:0213T:RT*100*UN*1***1');
    await expectRevalidates(text);
  });

  it('does not write trailing empty elements or components', () => {
    const built = painClaim({ lines: [{ code: '64483', modifiers: ['RT'] }] });
    // REF*EI*123456789** and SV1*HC:64483:RT::*100*UN*1***1**, as a lenient reader would give them.
    const padded = (s: LoopedSegment): LoopedSegment => ({ ...s, elements: [...s.elements.map((e, i) => (s.id === 'SV1' && i === 1 ? `${e}::` : e)), '', ''] });
    const claim = {
      ...built.claim,
      billingProvider: built.claim.billingProvider.map((s) => (s.id === 'REF' ? padded(s) : s)),
      lines: built.claim.lines.map((l) => ({ ...l, segments: l.segments.map((s) => (s.id === 'SV1' ? padded(s) : s)) })),
    };
    const text = written(corrected(), [outcomeOf({ ...built, claim, view: { ...built.view, claim } })]);
    expect(segmentsOf(text)).toEqual(expect.arrayContaining(['REF*EI*123456789', 'SV1*HC:64483:RT*100*UN*1***1']));
  });
});

describe('applySafeFixes', () => {
  const three = (): BuiltClaim =>
    painClaim({ dx: ['M48.061'], lines: [{ code: '77003', charge: 40 }, { code: '64483', charge: 800.1 }, { code: '77003', charge: 40.1 }] });
  const texts = (segments: readonly (readonly string[])[]): string[] => segments.map((s) => s.join('*'));

  it('applies several drops against the inbound LX numbers, then renumbers', () => {
    const built = three();
    const fixed = applySafeFixes(built.claim, [
      { kind: 'drop-line', line: 1, reason: 'a' },
      { kind: 'drop-line', line: 3, reason: 'b' },
    ]);
    expect(fixed.skipped).toEqual([]);
    expect(texts(fixed.segments).filter((s) => /^(CLM|LX)\*/.test(s))).toEqual(['CLM*PCN-0001*800.1***11:B:1*Y*A*Y*Y', 'LX*1']);
    // The claim itself is not changed.
    expect(built.claim.segments[0]!.elements[2]).toBe('880.20');
  });

  it('skips a fix that is not safe or no longer applies, and applies the rest', () => {
    const built = three();
    const hi = hiOf(built);
    const elsewhere = { ...hi, fileIndex: 9999 };
    const unsafe: SafeFix[] = [
      replaceFix(hi, 1, 2, 'M48062'), // not the code without its decimal point: invented
      replaceFix(built.view.clm, 2, undefined, '88020'), // an amount is no code
      replaceFix(built.view.clm, 1, undefined, 'PCN-0001'.toLowerCase()), // CLM01 is not a code either
      replaceFix(elsewhere, 1, 2, 'M48061'), // not a segment of this claim
      replaceFix(hi, 0, undefined, 'HI'), // the segment id is no element
      replaceFix(hi, 1, 0, 'ABK'), // components count from 1
      { kind: 'drop-line', line: 7, reason: 'no such line' },
    ];
    const safe = replaceFix(hi, 1, 2, 'M48061');
    const fixed = applySafeFixes(built.claim, [...unsafe, safe]);
    expect(fixed.applied).toEqual([safe]);
    expect(fixed.skipped).toEqual(unsafe);
    expect(texts(fixed.segments)).toContain('HI*ABK:M48061');
  });

  it('never drops the last line', () => {
    const built = painClaim({ lines: [{ code: '77003' }] });
    const fix: SafeFix = { kind: 'drop-line', line: 1, reason: 'x' };
    expect(applySafeFixes(built.claim, [fix]).skipped).toEqual([fix]);
  });

  it('does not drop a line of a claim with other payers (2320): their balancing and SVD06 line numbers would break', () => {
    const built = three();
    const clm = built.view.clm;
    const sbr: LoopedSegment = { ...clm, id: 'SBR', elements: ['SBR', 'S', '18'], loopId: '2320', loopPath: '2000A/2000B/2300/2320' };
    const fix: SafeFix = { kind: 'drop-line', line: 1, reason: 'x' };
    expect(applySafeFixes({ ...built.claim, segments: [...built.claim.segments, sbr] }, [fix]).skipped).toEqual([fix]);
  });

  it('writes amounts in exact cents without trailing zeros', () => {
    expect([0, 5, 50, 35000, 35050, 35055, 123456789].map(formatCents)).toEqual(['0', '0.05', '0.5', '350', '350.5', '350.55', '1234567.89']);
    expect(formatCents(-125)).toBe('-1.25');
  });
});
