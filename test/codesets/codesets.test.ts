import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../lib/adapters/fs-codesets.ts';
import type { CodeSetFile, CodeSets } from '../../lib/codesets/code-set-file.ts';
import { createMemoryCodeTables } from '../../lib/codesets/memory-code-tables.ts';
import type { Dated, DiagnosisEntry, ModifierEntry, PlaceOfServiceEntry, ProcedureEntry } from '../../lib/codesets/types.ts';
import type { CodeTables } from '../../lib/ports.ts';

/** The shipped files this suite owns (codesets/README.md), with each entry's exact key set. */
const FILES = {
  procedures: ['code', 'description', 'family', 'region', 'addOnOf', 'imagingIncluded', 'guidance', 'bilateralIndicator', 'sided', 'pcTc', 'globalDays', 'mue', 'telehealth', 'unlisted'],
  diagnoses: ['code', 'description', 'billable', 'region', 'unspecified'],
  modifiers: ['code', 'description', 'kind'],
  placesOfService: ['code', 'description', 'telehealth', 'facility'],
} as const;
const DATED = ['effectiveFrom', 'effectiveTo', 'source'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const CODE_FORMAT: Record<keyof typeof FILES, RegExp> = {
  // CPT (5 digits), Category III (4 digits + T) or HCPCS Level II (letter + 4 digits).
  procedures: /^(\d{5}|\d{4}[A-Z]|[A-Z]\d{4})$/,
  diagnoses: /^[A-Z][0-9][0-9A-Z]{1,5}$/,
  modifiers: /^[0-9A-Z]{2}$/,
  placesOfService: /^\d{2}$/,
};

const FAMILIES = ['EM', 'PROLONGED', 'ESI', 'FACET', 'RFA', 'SIJ', 'SIJ_RFA', 'TPI', 'JOINT', 'NERVE', 'SYMP', 'SCS', 'PUMP', 'IMAGING', 'PT', 'PSYCH', 'DRUG', 'OTHER'];
const MODIFIER_KINDS = ['side', 'bilateral', 'distinct', 'em', 'pc-tc', 'telehealth', 'therapy', 'drug', 'coverage', 'other'];

let sets: CodeSets;
let tables: CodeTables;
beforeAll(async () => {
  sets = await loadCodeSets();
  tables = createMemoryCodeTables(sets);
});

function file(key: keyof typeof FILES): CodeSetFile<Dated & { readonly code: string }> {
  return sets[key] as CodeSetFile<Dated & { readonly code: string }>;
}

describe.each(Object.keys(FILES) as (keyof typeof FILES)[])('codesets %s', (key) => {
  it('has a provenance header and entries with exactly the fields of their type', () => {
    const f = file(key);
    expect(f).toMatchObject({ id: expect.any(String), title: expect.any(String), source: expect.any(String), version: expect.any(String), complete: expect.any(Boolean) });
    expect(f.retrieved).toMatch(DAY);
    expect(f.entries.length).toBeGreaterThan(0);
    for (const e of f.entries) expect(Object.keys(e).sort(), e.code).toEqual([...FILES[key], ...DATED].sort());
  });

  it('writes codes in their format, with dates, an end on or after the start, and a source', () => {
    for (const e of file(key).entries) {
      expect(e.code).toMatch(CODE_FORMAT[key]);
      expect(e.effectiveFrom, e.code).toMatch(DAY);
      if (e.effectiveTo !== null) {
        expect(e.effectiveTo, e.code).toMatch(DAY);
        expect(e.effectiveTo >= e.effectiveFrom, e.code).toBe(true);
      }
      expect(e.source.trim(), e.code).not.toBe('');
    }
  });

  it('sorts entries by code then effectiveFrom, and one code never has overlapping dates', () => {
    const entries = file(key).entries;
    entries.slice(1).forEach((e, i) => {
      const prev = entries[i]!;
      expect(prev.code < e.code || (prev.code === e.code && prev.effectiveFrom < e.effectiveFrom), `${prev.code} before ${e.code}`).toBe(true);
      if (prev.code === e.code) expect(prev.effectiveTo !== null && prev.effectiveTo < e.effectiveFrom, `${e.code} ranges overlap`).toBe(true);
    });
  });
});

describe('codesets procedures', () => {
  const entries = (): readonly ProcedureEntry[] => sets.procedures.entries;

  it('uses known families, bilateral indicators, global days and MUE adjudication indicators', () => {
    for (const e of entries()) {
      expect(FAMILIES, e.code).toContain(e.family);
      expect([null, 'CT', 'LS'], e.code).toContain(e.region);
      expect([null, '0', '1', '2', '3', '9'], e.code).toContain(e.bilateralIndicator);
      expect([null, '000', '010', '090', 'XXX', 'ZZZ', 'YYY'], e.code).toContain(e.globalDays);
      if (e.mue !== null) {
        expect(e.mue.units, e.code).toBeGreaterThan(0);
        expect([1, 2, 3], e.code).toContain(e.mue.mai);
      }
      expect(e.description.trim(), e.code).not.toBe('');
    }
  });

  it('names only primaries that are themselves in the table, and add-ons have a ZZZ global when known', () => {
    const codes = new Set(entries().map((e) => e.code));
    for (const e of entries()) {
      for (const primary of e.addOnOf) expect(codes.has(primary), `${e.code} → ${primary}`).toBe(true);
      if (e.addOnOf.length > 0 && e.globalDays !== null) expect(e.globalDays, e.code).toBe('ZZZ');
    }
  });

  it('keeps guidance, PC/TC and telehealth where the brief puts them', () => {
    for (const e of entries()) {
      expect(e.guidance, e.code).toBe(e.family === 'IMAGING');
      expect(e.pcTc, e.code).toBe(e.guidance);
      // Injections and procedures are never telehealth-eligible (C8).
      if (['ESI', 'FACET', 'RFA', 'SIJ', 'SIJ_RFA', 'TPI', 'JOINT', 'NERVE', 'SYMP', 'IMAGING'].includes(e.family)) expect(e.telehealth, e.code).toBe(false);
    }
  });

  it('holds the brief’s facts for ESI, facet and guidance codes', () => {
    const on = (code: string, dos = '2026-11-10'): ProcedureEntry => {
      const found = tables.procedure(code, dos);
      if (found.status !== 'active') throw new Error(`${code} is ${found.status} on ${dos}`);
      return found.entry;
    };
    expect(on('64483')).toMatchObject({ family: 'ESI', region: 'LS', imagingIncluded: true, mue: { units: 1, mai: 2 }, bilateralIndicator: '1', sided: true, globalDays: '000' });
    expect(on('64484')).toMatchObject({ addOnOf: ['64483'], mue: { units: 4, mai: 3 }, globalDays: 'ZZZ' });
    expect(on('62323')).toMatchObject({ family: 'ESI', region: 'LS', bilateralIndicator: '0', sided: false, mue: { units: 1, mai: 3 } });
    expect(on('62321')).toMatchObject({ region: 'CT', imagingIncluded: true });
    expect(on('62320')).toMatchObject({ imagingIncluded: false });
    expect(on('77003')).toMatchObject({ family: 'IMAGING', guidance: true, pcTc: true, imagingIncluded: false });
    expect(on('76942')).toMatchObject({ guidance: true, mue: { units: 1, mai: 3 } });
    expect(on('64492')).toMatchObject({ family: 'FACET', region: 'CT', addOnOf: ['64491'] });
    expect(on('64636')).toMatchObject({ family: 'RFA', addOnOf: ['64635'] });
    expect(on('20611')).toMatchObject({ family: 'JOINT', imagingIncluded: true, mue: { units: 2, mai: 3 } });
    expect(on('64999')).toMatchObject({ unlisted: true });
    expect(on('99214')).toMatchObject({ family: 'EM', telehealth: true, globalDays: 'XXX' });
    expect(on('99417')).toMatchObject({ family: 'PROLONGED', addOnOf: expect.arrayContaining(['99205', '99215']) });
  });

  it('keeps deleted codes with their end date and new codes with their start', () => {
    expect(tables.procedure('64410', '2019-12-31').status).toBe('active');
    expect(tables.procedure('64410', '2020-01-01')).toMatchObject({ status: 'inactive', entry: { effectiveTo: '2019-12-31' } });
    expect(tables.procedure('0775T', '2023-12-31').status).toBe('active');
    expect(tables.procedure('0775T', '2024-01-01')).toMatchObject({ status: 'inactive', entry: { effectiveTo: '2023-12-31' } });
    expect(tables.procedure('27278', '2023-12-31').status).toBe('inactive');
    expect(tables.procedure('27278', '2024-01-01').status).toBe('active');
    expect(tables.procedure('99201', '2021-01-01').status).toBe('inactive');
    expect(tables.procedure('G2212', '2020-12-31').status).toBe('inactive');
    expect(tables.procedure('64625', '2020-01-01')).toMatchObject({ status: 'active', entry: { family: 'SIJ_RFA' } });
  });

  it('switches 64415’s imaging-included flag at the CPT 2023 revision (C17)', () => {
    expect(tables.procedure('64415', '2022-12-31')).toMatchObject({ status: 'active', entry: { imagingIncluded: false } });
    expect(tables.procedure('64415', '2023-01-01')).toMatchObject({ status: 'active', entry: { imagingIncluded: true } });
  });
});

describe('codesets diagnoses', () => {
  it('is a subset (an unknown code is not invalid) with known regions', () => {
    expect(sets.diagnoses.complete).toBe(false);
    for (const e of sets.diagnoses.entries as readonly DiagnosisEntry[]) {
      expect([null, 'CT', 'LS'], e.code).toContain(e.region);
      if (e.unspecified) expect(e.billable, e.code).toBe(true);
    }
  });

  it('dates the header changes of M48.06, M54.5, M51.36/M51.37 and M79.1', () => {
    const billable = (code: string, dos: string): boolean | null => {
      const found = tables.diagnosis(code, dos);
      return found.status === 'active' ? found.entry.billable : null;
    };
    expect(billable('M4806', '2017-01-01')).toBe(true);
    expect(billable('M4806', '2026-01-01')).toBe(false);
    expect(billable('M48061', '2017-09-30')).toBeNull();
    expect(billable('M48062', '2017-10-01')).toBe(true);
    expect(billable('M545', '2021-09-30')).toBe(true);
    expect(billable('M545', '2021-10-01')).toBe(false);
    expect(billable('M5450', '2021-10-01')).toBe(true);
    expect(billable('M5136', '2024-09-30')).toBe(true);
    expect(billable('M5137', '2024-10-01')).toBe(false);
    expect(billable('M51369', '2024-10-01')).toBe(true);
    expect(billable('M51A5', '2026-04-01')).toBe(true);
    expect(billable('M797', '2026-04-01')).toBe(true);
    expect(billable('G9051', '2026-04-01')).toBe(false);
    expect(billable('G90511', '2026-04-01')).toBe(true);
  });

  it('gives spinal regions and unspecified flags the rules read', () => {
    const entry = (code: string): DiagnosisEntry => {
      const found = tables.diagnosis(code, '2026-11-10');
      if (found.status !== 'active') throw new Error(`${code} is ${found.status}`);
      return found.entry;
    };
    expect(entry('M5412').region).toBe('CT');
    expect(entry('M542').region).toBe('CT');
    expect(entry('M47812').region).toBe('CT');
    expect(entry('M5416').region).toBe('LS');
    expect(entry('M4726').region).toBe('LS');
    expect(entry('M48061').region).toBe('LS');
    expect(entry('G8929')).toMatchObject({ region: null, unspecified: false });
    expect(entry('R52').unspecified).toBe(true);
    expect(entry('M549').unspecified).toBe(true);
    expect(entry('M5450').unspecified).toBe(true);
  });
});

describe('codesets modifiers and places of service', () => {
  it('gives every modifier of pain-coding-rules §3 a known kind', () => {
    for (const e of sets.modifiers.entries as readonly ModifierEntry[]) expect(MODIFIER_KINDS, e.code).toContain(e.kind);
    const kind = (code: string): string | null => {
      const found = tables.modifier(code, '2026-11-10');
      return found.status === 'active' ? found.entry.kind : null;
    };
    const expected: Record<string, string> = {
      50: 'bilateral', LT: 'side', RT: 'side', 59: 'distinct', XE: 'distinct', XS: 'distinct', XP: 'distinct', XU: 'distinct',
      25: 'em', 57: 'em', 51: 'other', 52: 'other', 53: 'other', 76: 'other', 77: 'other', AS: 'other', GC: 'other',
      TC: 'pc-tc', 26: 'pc-tc', 95: 'telehealth', 93: 'telehealth', GT: 'telehealth', KX: 'coverage', GA: 'coverage',
      GZ: 'coverage', JW: 'drug', JZ: 'drug', GP: 'therapy', GO: 'therapy', GN: 'therapy', F1: 'side', TA: 'side',
    };
    for (const [code, k] of Object.entries(expected)) expect(kind(code), code).toBe(k);
    expect(tables.modifier('JZ', '2022-12-31').status).toBe('inactive');
  });

  it('marks telehealth POS 02/10 and facility settings', () => {
    const pos = (code: string): PlaceOfServiceEntry => {
      const found = tables.placeOfService(code, '2026-11-10');
      if (found.status !== 'active') throw new Error(`POS ${code} is ${found.status}`);
      return found.entry;
    };
    expect(pos('02')).toMatchObject({ telehealth: true });
    expect(pos('10')).toMatchObject({ telehealth: true, facility: false });
    expect(pos('11')).toMatchObject({ telehealth: false, facility: false });
    for (const code of ['19', '21', '22', '23', '24', '31']) expect(pos(code).facility, code).toBe(true);
    expect(tables.placeOfService('10', '2021-12-31').status).toBe('inactive');
    expect(tables.placeOfService('30', '2026-11-10').status).toBe('unknown');
  });
});
