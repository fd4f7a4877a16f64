/**
 * Synthetic 837P (005010X222A1) interchanges of any size, for benchmarks and volume tests.
 *
 * One ISA/GS holding as many ST sets as needed (the TR3 recommends at most 5000 claims per ST),
 * each with 2000A billing providers, 2000B subscribers, some 2000C dependants and 1–4 line
 * claims drawn from interventional pain templates. Output is written in chunks as it is made,
 * so a 50 MB file never sits in memory, and the same seed always gives the same bytes (a
 * seeded PRNG and a fixed interchange date: no Math.random, no clock).
 */

import { mulberry32 } from './mulberry32.ts';

export interface SyntheticOptions {
  /** Approximate size: generation stops at the first subscriber boundary at or past it. */
  readonly targetBytes: number;
  readonly seed?: number;
  /** Claims per ST/SE set before a new set starts (TR3 recommendation: ≤ 5000). */
  readonly claimsPerSet?: number;
  /** A newline after each segment terminator (easier to read; real files often have none). */
  readonly newlines?: boolean;
}

export interface SyntheticStats {
  readonly bytes: number;
  readonly sets: number;
  readonly claims: number;
  readonly lines: number;
  readonly segments: number;
  readonly isa13: string;
}

/** Receives the file in order; a returned promise is awaited before more is written. */
export type ChunkWriter = (chunk: string) => void | Promise<void>;

/** Enough to amortise a stream write; small enough that the buffer never matters. */
const CHUNK_CHARS = 64 * 1024;
/** The interchange is dated after every generated date of service (DOS ≤ 2026-11-20). */
const INTERCHANGE_DATE = '20261125';
/** A validation "today" for generated files, so date rules judge them the same on any day. */
export const SYNTHETIC_AS_OF = `${INTERCHANGE_DATE.slice(0, 4)}-${INTERCHANGE_DATE.slice(4, 6)}-${INTERCHANGE_DATE.slice(6)}`;
const INTERCHANGE_TIME = '1200';

export async function generate837p(options: SyntheticOptions, write: ChunkWriter): Promise<SyntheticStats> {
  const claimsPerSet = options.claimsPerSet ?? 5000;
  if (!Number.isInteger(claimsPerSet) || claimsPerSet < 1) throw new RangeError(`claimsPerSet must be a positive integer, not ${claimsPerSet}`);
  if (!(options.targetBytes > 0)) throw new RangeError(`targetBytes must be positive, not ${options.targetBytes}`);
  const r = rng(options.seed ?? 1);
  const out = new SegmentWriter(write, options.newlines === true ? '~\n' : '~');
  const practices = Array.from({ length: 6 }, (_, i) => makePractice(r, i));
  const isa13 = String(1 + r.int(999_999_999)).padStart(9, '0');

  out.seg('ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SYNTHSUBMIT01  ', 'ZZ', 'SYNTHRECV01    ', INTERCHANGE_DATE.slice(2), INTERCHANGE_TIME, '^', '00501', isa13, '0', 'T', ':');
  out.seg('GS', 'HC', 'SYNTHSUBMIT01', 'SYNTHRECV01', INTERCHANGE_DATE, INTERCHANGE_TIME, '1', 'X', '005010X222A1');

  let sets = 0;
  let claims = 0;
  let lines = 0;
  let set: { st02: string; firstSegment: number; claims: number; hl: number; billingHl: number } | null = null;
  let practice = practices[0]!;
  const closeSet = (): void => {
    if (set === null) return;
    // SE01 counts ST through SE inclusive: the segments so far since ST, plus SE itself.
    out.seg('SE', String(out.segments - set.firstSegment + 2), set.st02);
    set = null;
  };

  while (claims === 0 || out.bytes < options.targetBytes) {
    const claimCount = Math.min(claimsPerSet, r.chance(0.7) ? 1 : r.chance(0.67) ? 2 : 3);
    if (set !== null && set.claims + claimCount > claimsPerSet) closeSet();
    if (set === null) {
      sets++;
      set = { st02: String(sets).padStart(4, '0'), firstSegment: out.segments + 1, claims: 0, hl: 0, billingHl: 0 };
      out.seg('ST', '837', set.st02, '005010X222A1');
      out.seg('BHT', '0019', '00', `SYN${isa13}${set.st02}`, INTERCHANGE_DATE, INTERCHANGE_TIME, 'CH');
      out.seg('NM1', '41', '2', 'SYNTHETIC BILLING SERVICE', '', '', '', '', '46', 'SYNTHSUBMIT01');
      out.seg('PER', 'IC', 'EDI DESK', 'TE', '3125550100');
      out.seg('NM1', '40', '2', 'SYNTHETIC CLEARINGHOUSE', '', '', '', '', '46', 'SYNTHRECV01');
    }
    // A new billing provider at each set start and now and then within a set: files from a
    // billing service mix practices, and the 2000A loop must be exercised many times.
    if (set.billingHl === 0 || r.chance(0.004)) {
      practice = r.pick(practices);
      set.billingHl = ++set.hl;
      writeBillingProvider(out, practice, set.billingHl);
    }
    const subscriber = makeSubscriber(r, practice);
    const subscriberHl = ++set.hl;
    const patientHl = subscriber.dependant === null ? null : ++set.hl;
    writeSubscriber(out, subscriber, subscriberHl, set.billingHl, patientHl);
    for (const dos of distinctDates(r, claimCount)) {
      lines += writeClaim(out, r, practice, subscriber, dos, ++claims);
    }
    set.claims += claimCount;
    await out.flushIfFull();
  }
  closeSet();
  out.seg('GE', String(sets), '1');
  out.seg('IEA', '1', isa13);
  await out.flush();
  return { bytes: out.bytes, sets, claims, lines, segments: out.segments, isa13 };
}

