import { describe, expect, it } from 'vitest';
import { createMemoryFrequencyLedger } from '../../lib/ledger/memory-frequency-ledger.ts';
import { session } from './session-fixture.ts';

const query = { patientKey: 'P1', payerGroup: 'MEDICARE-FFS', family: 'ESI', region: 'LS', from: '2026-01-01', to: '2026-12-31' } as const;

describe('createMemoryFrequencyLedger', () => {
  it('records a session once: the same key again is left as it is', async () => {
    const ledger = createMemoryFrequencyLedger();
    const s = session({ family: 'ESI', dos: '2026-03-01', key: '1#A#1' });
    await ledger.record([s]);
    await ledger.record([s, { ...s, codes: ['changed'] }]);
    expect(await ledger.sessions(query)).toEqual([s]);
    expect(ledger.recorded).toHaveLength(1);
  });

  it('keeps the same key of another patient or payer group apart (as DynamoDB partitions do)', async () => {
    const s = session({ family: 'ESI', dos: '2026-03-01', key: '1#A#1' });
    const ledger = createMemoryFrequencyLedger([s, { ...s, patientKey: 'P2' }, { ...s, payerGroup: 'COMM-X' }]);
    expect(ledger.recorded).toHaveLength(3);
    expect(await ledger.sessions(query)).toEqual([s]);
  });

  it('answers one patient, payer group, family and region, from ≤ dos ≤ to, in date order', async () => {
    const ledger = createMemoryFrequencyLedger([
      session({ family: 'ESI', dos: '2026-12-31', key: 'a' }),
      session({ family: 'ESI', dos: '2025-12-31', key: 'b' }),
      session({ family: 'ESI', dos: '2026-01-01', key: 'c' }),
      session({ family: 'ESI', dos: '2026-06-01', region: 'CT', key: 'd' }),
      session({ family: 'FACET_DX', dos: '2026-06-01', key: 'e' }),
      session({ family: 'ESI', dos: '2026-06-01', patientKey: 'P2', key: 'f' }),
    ]);
    expect((await ledger.sessions(query)).map((s) => s.key)).toEqual(['c', 'a']);
  });

  it('answers VISITs of one patient with one provider', async () => {
    const ledger = createMemoryFrequencyLedger([
      session({ family: 'VISIT', dos: '2026-02-01', key: 'a' }),
      session({ family: 'VISIT', dos: '2026-03-01', provider: '1999999992', key: 'b' }),
      session({ family: 'ESI', dos: '2026-04-01', key: 'c' }),
    ]);
    expect((await ledger.visits('P1', '1234567893', '2026-01-01', '2026-12-31')).map((s) => s.key)).toEqual(['a']);
    expect(await ledger.visits('P1', '1234567893', '2026-02-02', '2026-12-31')).toEqual([]);
  });
});
