import type { Day, FrequencyFamily, PayerProfileId, ProcedureFamily } from '../codesets/types.ts';
import type { ClaimView, ServiceLineView } from '../model/claim-view.ts';
import type { CodeTables, Session } from '../ports.ts';
import { lineSide } from '../rules/support/line-side.ts';

/**
 * The sessions a claim records in the frequency ledger when it is accepted
 * (pain-coding-rules §6: a session is everything of one family on one date of service, counted
 * per spinal region; §6.1 for the key design).
 */

export interface SessionOptions {
  readonly tables: CodeTables;
  readonly profileId: PayerProfileId;
  /** The patient's keyed hash (PatientKeyer). */
  readonly patientKey: string;
  /**
   * A keyed hash of the claim's interchange (ISA13) and CLM01: the ledger must not hold CLM01,
   * a patient account number, in clear. Every session key of the claim starts with it.
   */
  readonly claimKey: string;
}

/**
 * §6.1: Traditional Medicare counts the beneficiary's whole history in one group; any other
 * payer keeps its own (Medicare Advantage plans are commercial here: the profile says so).
 */
export function payerGroupOf(profileId: PayerProfileId, payerId: string): string {
  return profileId === 'medicare' ? 'MEDICARE-FFS' : `COMM-${payerId}`;
}

/**
 * "<claim key>#": every session key of one claim in one interchange starts with it, so the
 * history can leave out the claim's own sessions (a re-run never counts a claim against itself).
 * The claim key is a fixed-length hex hash, so one claim's prefix is never another's.
 */
export function claimKeyPrefix(claimKey: string): string {
  return `${claimKey}#`;
}

/** Procedure families the ledger counts; the rest (E/M, imaging, SI RFA …) only make VISITs. */
type CountedFamily = 'ESI' | 'FACET' | 'RFA' | 'SIJ' | 'TPI';
const COUNTED: ReadonlySet<ProcedureFamily> = new Set<CountedFamily>(['ESI', 'FACET', 'RFA', 'SIJ', 'TPI']);

function isCounted(family: ProcedureFamily): family is CountedFamily {
  return COUNTED.has(family);
}

/** Lines of one date (a VISIT), or of one family and region on one date (a counted session). */
interface LineGroup {
  readonly dos: Day;
  /** LX01 of the group's first line (its position when LX01 is not a number). */
  readonly firstLine: number;
  readonly lines: ServiceLineView[];
}

interface CountedGroup extends LineGroup {
  readonly family: CountedFamily;
  readonly region: Session['region'];
}

export function sessionsOf(view: ClaimView, options: SessionOptions): Session[] {
  const groups = new Map<string, CountedGroup>();
  const visits = new Map<Day, LineGroup>();
  view.lines.forEach((line, index) => {
    if (line.dos === null) return;
    const dos = line.dos.from;
    const firstLine = line.lx ?? index + 1;
    add(visits, dos, { dos, firstLine, lines: [] }, line);
    const lookup = options.tables.procedure(line.code, dos);
    // A deleted code (inactive on the date) still says what was done; an unknown one does not.
    if (lookup.status === 'unknown' || !isCounted(lookup.entry.family)) return;
    const family = lookup.entry.family;
    // The LCDs count SI joint sessions in their own "region"; TPI has none (§6).
    const region = family === 'SIJ' ? 'SI' : family === 'TPI' ? 'NA' : (lookup.entry.region ?? 'NA');
    add(groups, `${family}|${region}|${dos}`, { family, region, dos, firstLine, lines: [] }, line);
  });
  const prefix = claimKeyPrefix(options.claimKey);
  const base = { patientKey: options.patientKey, payerGroup: payerGroupOf(options.profileId, view.payerId), provider: view.billingNpi };
  const counted = [...groups.values()].map((g): Session => ({
    ...base,
    family: frequencyFamily(g),
    region: g.region,
    dos: g.dos,
    key: `${prefix}${g.firstLine}`,
    side: sessionSide(g.lines),
    codes: distinct(g.lines.map((l) => l.code)),
    joints: g.family === 'RFA' ? distinct(g.lines.flatMap(joints)) : [],
  }));
  const visitSessions = [...visits.values()].map((g): Session => ({
    ...base,
    family: 'VISIT',
    region: 'NA',
    dos: g.dos,
    // A VISIT starts at the same line as a counted session of that date: the suffix keeps keys unique.
    key: `${prefix}${g.firstLine}#VISIT`,
    side: null,
    codes: distinct(g.lines.map((l) => l.code)),
    joints: [],
  }));
  return [...counted, ...visitSessions];
}

function add<G extends LineGroup>(map: Map<string, G>, key: string, fresh: G, line: ServiceLineView): void {
  const group = map.get(key) ?? fresh;
  map.set(key, group);
  group.lines.push(line);
}

/**
 * KX is the LCD articles' flag for a diagnostic block (pain-coding-rules §3, §6). A session is
 * diagnostic when any of its lines carries KX: coders often put it on the primary code only.
 * The SI joint LCDs split diagnostic and therapeutic sessions too, and KX is the only signal an
 * 837P can carry for it; an SI session without KX counts as therapeutic, the larger limit, so a
 * claim that says nothing is never rejected against the stricter diagnostic count.
 */
function frequencyFamily(group: CountedGroup): FrequencyFamily {
  const diagnostic = group.lines.some((l) => l.modifiers.includes('KX'));
  if (group.family === 'FACET') return diagnostic ? 'FACET_DX' : 'FACET_TX';
  if (group.family === 'SIJ') return diagnostic ? 'SIJ_DX' : 'SIJ_TX';
  return group.family;
}

/** Medicare counts a same-day bilateral procedure as one session: side is an attribute (§6.1). */
function sessionSide(lines: readonly ServiceLineView[]): Session['side'] {
  const sides = new Set(lines.map(lineSide).filter((s) => s !== null));
  if (sides.has('B') || (sides.has('L') && sides.has('R'))) return 'B';
  return sides.has('L') ? 'L' : sides.has('R') ? 'R' : null;
}

/**
 * §6.1 wants the RFA repeat checked per joint (level + side), but the 837P carries no spinal
 * level: the closest the claim says is the code (64635 first L/S joint, 64636 each additional)
 * and the side. So a joint is "<code>#<side>" (L, R; a bilateral line ablates both; U when no
 * side is given). Two ablations at different levels billed with the same code and side look
 * like the same joint: the repeat check can over-report, never miss a repeat of the same code.
 */
function joints(line: ServiceLineView): string[] {
  const side = lineSide(line);
  if (side === 'B') return [`${line.code}#L`, `${line.code}#R`];
  return [`${line.code}#${side ?? 'U'}`];
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

