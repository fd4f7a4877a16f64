import { beforeAll, describe, expect, it } from 'vitest';
import type { PayerProfileId } from '../../lib/codesets/types.ts';
import { claimKeyPrefix, payerGroupOf, sessionsOf } from '../../lib/ledger/sessions.ts';
import type { CodeTables, Session } from '../../lib/ports.ts';
import { painClaim, type ClaimSpec } from '../helpers/pain-claim.ts';
import { shippedTables } from '../helpers/rule-tester.ts';

let tables: CodeTables;
beforeAll(async () => {
  tables = await shippedTables();
});

function sessions(spec: ClaimSpec, profileId: PayerProfileId = 'medicare'): Session[] {
  return sessionsOf(painClaim(spec).view, { tables, profileId, patientKey: 'P1', claimKey: 'K1' });
}

const counted = (list: readonly Session[]) => list.filter((s) => s.family !== 'VISIT');

describe('sessionsOf', () => {
  it('makes one session per family, region and date, and one VISIT per date', () => {
    const list = sessions({ filing: 'MB', lines: [{ code: '64483', modifiers: ['50'] }, { code: '64484', modifiers: ['50'] }] });
    expect(list).toEqual([
      { patientKey: 'P1', payerGroup: 'MEDICARE-FFS', provider: '1234567893', family: 'ESI', region: 'LS', dos: '2026-11-10', key: 'K1#1', side: 'B', codes: ['64483', '64484'], joints: [] },
      { patientKey: 'P1', payerGroup: 'MEDICARE-FFS', provider: '1234567893', family: 'VISIT', region: 'NA', dos: '2026-11-10', key: 'K1#1#VISIT', side: null, codes: ['64483', '64484'], joints: [] },
    ]);
  });

  it('keys a session by the LX01 of its first line', () => {
    const list = counted(sessions({ lines: [{ code: '99213', modifiers: ['25'] }, { code: '62321' }, { code: '64493' }] }));
    expect(list.map((s) => [s.family, s.region, s.key])).toEqual([
      ['ESI', 'CT', 'K1#2'],
      ['FACET_TX', 'LS', 'K1#3'],
    ]);
  });

  it('splits lines on different dates into sessions and visits of each date', () => {
    const list = sessions({ lines: [{ code: '62323', dos: '20261101' }, { code: '62323', dos: '20261115' }] });
    expect(list.map((s) => `${s.family} ${s.dos} ${s.key}`)).toEqual([
      'ESI 2026-11-01 K1#1',
      'ESI 2026-11-15 K1#2',
      'VISIT 2026-11-01 K1#1#VISIT',
      'VISIT 2026-11-15 K1#2#VISIT',
    ]);
  });

  it('counts a facet session as diagnostic when any of its lines has KX', () => {
    expect(counted(sessions({ lines: [{ code: '64493', modifiers: ['RT', 'KX'] }, { code: '64494', modifiers: ['RT'] }] })).map((s) => s.family)).toEqual(['FACET_DX']);
    expect(counted(sessions({ lines: [{ code: '64490', modifiers: ['LT'] }] })).map((s) => [s.family, s.region, s.side])).toEqual([['FACET_TX', 'CT', 'L']]);
  });

  it('puts SI joint sessions in the SI region, diagnostic with KX, therapeutic without', () => {
    expect(counted(sessions({ lines: [{ code: '27096', modifiers: ['KX'] }] })).map((s) => [s.family, s.region])).toEqual([['SIJ_DX', 'SI']]);
    expect(counted(sessions({ lines: [{ code: '64451', modifiers: ['RT'] }] })).map((s) => [s.family, s.region])).toEqual([['SIJ_TX', 'SI']]);
  });

  it('counts trigger point injections without a region', () => {
    expect(counted(sessions({ lines: [{ code: '20552' }] })).map((s) => [s.family, s.region])).toEqual([['TPI', 'NA']]);
  });

  it('lists RFA joints as code and side, a bilateral line as both sides', () => {
    const list = counted(sessions({ lines: [{ code: '64635', modifiers: ['50'] }, { code: '64636', modifiers: ['RT'] }, { code: '64636' }] }));
    expect(list.map((s) => [s.family, s.side, s.joints])).toEqual([['RFA', 'B', ['64635#L', '64635#R', '64636#R', '64636#U']]]);
  });

  it('combines the sides of a session: LT on one line and RT on another is bilateral', () => {
    expect(counted(sessions({ lines: [{ code: '64483', modifiers: ['LT'] }, { code: '64483', modifiers: ['RT'] }] })).map((s) => s.side)).toEqual(['B']);
  });

  it('records only a VISIT for E/M, imaging, SI RFA and unknown codes', () => {
    const list = sessions({ lines: [{ code: '99213' }, { code: '64625' }, { code: '77003' }, { code: '99999' }] });
    expect(list.map((s) => [s.family, s.codes])).toEqual([['VISIT', ['99213', '64625', '77003', '99999']]]);
  });

  it('uses the payer group of the profile', () => {
    expect(sessions({ lines: [{ code: '62323' }] }, 'commercial')[0]?.payerGroup).toBe('COMM-PAYER01');
    expect(payerGroupOf('medicare', 'ANY')).toBe('MEDICARE-FFS');
  });

  it('keys sessions by the claim key and the first line, never by CLM01 in clear', () => {
    const keys = sessions({ id: 'PCN-SECRET', lines: [{ code: '62323' }] }).map((s) => s.key);
    expect(keys).toEqual(['K1#1', 'K1#1#VISIT']);
    expect(claimKeyPrefix('K1')).toBe('K1#');
  });
});
