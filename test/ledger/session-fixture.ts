import type { Session } from '../../lib/ports.ts';

/**
 * A ledger session for tests: an earlier claim's session of patient P1 with Medicare unless
 * overridden. The key names another interchange and claim, so it is never the claim under test.
 */
export function session(fields: Partial<Session> & Pick<Session, 'family' | 'dos'>): Session {
  return {
    patientKey: 'P1',
    payerGroup: 'MEDICARE-FFS',
    provider: '1234567893',
    region: fields.family === 'VISIT' || fields.family === 'TPI' ? 'NA' : 'LS',
    key: `000000009#EARLIER-${fields.dos}#1`,
    side: null,
    codes: [],
    joints: [],
    ...fields,
  };
}
