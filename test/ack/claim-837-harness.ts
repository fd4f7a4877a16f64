/**
 * Shared by the corrected and rejected 837P writer tests: claim outcomes from painClaim or from
 * a whole inbound file, a writer run over them, re-validation of the output, golden files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ClaimOutcome, ClaimStreamWriter, SetEnd } from '../../lib/rules/claim-outcome.ts';
import { snipReport, validateStream, type FileValidation } from '../../lib/validate-stream.ts';
import { DEFAULT_DELIMITERS } from '../../lib/x12/delimiters.ts';
import type { BuiltClaim } from '../helpers/pain-claim.ts';
import { context, A2_GS, A2_ISA } from './fixtures.ts';

export type StreamEvent = ClaimOutcome | SetEnd;

/** A fixed clock (2026-12-02 09:15Z) and control numbers 9001 / 9001 / 1 for golden files. */
export const goldenContext = (): ReturnType<typeof context> => context('2026-12-02T09:15:00Z', 9001, 9001, 1);

/**
 * A painClaim as the engine hands it on: its SNIP 1–2 verdict, no rule findings (these writers
 * do not read them), no fixes unless given. Its envelope is constructed (painClaim's snippet
 * wraps the set in a fixed ISA/GS of the same shape as brief Appendix A.2's).
 */
export function outcomeOf(built: BuiltClaim, over: Partial<ClaimOutcome> = {}): ClaimOutcome {
  const report = snipReport(built.claim);
  return {
    view: built.view,
    envelope: { isa: A2_ISA, gs: A2_GS, delimiters: DEFAULT_DELIMITERS },
    status: report.status,
    snipErrors: [...built.claim.contextErrors, ...built.claim.errors],
    findings: [],
    report,
    inCorrected: report.status === 'accepted',
    fixes: [],
    ...over,
  };
}

const isOutcome = (e: StreamEvent): e is ClaimOutcome => 'view' in e;

/** Runs a writer over the events in order and returns the whole output. */
export function written(writer: ClaimStreamWriter, events: readonly StreamEvent[]): string {
  let text = '';
  for (const e of events) text += isOutcome(e) ? writer.claim(e) : writer.setEnd(e);
  return text + writer.end();
}

/** The claim outcomes and set ends that validateStream (SNIP 1–2, no engine) gives for a file. */
export async function streamEvents(text: string): Promise<{ readonly events: StreamEvent[]; readonly validation: FileValidation }> {
  const events: StreamEvent[] = [];
  const push = (e: StreamEvent): void => {
    events.push(e);
  };
  const validation = await validateStream(bytes(text), { claim: push, setEnd: push });
  return { events, validation };
}

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'latin1');
}

export function outcomes(events: readonly StreamEvent[]): ClaimOutcome[] {
  return events.filter(isOutcome);
}

/** Our output read back by our own validator: a clean envelope, no SNIP 1–2 error, every claim accepted. */
export async function expectRevalidates(text: string): Promise<ClaimOutcome[]> {
  const { events, validation } = await streamEvents(text);
  const claims = outcomes(events);
  expect(validation.envelopeFindings).toEqual([]);
  expect(claims.flatMap((c) => c.snipErrors)).toEqual([]);
  expect(claims.map((c) => `${c.view.id} ${c.status}`)).toEqual(claims.map((c) => `${c.view.id} accepted`));
  expect(validation.accepted).toBe(true);
  return claims;
}

const GOLDEN_DIR = new URL('../golden/837/', import.meta.url);

/** Compares with test/golden/837/<name>; `UPDATE_GOLDEN=1 npx vitest run test/ack` rewrites (review the diff). */
export function expectGolden837(name: string, actual: string): void {
  const file = new URL(name, GOLDEN_DIR);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual, 'latin1');
  }
  expect(actual).toBe(readFileSync(file, 'latin1'));
}

/** The text of `text` from the first `from` up to (not including) the next `to`: a claim's segments as written. */
export function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  expect(start, `${from} in the text`).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf(to, start));
}

/**
 * An inbound file written for these tests (invented practices and patients; NPIs pass the check
 * digit), in `*` `:` `^` `~`:
 * - set 0001, billing provider SPINE AND PAIN CENTER: PCN-0001 (subscriber is the patient;
 *   malformed: SV107 pointer "A", so rejected), then PCN-0002 and PCN-0003 for a dependent
 *   patient (2000B HL04 1, 2000C);
 * - billing provider VALLEY PAIN ASSOCIATES: PCN-0004 malformed (CLM02 "15O.00", line 1 without
 *   DTP*472, so rejected) and PCN-0005 clean, for the same subscriber;
 * - set 0002: PCN-0006 (SPINE AND PAIN CENTER again, HL numbers restart).
 */
