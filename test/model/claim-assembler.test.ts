import { describe, expect, it } from 'vitest';
import { parseCents } from '../../lib/x12/amount.ts';
import type { Claim } from '../../lib/model/claim.ts';
import { createTransactionValidator837p } from '../../lib/model/transaction-validator-837p.ts';
import { A1, all, drop, replace, setText, type Edit } from '../helpers/appendix.ts';
import { snippet, summary, validate } from '../helpers/x12-snippet.ts';

const run = (edit: Edit = (l) => [...l]) => validate(setText(edit(A1)));
const ids = (segments: readonly { id: string }[] | null) => segments?.map((s) => s.id).join(' ') ?? null;

describe('claim assembly', () => {
  it('groups Appendix A.1 into two claims with their context and lines', () => {
    const r = run();
    expect(r.claims).toBe(2);
    expect(r.serviceLines).toBe(4);
    const [first, second] = r.claimList as [Claim, Claim];
    expect(first).toMatchObject({ transaction: '0001', isa13: '000000101', gs06: '101', id: 'PCN-0001', chargeCents: 15000, patient: null, errors: [], contextErrors: [] });
    expect(ids(first.header)).toBe('BHT NM1 PER NM1');
    expect(ids(first.billingProvider)).toBe('HL PRV NM1 N3 N4 REF');
    expect(ids(first.subscriber)).toBe('HL SBR NM1 N3 N4 DMG NM1');
    expect(ids(first.segments)).toBe('CLM HI');
    expect(first.lines.map((l) => [l.lx, ids(l.segments)])).toEqual([[1, 'LX SV1 DTP REF'], [2, 'LX SV1 DTP REF']]);
    expect(first.lines[0]?.segments.map((s) => `${s.loopId}:${s.loopPath}:${s.setIndex}`)).toEqual([
      '2400:2000A/2000B/2300/2400:21', '2400:2000A/2000B/2300/2400:22', '2400:2000A/2000B/2300/2400:23', '2400:2000A/2000B/2300/2400:24',
    ]);
    expect(second).toMatchObject({ id: 'PCN-0002', chargeCents: 27500 });
    expect(ids(second.subscriber)).toBe('HL SBR NM1 NM1');
    expect(ids(second.patient)).toBe('HL PAT NM1 N3 N4 DMG');
    expect(second.lines[1]?.segments[0]?.loopPath).toBe('2000A/2000B/2000C/2300/2400');
    // The header and the billing provider are shared, not copied.
    expect(second.header).toBe(first.header);
    expect(second.billingProvider).toBe(first.billingProvider);
  });

  it('emits a claim as soon as it ends (at the next HL), before the rest of the set is read', () => {
    const { st, body } = snippet(setText(A1));
    const seen: string[] = [];
    const validator = createTransactionValidator837p(st, (c) => seen.push(c.id));
    for (const s of body.slice(0, 27)) validator.segment(s); // up to REF*6R (28)
    expect(seen).toEqual([]);
    validator.segment(body[27]!); // HL*3 (29)
    expect(seen).toEqual(['PCN-0001']);
  });

  it('emits a claim at the next CLM of the same subscriber', () => {
    const lines = [...A1.slice(0, 28), 'CLM*PCN-0009*10***11:B:1*Y*A*Y*Y', 'HI*ABK:J069', 'LX*1', 'SV1*HC:99213*10*UN*1***1', 'DTP*472*D8*20250110'];
    const r = validate(setText(lines));
    expect(r.claimList.map((c) => [c.id, c.chargeCents, c.lines.length])).toEqual([['PCN-0001', 15000, 2], ['PCN-0009', 1000, 1]]);
    expect(summary(r)).toEqual([]);
  });

  it('files errors with their claim (CLM01, LX01) or as context of the claims that follow', () => {
    const r = run(all(
      drop(9), // billing provider N3 missing: context of both claims
      replace(16, 'DMG*D8*19801301*M'), // first subscriber's birth date: context of claim 1 only
      replace(37, 'DMG*D8*20150231*M'), // patient's birth date: context of claim 2 only
      replace(45, 'SV1*HC:99999*1OO*UN*1***1'), // line 2 of claim 2
    ));
    expect(summary(r)).toEqual(['N3@9 2010AA 3', 'DMG@16 2010BA 8 [2:8]', 'DMG@37 2010CA 8 [2:8]', 'SV1@45 2400 8 [2:6]']);
    const [first, second] = r.claimList as [Claim, Claim];
    expect(first.errors).toEqual([]);
    expect(first.contextErrors.map((e) => `${e.segmentId}@${e.setIndex}`)).toEqual(['N3@9', 'DMG@16']);
    expect(second.contextErrors.map((e) => `${e.segmentId}@${e.setIndex}`)).toEqual(['N3@9', 'DMG@37']);
    expect(second.errors.map((e) => [e.segmentId, e.claimId, e.line])).toEqual([['SV1', 'PCN-0002', 2]]);
    expect(r.errors[0]).toMatchObject({ claimId: null, line: null });
  });

  it('puts CLM01 on errors of the CLM itself and null charges on a bad CLM02', () => {
    const r = run(replace(19, 'CLM*PCN-0001*15O.00***11:B:1*Y*A*Y*Y'));
    expect(r.errors.map((e) => [e.segmentId, e.setIndex, e.claimId, e.line])).toEqual([['CLM', 19, 'PCN-0001', null]]);
    expect(r.claimList[0]?.chargeCents).toBeNull();
  });

  it('puts LX01 on a missing line segment', () => {
    const r = run(drop(27));
    expect(r.errors.map((e) => [e.segmentId, e.setIndex, e.loopId, e.code, e.claimId, e.line])).toEqual([['DTP', 27, '2400', '3', 'PCN-0001', 2]]);
  });

  it.each<[string, number | null]>([
    ['150', 15000], ['150.5', 15050], ['150.05', 15005], ['0.99', 99], ['.5', 50], ['-1.25', -125], ['150.500', 15050],
    ['0', 0], ['-0', 0], ['12345678901234.56', 1234567890123456],
    ['15O.00', null], ['150.', null], ['', null], ['.', null], ['1.005', null], ['+1', null], ['1,000', null], ['99999999999999999', null],
  ])('parseCents(%j) = %j', (value, cents) => {
    expect(parseCents(value)).toBe(cents);
  });
});
