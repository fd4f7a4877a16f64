import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../lib/rules/index.ts';

/**
 * Parity between the rule catalogue (a public contract of ids), the rule files, the registry,
 * the table tests and the README's rule list. The catalogue lives in the team's shared docs,
 * which a fresh clone does not have: its ids are listed here, and compared with the shared
 * file whenever it is present.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SHARED_CATALOGUE = join(ROOT, '..', 'shared', 'docs', 'rule-catalogue.md');

/** SNIP 1–2: implemented by the reader, envelope and loop walker, reported in the TA1/999. */
const SNIP_IDS = ['x12/envelope', 'x12/syntax', 'x12/structure', 'x12/guide'];

/** Coding rules (SNIP 3–7): one file, one table test each. */
const RULE_IDS = [
  'claim/balance', 'claim/dx-pointer', 'claim/service-date', 'claim/npi', 'claim/frequency-code', 'claim/icd-version',
  'code/procedure', 'code/diagnosis', 'code/modifier', 'code/place-of-service',
  'pm/imaging-included', 'pm/ncci-ptp', 'pm/em-modifier-25', 'pm/add-on-primary', 'pm/prolonged-service', 'pm/bilateral',
  'pm/laterality', 'pm/telehealth', 'pm/unlisted-procedure', 'pm/mue', 'pm/tpi-one-code', 'pm/prior-auth', 'pm/frequency',
  'pm/diagnosis-support', 'pm/unspecified-diagnosis', 'pm/modifier-59-column', 'pm/region-mismatch', 'pm/session-levels',
  'pm/therapy-modifier', 'pm/diagnostic-kx', 'pm/rfa-prerequisite', 'pm/new-patient',
];

describe('rule catalogue parity', () => {
  it.skipIf(!existsSync(SHARED_CATALOGUE))('the ids listed here are exactly the shared catalogue\'s', () => {
    const text = readFileSync(SHARED_CATALOGUE, 'utf8');
    const ids = [...text.matchAll(/^\| `([a-z0-9]+\/[a-z0-9-]+)`/gm)].map((m) => m[1]);
    expect(ids.sort()).toEqual([...SNIP_IDS, ...RULE_IDS].sort());
  });

  it('registers every coding rule once, with its catalogue id', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS)('%s has a rule file, a table test and complete metadata', async (id) => {
    const mod = (await import(join(ROOT, 'lib', 'rules', `${id}.ts`))) as { rule?: { id: string } };
    expect(mod.rule?.id).toBe(id);
    expect(RULES).toContain(mod.rule);
    expect(existsSync(join(ROOT, 'test', 'rules', `${id}.test.ts`))).toBe(true);
    const rule = RULES.find((r) => r.id === id)!;
    for (const text of [rule.description, rule.howToFix, rule.source]) expect(text.trim().length).toBeGreaterThan(3);
    expect(['error', 'warning', 'info']).toContain(rule.defaultSeverity);
    expect(rule.ack.category).toMatch(/^A[3678]$/);
  });

  it.each([...SNIP_IDS, ...RULE_IDS])('%s has a line in the README rule list', (id) => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`^\\| \`${id.replace('/', '\\/')}\` \\|`, 'm'));
  });
});