export function twoProvidersFile(): string {
  const header = [
    'BHT*0019*00*BATCH0777*20261201*1030*CH',
    'NM1*41*2*ACME BILLING SERVICE*****46*SUBMITTER01',
    'PER*IC*JANE DOE*TE*5555550100',
    'NM1*40*2*EXAMPLE HEALTH PLAN*****46*RECEIVER01',
  ];
  const spine = ['NM1*85*2*SPINE AND PAIN CENTER*****XX*1234567893', 'N3*100 MAIN STREET', 'N4*SPRINGFIELD*IL*627011234', 'REF*EI*123456789'];
  const doe = ['SBR*P*18*GRP1001******CI', 'NM1*IL*1*DOE*JOHN****MI*MEM123456', 'N3*200 OAK AVENUE', 'N4*SPRINGFIELD*IL*627025555', 'DMG*D8*19600101*M', 'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*PAYER01'];
  const line = (lx: number, sv1: string, ref: string): string[] => [`LX*${lx}`, sv1, 'DTP*472*D8*20261110', `REF*6R*${ref}`];
  const set1 = [
    ...header,
    'HL*1**20*1', ...spine,
    'HL*2*1*22*0', ...doe,
    'CLM*PCN-0001*850***11:B:1*Y*A*Y*Y', 'HI*ABK:M5416', ...line(1, 'SV1*HC:64483:RT*850*UN*1***A', 'L1-1'),
    'HL*3*1*22*1', 'SBR*P********CI', 'NM1*IL*1*ROE*MARY****MI*MEM777888', 'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*PAYER01',
    'HL*4*3*23*0', 'PAT*01', 'NM1*QC*1*ROE*RICHARD', 'N3*300 ELM STREET', 'N4*SPRINGFIELD*IL*627031111', 'DMG*D8*19580505*M',
    'CLM*PCN-0002*1100.5***11:B:1*Y*A*Y*Y', 'HI*ABK:M47816',
    ...line(1, 'SV1*HC:64493:LT*900*UN*1***1', 'L2-1'), ...line(2, 'SV1*HC:64494:LT*200.5*UN*1***1', 'L2-2'),
    'CLM*PCN-0003*420***11:B:1*Y*A*Y*Y', 'HI*ABK:M47816', ...line(1, 'SV1*HC:20552*420*UN*1***1', 'L3-1'),
    'HL*5**20*1', 'NM1*85*2*VALLEY PAIN ASSOCIATES*****XX*1987654328', 'N3*9 RIVER ROAD', 'N4*PEORIA*IL*616021234', 'REF*EI*987654321',
    'HL*6*5*22*0', 'SBR*P*18*GRP2002******MB', 'NM1*IL*1*SMITH*ANNA****MI*MEM555111', 'N3*12 PINE COURT', 'N4*PEORIA*IL*616035555', 'DMG*D8*19450303*F',
    'NM1*PR*2*MEDICARE PART B*****PI*MEDICARE01',
    'CLM*PCN-0004*15O.00***11:B:1*Y*A*Y*Y', 'HI*ABK:M5416', 'LX*1', 'SV1*HC:62323*1000*UN*1***1', 'REF*6R*L4-1', ...line(2, 'SV1*HC:77003*50*UN*1***1', 'L4-2'),
    'CLM*PCN-0005*760***11:B:1*Y*A*Y*Y', 'HI*ABK:M5416', ...line(1, 'SV1*HC:64483:LT*760*UN*1***1', 'L5-1'),
  ];
  const set2 = [...header, 'HL*1**20*1', ...spine, 'HL*2*1*22*0', ...doe, 'CLM*PCN-0006*300***11:B:1*Y*A*Y*Y', 'HI*ABK:M5416', ...line(1, 'SV1*HC:20553*300*UN*1***1', 'L6-1')];
  const sets = [set1, set2].flatMap((body, i) => {
    const st02 = `000${i + 1}`;
    return [`ST*837*${st02}*005010X222A1`, ...body, `SE*${body.length + 2}*${st02}`];
  });
  return [
    'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *261201*1030*^*00501*000000777*1*T*:',
    'GS*HC*SUBMITTER01*RECEIVER01*20261201*1030*777*X*005010X222A1',
    ...sets,
    'GE*2*777',
    'IEA*1*000000777',
  ].map((s) => `${s}~\n`).join('');
}

/** The same file in other delimiters: `|` elements, `>` components, `!` segments (no data uses them). */
export function inPipes(text: string): string {
  return text.replaceAll('*', '|').replaceAll(':', '>').replaceAll('~', '!');
}