class SegmentWriter {
  bytes = 0;
  segments = 0;
  private buf = '';
  constructor(
    private readonly write: ChunkWriter,
    private readonly terminator: string,
  ) {}

  seg(...elements: string[]): void {
    const text = elements.join('*') + this.terminator;
    this.buf += text;
    this.bytes += text.length;
    this.segments++;
  }

  async flushIfFull(): Promise<void> {
    if (this.buf.length >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buf === '') return;
    const chunk = this.buf;
    this.buf = '';
    await this.write(chunk);
  }
}

// --- the data --------------------------------------------------------------------------------

interface Rng {
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** Deterministic for a seed, so a benchmark file is the same on every machine. */
function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

const LAST = ['ABERNATHY', 'BALDWIN', 'CARDENAS', 'DUVALL', 'ELLINGTON', 'FAIRBANKS', 'GALLOWAY', 'HOLLOWAY', 'IVERSEN', 'JARAMILLO', 'KOWALCZYK', 'LINDGREN', 'MAHONEY', 'NAKASHIMA', 'OKONKWO', 'PEMBERTON', 'QUINTANA', 'ROSENTHAL', 'SALTONSTALL', 'TREMBLAY', 'UNDERHILL', 'VANTERPOOL', 'WHITCOMB', 'YAMAMOTO', 'ZELINSKI'];
const FIRST = ['ADA', 'BRUNO', 'CELESTE', 'DORIAN', 'EUGENIA', 'FLETCHER', 'GWENDOLYN', 'HORACE', 'IMOGEN', 'JASPER', 'KATRINA', 'LEANDER', 'MARISOL', 'NORBERT', 'OPHELIA', 'PERCIVAL', 'ROSALIND', 'SILAS', 'THEA', 'ULYSSES', 'VIOLETTA', 'WINSTON'];
const STREETS = ['ASPEN', 'BIRCHWOOD', 'CEDAR RIDGE', 'DOGWOOD', 'ELM', 'FOXGLOVE', 'GRANITE', 'HAWTHORN', 'IRONWOOD', 'JUNIPER', 'LARKSPUR', 'MAPLE GROVE'];
const SUFFIXES = ['STREET', 'AVENUE', 'DRIVE', 'LANE', 'COURT', 'WAY'];
/** Cities outside the 2026 WISeR prior-authorisation states, so ESI claims need no REF*G1 rule there. */
const CITIES = [
  { city: 'SALT LAKE CITY', state: 'UT', zip: '84102' },
  { city: 'BOISE', state: 'ID', zip: '83702' },
  { city: 'MADISON', state: 'WI', zip: '53703' },
  { city: 'RICHMOND', state: 'VA', zip: '23219' },
  { city: 'OMAHA', state: 'NE', zip: '68102' },
  { city: 'LOUISVILLE', state: 'KY', zip: '40202' },
] as const;
const PRACTICE_NAMES = ['SUMMIT SPINE AND PAIN', 'LAKESHORE INTERVENTIONAL PAIN', 'BLUE RIDGE PAIN MEDICINE', 'PRAIRIE SPINE CENTER', 'RIVERBEND PAIN ASSOCIATES', 'GRANITE PEAK PAIN INSTITUTE'];
const PAYERS = [
  { name: 'MEDICARE PART B', id: 'MCRB01', filing: 'MB' },
  { name: 'GRANITE MUTUAL HEALTH', id: 'GMH01', filing: 'CI' },
  { name: 'BLUE MERIDIAN PLAN', id: 'BMP22', filing: 'BL' },
  { name: 'HARBOR HEALTH HMO', id: 'HHMO7', filing: 'HM' },
] as const;
type Payer = (typeof PAYERS)[number];

interface Place { readonly city: string; readonly state: string; readonly zip5: string }
interface Person { readonly last: string; readonly first: string; readonly street: string; readonly zip9: string; readonly dob: string; readonly sex: 'F' | 'M' }
interface Practice extends Place {
  readonly name: string;
  readonly npi: string;
  readonly ein: string;
  readonly street: string;
  readonly zip9: string;
  readonly asc: { readonly name: string; readonly npi: string };
  readonly renderers: readonly { readonly last: string; readonly first: string; readonly npi: string }[];
}
interface Subscriber {
  readonly person: Person;
  readonly memberId: string;
  readonly payer: Payer;
  readonly group: string;
  readonly place: Place;
  readonly dependant: { readonly person: Person; readonly relationship: '01' | '19' } | null;
}

const digits = (r: Rng, n: number): string => Array.from({ length: n }, () => String(r.int(10))).join('');

/** An NPI with a valid check digit (Luhn over "80840" + the first nine digits, brief §3.3). */
function npi(r: Rng): string {
  const body = `1${digits(r, 8)}`;
  const full = `80840${body}`;
  let sum = 0;
  for (let i = 0; i < full.length; i++) {
    let d = full.charCodeAt(full.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';

/** Medicare Beneficiary Identifier shape: letters exclude S, L, O, I, B and Z. */
function mbi(r: Rng): string {
  const letter = (): string => MBI_LETTERS[r.int(MBI_LETTERS.length)]!;
  const alnum = (): string => (r.chance(0.5) ? letter() : String(r.int(10)));
  const d = (): string => String(r.int(10));
  return `${1 + r.int(9)}${letter()}${alnum()}${d()}${letter()}${alnum()}${d()}${letter()}${letter()}${d()}${d()}`;
}

function makePractice(r: Rng, i: number): Practice {
  const place = CITIES[i % CITIES.length]!;
  return {
    name: `${PRACTICE_NAMES[i % PRACTICE_NAMES.length]!} PLLC`,
    npi: npi(r),
    ein: `${1 + r.int(9)}${digits(r, 8)}`,
    street: `${100 + r.int(9900)} ${r.pick(STREETS)} ${r.pick(SUFFIXES)}`,
    city: place.city,
    state: place.state,
    zip5: place.zip,
    zip9: place.zip + digits(r, 4),
    asc: { name: `${place.city} AMBULATORY SURGERY CENTER`, npi: npi(r) },
    renderers: Array.from({ length: 2 + r.int(3) }, () => ({ last: r.pick(LAST), first: r.pick(FIRST), npi: npi(r) })),
  };
}

/** Patients live near the practice (its city and ZIP5), born in [fromYear, fromYear + years). */
function makePerson(r: Rng, near: Place, fromYear: number, years: number): Person {
  return { last: r.pick(LAST), first: r.pick(FIRST), street: `${1 + r.int(9999)} ${r.pick(STREETS)} ${r.pick(SUFFIXES)}`, zip9: near.zip5 + digits(r, 4), dob: dateFrom(Date.UTC(fromYear, 0, 1), r.int(years * 365)), sex: r.chance(0.5) ? 'F' : 'M' };
}

function makeSubscriber(r: Rng, near: Place): Subscriber {
  const payer = r.pick(PAYERS);
  const medicare = payer.filing === 'MB';
  const person = medicare ? makePerson(r, near, 1938, 22) : makePerson(r, near, 1955, 45);
  // Medicare has no dependants: its beneficiary is always the subscriber (SBR02 = 18). A
  // dependant shares the subscriber's surname and address.
  const family = (p: Person): Person => ({ ...p, last: person.last, street: person.street, zip9: person.zip9 });
  const dependant = medicare || !r.chance(0.25) ? null : r.chance(0.6)
    ? { person: family(makePerson(r, near, 1955, 45)), relationship: '01' as const }
    : { person: family(makePerson(r, near, 2001, 4)), relationship: '19' as const };
  return { person, memberId: medicare ? mbi(r) : `${payer.id.slice(0, 3)}${digits(r, 9)}`, payer, group: `G${digits(r, 6)}`, place: near, dependant };
}

// --- the loops --------------------------------------------------------------------------------

function writeBillingProvider(out: SegmentWriter, p: Practice, hl: number): void {
  out.seg('HL', String(hl), '', '20', '1');
  out.seg('PRV', 'BI', 'PXC', '208VP0014X');
  out.seg('NM1', '85', '2', p.name, '', '', '', '', 'XX', p.npi);
  out.seg('N3', p.street);
  out.seg('N4', p.city, p.state, p.zip9);
  out.seg('REF', 'EI', p.ein);
}

function writeSubscriber(out: SegmentWriter, s: Subscriber, hl: number, parent: number, patientHl: number | null): void {
  const self = s.dependant === null;
  out.seg('HL', String(hl), String(parent), '22', self ? '0' : '1');
  // SBR02 is 18 only when the subscriber is the patient; Medicare sends no group number.
  out.seg('SBR', 'P', self ? '18' : '', s.payer.filing === 'MB' ? '' : s.group, '', '', '', '', '', s.payer.filing);
  writePerson(out, 'IL', s.person, self, s.memberId, s.place);
  out.seg('NM1', 'PR', '2', s.payer.name, '', '', '', '', 'PI', s.payer.id);
  if (s.dependant !== null && patientHl !== null) {
    out.seg('HL', String(patientHl), String(hl), '23', '0');
    out.seg('PAT', s.dependant.relationship);
    writePerson(out, 'QC', s.dependant.person, true, null, s.place);
  }
}

function writePerson(out: SegmentWriter, entity: 'IL' | 'QC', p: Person, isPatient: boolean, memberId: string | null, place: Place): void {
  out.seg('NM1', entity, '1', p.last, p.first, ...(memberId === null ? [] : ['', '', '', 'MI', memberId]));
  // Address and DMG are required for the patient (2010BA when self, 2010CA always).
  if (!isPatient) return;
  out.seg('N3', p.street);
  out.seg('N4', place.city, place.state, p.zip9);
  out.seg('DMG', 'D8', p.dob, p.sex);
}

interface Line { readonly proc: readonly string[]; readonly cents: number; readonly pointers: string }
interface Draft { readonly dx: readonly string[]; readonly lines: readonly Line[]; readonly procedure: boolean }

function writeClaim(out: SegmentWriter, r: Rng, p: Practice, s: Subscriber, dos: string, n: number): number {
  const medicare = s.payer.filing === 'MB';
  const draft = r.pick(TEMPLATES)(r, medicare);
  const hasEm = draft.lines.some((l) => l.proc[0]!.startsWith('992'));
  const asc = draft.procedure && !hasEm && r.chance(0.2);
  const total = draft.lines.reduce((sum, l) => sum + l.cents, 0);
  const clm01 = `SYN${String(n).padStart(9, '0')}`;
  out.seg('CLM', clm01, amount(total), '', '', `${asc ? '24' : '11'}:B:1`, 'Y', 'A', 'Y', 'Y');
  // Commercial plans' radiology-benefit programs pre-authorise spinal injections and RFA.
  if (draft.procedure && !medicare) out.seg('REF', 'G1', `PA${digits(r, 10)}`);
  out.seg('HI', ...draft.dx.map((code, i) => `${i === 0 ? 'ABK' : 'ABF'}:${code}`));
  const doctor = r.pick(p.renderers);
  out.seg('NM1', '82', '1', doctor.last, doctor.first, '', '', '', 'XX', doctor.npi);
  out.seg('PRV', 'PE', 'PXC', '208VP0014X');
  if (asc) {
    out.seg('NM1', '77', '2', p.asc.name, '', '', '', '', 'XX', p.asc.npi);
    out.seg('N3', `${1 + r.int(900)} MEDICAL PARK DRIVE`);
    out.seg('N4', p.city, p.state, `${p.zip5}${String(1000 + r.int(9000))}`);
  }
  draft.lines.forEach((line, i) => {
    out.seg('LX', String(i + 1));
    out.seg('SV1', ['HC', ...line.proc].join(':'), amount(line.cents), 'UN', '1', '', '', line.pointers);
    out.seg('DTP', '472', 'D8', dos);
    out.seg('REF', '6R', `${clm01}-${i + 1}`);
  });
  return draft.lines.length;
}

/** X12 R: no trailing zeros after the point, no point for whole amounts. */
function amount(cents: number): string {
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  if (frac === 0) return String(whole);
  return frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${String(frac).padStart(2, '0')}`;
}

/** A charge near a typical fee, to the cent. */
const fee = (r: Rng, dollars: number): number => Math.round(dollars * 100 * (0.9 + r.int(2001) / 10000));

const side = (r: Rng): string => r.pick(['RT', 'LT']);
const em = (r: Rng, code: string, pointers: string): Line => ({ proc: [code, '25'], cents: fee(r, code === '99214' ? 210 : 145), pointers });

/**
 * Claim templates: common interventional pain sessions, coded as the domain brief says (no
 * 77003 with imaging-inclusive codes, 50 or RT/LT for lateral procedures, 25 on a same-day
 * E/M, KX on Medicare diagnostic medial branch blocks, diagnoses that support the family).
 */
const TEMPLATES: readonly ((r: Rng, medicare: boolean) => Draft)[] = [
  (r) => {
    const s = r.pick(['RT', 'LT', '50']);
    const lines: Line[] = [{ proc: ['64483', s], cents: fee(r, 1150), pointers: '1:2' }];
    if (r.chance(0.5)) lines.push({ proc: ['64484', s], cents: fee(r, 480), pointers: '1:2' });
    if (r.chance(0.3)) lines.unshift(em(r, '99214', '1:2'));
    return { dx: [r.pick(['M5416', 'M5417', 'M5116', 'M4726']), 'G8929'], lines, procedure: true };
  },
  (r) => ({ dx: [r.pick(['M48062', 'M5416', 'M5116'])], lines: [{ proc: ['62323'], cents: fee(r, 980), pointers: '1' }], procedure: true }),
  (r, medicare) => {
    const mods = medicare ? ['50', 'KX'] : ['50'];
    const lines: Line[] = [{ proc: ['64493', ...mods], cents: fee(r, 890), pointers: '1:2' }];
    if (r.chance(0.7)) lines.push({ proc: ['64494', ...mods], cents: fee(r, 410), pointers: '1:2' });
    return { dx: ['M47816', 'G8929'], lines, procedure: true };
  },
  (r) => {
    const s = r.pick(['RT', 'LT', '50']);
    const lines: Line[] = [{ proc: ['64635', s], cents: fee(r, 1680), pointers: '1' }];
    if (r.chance(0.8)) lines.push({ proc: ['64636', s], cents: fee(r, 760), pointers: '1' });
    return { dx: ['M47816'], lines, procedure: true };
  },
  (r) => {
    const lines: Line[] = [{ proc: ['27096', r.pick(['RT', 'LT', '50'])], cents: fee(r, 760), pointers: '1' }];
    if (r.chance(0.3)) lines.unshift(em(r, '99214', '1:2'));
    return { dx: [r.pick(['M461', 'M533']), 'G8929'], lines, procedure: true };
  },
  (r) => {
    const lines: Line[] = [r.chance(0.7) ? { proc: ['20552'], cents: fee(r, 265), pointers: '1:2' } : { proc: ['20553'], cents: fee(r, 310), pointers: '1:2' }];
    if (r.chance(0.4)) lines.unshift(em(r, '99213', '1:2'));
    return { dx: ['M7918', 'M62830'], lines, procedure: true };
  },
  (r) => {
    const s = side(r);
    const lines: Line[] = [{ proc: ['64454', s], cents: fee(r, 640), pointers: '1' }];
    if (r.chance(0.5)) lines.unshift(em(r, '99213', '1:2'));
    return { dx: [s === 'RT' ? 'M1711' : 'M1712', 'G8929'], lines, procedure: true };
  },
  (r) => {
    const s = side(r);
    return { dx: ['M47812', 'M542'], lines: [{ proc: ['64490', s], cents: fee(r, 820), pointers: '1:2' }, { proc: ['64491', s], cents: fee(r, 420), pointers: '1:2' }], procedure: true };
  },
  (r) => {
    const code = r.pick(['99213', '99214']);
    return { dx: [r.pick(['G894', 'M5416', 'M47816']), 'G8929'], lines: [{ proc: [code], cents: fee(r, code === '99214' ? 210 : 145), pointers: '1:2' }], procedure: false };
  },
  (r) => {
    // The four-line session: E/M, a two-level TFESI and trigger points in another region.
    const s = side(r);
    return {
      dx: ['M5416', 'M62830', 'G8929'],
      lines: [em(r, '99214', '1:3'), { proc: ['64483', s], cents: fee(r, 1150), pointers: '1' }, { proc: ['64484', s], cents: fee(r, 480), pointers: '1' }, { proc: ['20552'], cents: fee(r, 265), pointers: '2' }],
      procedure: true,
    };
  },
];

/** Dates of service from 2026-01-05 to 2026-11-20 (before the interchange date), ascending. */
function distinctDates(r: Rng, n: number): string[] {
  const days = new Set<number>();
  while (days.size < n) days.add(r.int(320));
  return [...days].sort((a, b) => a - b).map((d) => dateFrom(Date.UTC(2026, 0, 5), d));
}

function dateFrom(startMs: number, days: number): string {
  return new Date(startMs + days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}
