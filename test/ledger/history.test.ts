import { beforeAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../../lib/ledger/history.ts';
import { createMemoryFrequencyLedger, type MemoryFrequencyLedger } from '../../lib/ledger/memory-frequency-ledger.ts';
import type { CodeTables, PatientKeyer } from '../../lib/ports.ts';
import { rule as frequency } from '../../lib/rules/pm/frequency.ts';
import { painClaim, type ClaimSpec } from '../helpers/pain-claim.ts';
import { shippedTables } from '../helpers/rule-tester.ts';
import { session } from './session-fixture.ts';

/** A readable stand-in for the HMAC keyer (test/adapters/patient-keyer.test.ts tests that one). */
const keyer: PatientKeyer = (payerId, memberId, birthDate) => `K(${payerId}|${memberId}|${birthDate})`;
const P = 'K(PAYER01|MEM123456|1960-01-01)';
const medicareEsi: ClaimSpec = { filing: 'MB', lines: [{ code: '62323' }] };

let tables: CodeTables;
beforeAll(async () => {
  tables = await shippedTables();
});

function load(ledger: MemoryFrequencyLedger, spec: ClaimSpec, isa13 = '000000001') {
  return loadHistory(painClaim(spec).view, { ledger, tables, profileId: 'medicare', keyer, isa13 });
}

describe('loadHistory', () => {
  it('has no history without a member id or birth date', async () => {
    const ledger = createMemoryFrequencyLedger([session({ family: 'ESI', dos: '2026-06-01', patientKey: P })]);
    for (const spec of [{ ...medicareEsi, memberId: '', allowSnipErrors: true }, { ...medicareEsi, birthDate: '19601301', allowSnipErrors: true }]) {
      const history = await load(ledger, spec);
      expect(history.known).toBe(false);
      expect(history.current).toEqual([]);
      expect(history.sessions('ESI', 'LS', '2000-01-01', '2100-01-01')).toEqual([]);
    }
  });

  it('returns the patient\'s earlier sessions of the claim\'s families and regions, in this payer group', async () => {
    const mine = session({ family: 'ESI', dos: '2026-06-01', patientKey: P, key: 'a' });
    const ledger = createMemoryFrequencyLedger([
      mine,
      { ...mine, patientKey: 'someone else', key: 'b' },
      { ...mine, payerGroup: 'COMM-PAYER01', key: 'c' },
      { ...mine, region: 'CT', key: 'd' },
      { ...mine, dos: '2023-11-09', key: 'e' },
    ]);
    const history = await load(ledger, medicareEsi);
    expect(history.known).toBe(true);
    expect(history.current.map((s) => s.family)).toEqual(['ESI', 'VISIT']);
    expect(history.current[0]?.patientKey).toBe(P);
    expect(history.sessions('ESI', 'LS', '2020-01-01', '2026-12-31')).toEqual([mine]);
    // Only what the claim's sessions need is fetched: no ESI was billed in CT on this claim.
    expect(history.sessions('ESI', 'CT', '2020-01-01', '2026-12-31')).toEqual([]);
  });

  it('fetches diagnostic facet blocks of the region for an RFA (pm/rfa-prerequisite)', async () => {
    const block = session({ family: 'FACET_DX', dos: '2026-08-01', patientKey: P, key: 'a' });
    const history = await load(createMemoryFrequencyLedger([block]), { filing: 'MB', lines: [{ code: '64635', modifiers: ['50'] }] });
    expect(history.sessions('FACET_DX', 'LS', '2025-11-10', '2026-11-09')).toEqual([block]);
  });

  it('returns VISITs with the billing provider over three years', async () => {
    const visit = session({ family: 'VISIT', dos: '2023-11-10', patientKey: P, key: 'a' });
    const ledger = createMemoryFrequencyLedger([visit, { ...visit, provider: '1999999992', key: 'b' }, { ...visit, dos: '2023-11-09', key: 'c' }]);
    const history = await load(ledger, { lines: [{ code: '99203' }] });
    expect(history.visits('2000-01-01', '2100-01-01')).toEqual([visit]);
  });

  it('never counts a claim against itself: its own sessions, and any of the same claim id in the same interchange, are left out', async () => {
    const ledger = createMemoryFrequencyLedger();
    const first = await load(ledger, medicareEsi);
    await ledger.record(first.current);
    const ownPrefix = first.current[0]!.key.replace(/#1$/, '#');
    await ledger.record([{ ...first.current[0]!, key: `${ownPrefix}7`, dos: '2026-11-01' }]);
    const again = await load(ledger, medicareEsi);
    expect(again.sessions('ESI', 'LS', '2020-01-01', '2026-12-31')).toEqual([]);
    expect(again.visits('2020-01-01', '2026-12-31')).toEqual([]);
    // The same claim in another interchange is another submission: it is history.
    const other = await load(ledger, medicareEsi, '000000002');
    expect(other.sessions('ESI', 'LS', '2020-01-01', '2026-12-31').map((s) => s.key)).toEqual([`${ownPrefix}7`, `${ownPrefix}1`]);
    // The claim key comes from the keyer (a keyed hash in production), never CLM01 in clear.
    expect(ownPrefix).toBe('K(CLAIM|000000001|PCN-0001)#');
  });
});

describe('the ledger across a batch (as the engine runs it: load, check, record when accepted)', () => {
  const esiOn = (i: number, dos: string): ClaimSpec => ({ ...medicareEsi, id: `PCN-${i}`, dos });
  const batch = [esiOn(1, '20260105'), esiOn(2, '20260305'), esiOn(3, '20260505'), esiOn(4, '20260805'), esiOn(5, '20261110')];

  async function run(ledger: MemoryFrequencyLedger, isa13: string): Promise<string[]> {
    const messages: string[] = [];
    for (const spec of batch) {
      const view = painClaim(spec).view;
      const history = await loadHistory(view, { ledger, tables, profileId: 'medicare', keyer, isa13 });
      const findings = frequency.check(view, { tables, profile: tables.profile('medicare'), asOf: '2026-12-01', history });
      messages.push(...findings.map((f) => `${view.id}: ${f.message}`));
      if (findings.length === 0) await ledger.record(history.current);
    }
    return messages;
  }

  it('rejects the 5th lumbar ESI in 365 days, and a re-run of the same batch changes no count', async () => {
    const ledger = createMemoryFrequencyLedger();
    const expected = ['PCN-5: 5th lumbar ESI session in 365 days (limit 4 for Medicare): earlier sessions on 2026-01-05, 2026-03-05, 2026-05-05, 2026-08-05'];
    expect(await run(ledger, '000000001')).toEqual(expected);
    const recorded = ledger.recorded.length;
    expect(recorded).toBe(8); // four ESI sessions and four VISITs
    expect(await run(ledger, '000000001')).toEqual(expected);
    expect(ledger.recorded).toHaveLength(recorded);
  });
});
