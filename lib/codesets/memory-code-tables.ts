import type { CodeNeeds, CodeTables, Lookup } from '../ports.ts';
import type { CodeSets } from './code-set-file.ts';
import type { Day, Dated, PayerProfileId } from './types.ts';

/**
 * CodeTables over code sets held in memory (the CLI loads codesets/*.json; tests build their
 * own). Entries are indexed by code once; a lookup picks the entry in force on the date.
 */
export function createMemoryCodeTables(sets: CodeSets): CodeTables {
  const procedures = index(sets.procedures.entries, (e) => e.code);
  const diagnoses = index(sets.diagnoses.entries, (e) => e.code);
  const modifiers = index(sets.modifiers.entries, (e) => e.code);
  const places = index(sets.placesOfService.entries, (e) => e.code);
  const ptp = index(sets.ptp.entries, (e) => `${e.column1}|${e.column2}`);
  const support = index(sets.diagnosisSupport.entries, (e) => e.family);
  const priorAuth = index(sets.priorAuth.entries, (e) => `${e.profile}|${e.code}`);
  const limits = index(sets.frequencyLimits.entries, (e) => `${e.profile}|${e.family}`);
  const profiles = new Map(sets.profiles.entries.map((p) => [p.id, p]));
  return {
    prefetch: async (_needs: CodeNeeds) => undefined,
    procedure: (code, dos) => lookup(procedures.get(code), dos),
    proceduresComplete: sets.procedures.complete,
    diagnosis: (code, dos) => lookup(diagnoses.get(code), dos),
    // The shipped subset is never complete; a loaded CMS order file makes its fiscal year complete.
    diagnosesComplete: (dos) => sets.diagnoses.complete && (sets.diagnoses.completePeriod === undefined || covers({ effectiveFrom: sets.diagnoses.completePeriod.from, effectiveTo: sets.diagnoses.completePeriod.to, source: '' }, dos)),
    modifier: (code, dos) => lookup(modifiers.get(code), dos),
    modifiersComplete: sets.modifiers.complete,
    placeOfService: (code, dos) => lookup(places.get(code), dos),
    ptp: (column1, column2, dos) => inForce(ptp.get(`${column1}|${column2}`), dos),
    diagnosisSupport: (family, dos) => inForce(support.get(family), dos),
    priorAuth: (profile, code, dos) => (priorAuth.get(`${profile}|${code}`) ?? []).filter((e) => covers(e, dos)),
    frequencyLimit: (profile, family, dos) => inForce(limits.get(`${profile}|${family}`), dos),
    profile: (id: PayerProfileId) => {
      const p = profiles.get(id);
      if (p === undefined) throw new Error(`payer profile "${id}" is not in payer-profiles.json`);
      return p;
    },
  };
}

function index<T>(entries: readonly T[], key: (e: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const e of entries) {
    const k = key(e);
    const list = map.get(k);
    if (list === undefined) map.set(k, [e]);
    else list.push(e);
  }
  return map;
}

export function covers(e: Dated, dos: Day): boolean {
  return e.effectiveFrom <= dos && (e.effectiveTo === null || dos <= e.effectiveTo);
}

function inForce<T extends Dated>(entries: readonly T[] | undefined, dos: Day): T | null {
  return entries?.find((e) => covers(e, dos)) ?? null;
}

function lookup<T extends Dated>(entries: readonly T[] | undefined, dos: Day): Lookup<T> {
  if (entries === undefined || entries.length === 0) return { status: 'unknown' };
  const active = inForce(entries, dos);
  if (active !== null) return { status: 'active', entry: active };
  // The nearest entry in time explains the inactivity (deleted on …, effective from …).
  const nearest = [...entries].sort((a, b) => distance(a, dos) - distance(b, dos))[0]!;
  return { status: 'inactive', entry: nearest };
}

function distance(e: Dated, dos: Day): number {
  if (dos < e.effectiveFrom) return Date.parse(e.effectiveFrom) - Date.parse(dos);
  return e.effectiveTo === null ? 0 : Date.parse(dos) - Date.parse(e.effectiveTo);
}
