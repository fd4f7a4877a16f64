/**
 * Small 837P claims for rule table tests: describe the lines, diagnoses and payer; get back the
 * ClaimView the rules read (built by the real tokenizer, 837P validator and claim view), plus the
 * 837P text. A claim must be SNIP 1–2 clean unless `allowSnipErrors` is set, so a rule test
 * never passes because of a syntax problem.
 */
import type { Claim } from '../../lib/model/claim.ts';
import { viewClaim, type ClaimView } from '../../lib/model/claim-view.ts';
import { validate } from './x12-snippet.ts';

export interface LineSpec {
  readonly code: string;
  readonly modifiers?: readonly string[];
  /** Dollars; default 100. */
  readonly charge?: number;
  readonly units?: number;
  /** SV103; default UN. */
  readonly unitType?: string;
  /** SV107 pointers; default [1]. */
  readonly pointers?: readonly (number | string)[];
  /** CCYYMMDD; default the claim's `dos`. */
  readonly dos?: string;
  /** SV105 */
  readonly pos?: string;
  /** SV101-7 (unlisted procedure description). */
  readonly description?: string;
  /** 2400 REF segments that come before REF*6R in the TR3 order (REF*9B, 9D, G1 …), e.g. "REF*G1*PA123". */
  readonly refs?: readonly string[];
  /** Extra 2400 segments after REF*6R (later REFs, AMT, NTE, 2410/2420 loops …). */
  readonly extra?: readonly string[];
}

export interface ClaimSpec {
  readonly id?: string;
  /** SBR09 claim filing indicator; default CI (commercial). */
  readonly filing?: string;
  /** 2010BB NM109 payer id. */
  readonly payerId?: string;
  readonly memberId?: string;
  /** Subscriber (patient) birth date CCYYMMDD. */
  readonly birthDate?: string;
  /** CLM05-1; default 11. */
  readonly pos?: string;
  /** CLM05-3; default 1. */
  readonly frequency?: string;
  /** ICD-10-CM codes without decimal point; the first is ABK, the rest ABF. Default M5416. */
  readonly dx?: readonly string[];
  /** Raw HI segment(s) instead of `dx`, e.g. "HI*BK:7245". */
  readonly hi?: readonly string[];
  /** Default date of service for lines, CCYYMMDD; default 20261110. */
  readonly dos?: string;
  readonly lines: readonly LineSpec[];
  /** Extra 2300 segments after CLM/HI rules allow (REF*G1, REF*F8 …), in TR3 order. */
  readonly claimRefs?: readonly string[];
  /** Billing provider NPI (2010AA). */
  readonly billingNpi?: string;
  /** Billing provider state (2010AA N402). */
  readonly state?: string;
  readonly allowSnipErrors?: boolean;
}

export interface BuiltClaim {
  readonly view: ClaimView;
  readonly claim: Claim;
  readonly text: string;
}

export function claimText(spec: ClaimSpec): string {
  const dos = spec.dos ?? '20261110';
  const dx = spec.hi ?? [`HI*${(spec.dx ?? ['M5416']).map((c, i) => `${i === 0 ? 'ABK' : 'ABF'}:${c}`).join('*')}`];
  const total = spec.lines.reduce((sum, l) => sum + Math.round((l.charge ?? 100) * 100), 0);
  const body: string[] = [
    'ST*837*0001*005010X222A1',
    'BHT*0019*00*BATCH0001*20261201*1030*CH',
    'NM1*41*2*ACME BILLING SERVICE*****46*SUBMITTER01',
    'PER*IC*JANE DOE*TE*5555550100',
    'NM1*40*2*EXAMPLE HEALTH PLAN*****46*RECEIVER01',
    'HL*1**20*1',
    `NM1*85*2*SPINE AND PAIN CENTER*****XX*${spec.billingNpi ?? '1234567893'}`,
    'N3*100 MAIN STREET',
    `N4*SPRINGFIELD*${spec.state ?? 'IL'}*627011234`,
    'REF*EI*123456789',
    'HL*2*1*22*0',
    `SBR*P*18*GRP1001******${spec.filing ?? 'CI'}`,
    `NM1*IL*1*DOE*JOHN****MI*${spec.memberId ?? 'MEM123456'}`,
    'N3*200 OAK AVENUE',
    'N4*SPRINGFIELD*IL*627025555',
    `DMG*D8*${spec.birthDate ?? '19600101'}*M`,
    `NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*${spec.payerId ?? 'PAYER01'}`,
    `CLM*${spec.id ?? 'PCN-0001'}*${cents(total)}***${spec.pos ?? '11'}:B:${spec.frequency ?? '1'}*Y*A*Y*Y`,
    ...(spec.claimRefs ?? []),
    ...dx,
  ];
  spec.lines.forEach((l, i) => {
    const composite = ['HC', l.code, ...padModifiers(l.modifiers ?? [], l.description)].join(':').replace(/:+$/, '');
    const pointers = (l.pointers ?? [1]).join(':');
    body.push(
      `LX*${i + 1}`,
      `SV1*${composite}*${cents(Math.round((l.charge ?? 100) * 100))}*${l.unitType ?? 'UN'}*${l.units ?? 1}*${l.pos ?? ''}**${pointers}`,
      `DTP*472*D8*${l.dos ?? dos}`,
      ...(l.refs ?? []),
      `REF*6R*L${i + 1}`,
      ...(l.extra ?? []),
    );
  });
  return `${body.join('~\n')}~\nSE*${body.length + 1}*0001~\n`;
}

/** Builds one claim; throws (a test bug) when it is not SNIP-clean and that was not allowed. */
export function painClaim(spec: ClaimSpec): BuiltClaim {
  const text = claimText(spec);
  const run = validate(text);
  if (spec.allowSnipErrors !== true && run.errors.length > 0) {
    throw new Error(`test claim is not SNIP 1–2 clean:\n${run.errors.map((e) => `${e.segmentId}@${e.setIndex} ${e.code} ${e.message}`).join('\n')}\n${text}`);
  }
  const claim = run.claimList[0];
  if (claim === undefined) throw new Error('test claim produced no claim');
  return { view: viewClaim(claim), claim, text };
}

function padModifiers(modifiers: readonly string[], description: string | undefined): string[] {
  if (description === undefined) return [...modifiers];
  return [...modifiers, '', '', '', ''].slice(0, 4).concat(description);
}

function cents(total: number): string {
  const whole = Math.floor(total / 100);
  const rest = total % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
