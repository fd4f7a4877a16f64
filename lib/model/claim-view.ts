import type { Day } from '../codesets/types.ts';
import { isDate } from '../x12/dates.ts';
import { componentAt, elementAt } from '../x12/segment.ts';
import type { Claim, LoopedSegment } from './claim.ts';
import { parseCents } from '../x12/amount.ts';

/**
 * A claim as the coding rules read it: typed values pulled out of the raw segments once, each
 * still pointing at the segment it came from (findings need positions). Values are as sent,
 * upper-cased where X12 codes are case-insensitive in practice; nothing is corrected here.
 */

export interface DiagnosisView {
  /** HI position 1–12 (what SV107 pointers refer to). */
  readonly pointer: number;
  /** ABK/ABF (ICD-10), BK/BF (ICD-9), or what was sent. */
  readonly qualifier: string;
  /** The code as sent, without a decimal point (M48061). */
  readonly code: string;
  readonly segment: LoopedSegment;
  /** Element position of this composite in its HI segment (1–12). */
  readonly element: number;
}

export interface ServiceLineView {
  /** LX01, or null when it is not a number. */
  readonly lx: number | null;
  /** SV101-1 (HC for CPT/HCPCS). */
  readonly qualifier: string;
  /** SV101-2 */
  readonly code: string;
  /** SV101-3..6, non-empty, upper-cased. */
  readonly modifiers: readonly string[];
  /** SV101-7 */
  readonly description: string;
  readonly chargeCents: number | null;
  /** SV103 (UN units, MJ minutes). */
  readonly unitType: string;
  /** SV104 as a number, or null. */
  readonly units: number | null;
  /** SV105, or the claim's CLM05-1 when absent. */
  readonly placeOfService: string;
  /** SV107 components as sent; `pointers` holds those that are whole numbers. */
  readonly pointerText: readonly string[];
  readonly pointers: readonly number[];
  /** DTP*472 as days; null when missing or not a date. `to` equals `from` for D8. */
  readonly dos: { readonly from: Day; readonly to: Day } | null;
  /** REF*G1 prior authorisation numbers on the line. */
  readonly priorAuth: readonly string[];
  /** REF*6R line item control number. */
  readonly controlNumber: string | null;
  readonly sv1: LoopedSegment;
  readonly dtp472: LoopedSegment | null;
  readonly segments: readonly LoopedSegment[];
}

export interface ProviderId {
  /** NM101 entity code (85 billing, 82 rendering, DN referring, 77 facility, DQ, DK …). */
  readonly entity: string;
  /** NM109 when NM108 is XX. */
  readonly npi: string;
  readonly segment: LoopedSegment;
}

export interface ClaimView {
  readonly claim: Claim;
  readonly id: string;
  readonly chargeCents: number | null;
  readonly clm: LoopedSegment;
  /** CLM05-1 */
  readonly placeOfService: string;
  /** CLM05-3 */
  readonly frequencyCode: string;
  readonly diagnoses: readonly DiagnosisView[];
  readonly lines: readonly ServiceLineView[];
  /** 2300 REF*G1 */
  readonly priorAuth: readonly string[];
  /** 2300 REF*F8 */
  readonly originalClaimNumber: string | null;
  /** SBR09 of the 2000B subscriber. */
  readonly filingIndicator: string;
  /** 2010BB NM109 */
  readonly payerId: string;
  /** 2010BA NM109 */
  readonly memberId: string;
  /** The patient's birth date: 2010CA DMG02 when there is a patient loop, else 2010BA DMG02. */
  readonly birthDate: Day | null;
  /** 2010AA NPI. */
  readonly billingNpi: string;
  /** State of service: 2310C N402, else 2010AA N402. */
  readonly state: string;
  /** Every NM1 with NM108 XX in the claim's provider loops (2010AA, 2310x, 2420x, 2330x). */
  readonly npis: readonly ProviderId[];
  /** Dates of service of all lines (sorted, distinct). */
  readonly datesOfService: readonly Day[];
}

const upper = (s: string): string => s.toUpperCase();

export function viewClaim(claim: Claim): ClaimView {
  const clm = claim.segments.find((s) => s.id === 'CLM')!;
  const placeOfService = componentAt(clm, 5, 1);
  const hi = claim.segments.filter((s) => s.id === 'HI' && s.loopId === '2300');
  const diagnoses = diagnosisViews(hi);
  // A 2400 without SV1 is a SNIP 1–2 error already; the rules have nothing to read in it.
  const lines = claim.lines.flatMap((line) => (line.segments.some((s) => s.id === 'SV1') ? [lineView(line.lx, line.segments, placeOfService)] : []));
  const subscriber = claim.subscriber;
  const ref = (q: string): LoopedSegment[] => claim.segments.filter((s) => s.id === 'REF' && s.loopId === '2300' && elementAt(s, 1) === q);
  const nm1 = (segs: readonly LoopedSegment[], entity: string): LoopedSegment | undefined => segs.find((s) => s.id === 'NM1' && elementAt(s, 1) === entity);
  const dmg = (segs: readonly LoopedSegment[] | null): Day | null => {
    const seg = segs?.find((s) => s.id === 'DMG');
    return seg === undefined ? null : day(elementAt(seg, 2));
  };
  const facilityN4 = claim.segments.find((s) => s.id === 'N4' && s.loopId === '2310C');
  const billingN4 = claim.billingProvider.find((s) => s.id === 'N4' && s.loopId === '2010AA');
  const npis: ProviderId[] = [];
  for (const s of [...claim.billingProvider, ...claim.segments, ...claim.lines.flatMap((l) => l.segments)]) {
    if (s.id === 'NM1' && elementAt(s, 8) === 'XX') npis.push({ entity: elementAt(s, 1), npi: elementAt(s, 9), segment: s });
  }
  return {
    claim,
    id: claim.id,
    chargeCents: claim.chargeCents,
    clm,
    placeOfService,
    frequencyCode: componentAt(clm, 5, 3),
    diagnoses,
    lines,
    priorAuth: ref('G1').map((s) => elementAt(s, 2)),
    originalClaimNumber: ref('F8').map((s) => elementAt(s, 2))[0] ?? null,
    filingIndicator: elementAt(subscriber.find((s) => s.id === 'SBR') ?? clm, 9),
    payerId: elementAt(nm1(subscriber, 'PR') ?? clm, 9),
    memberId: elementAt(nm1(subscriber, 'IL') ?? clm, 9),
    birthDate: dmg(claim.patient) ?? dmg(subscriber),
    billingNpi: elementAt(nm1(claim.billingProvider, '85') ?? clm, 9),
    state: elementAt(facilityN4 ?? billingN4 ?? clm, 2),
    npis,
    datesOfService: [...new Set(lines.flatMap((l) => (l.dos === null ? [] : [l.dos.from])))].sort(),
  };
}

function diagnosisViews(hi: readonly LoopedSegment[]): DiagnosisView[] {
  const out: DiagnosisView[] = [];
  for (const segment of hi) {
    for (let e = 1; e < segment.elements.length; e++) {
      const value = segment.elements[e] ?? '';
      if (value === '') continue;
      const [qualifier = '', code = ''] = value.split(segment.delimiters.component);
      // Principal and other diagnoses only: BP/BO/BG (anesthesia, condition codes) are not pointed to.
      if (!/^A?B[KF]$/.test(upper(qualifier)) && qualifier !== '') continue;
      out.push({ pointer: out.length + 1, qualifier: upper(qualifier), code: upper(code), segment, element: e });
    }
  }
  return out;
}

function lineView(lx: number | null, segments: readonly LoopedSegment[], claimPos: string): ServiceLineView {
  const sv1 = segments.find((s) => s.id === 'SV1')!;
  const dtp472 = segments.find((s) => s.id === 'DTP' && s.loopId === '2400' && elementAt(s, 1) === '472') ?? null;
  const composite = (elementAt(sv1, 1)).split(sv1.delimiters.component);
  const pointerText = elementAt(sv1, 7) === '' ? [] : elementAt(sv1, 7).split(sv1.delimiters.component);
  const refs = (q: string): string[] => segments.filter((s) => s.id === 'REF' && s.loopId === '2400' && elementAt(s, 1) === q).map((s) => elementAt(s, 2));
  const unitsText = elementAt(sv1, 4);
  return {
    lx,
    qualifier: upper(composite[0] ?? ''),
    code: upper(composite[1] ?? ''),
    modifiers: composite.slice(2, 6).filter((m) => m !== '').map(upper),
    description: composite[6] ?? '',
    chargeCents: parseCents(elementAt(sv1, 2)),
    unitType: elementAt(sv1, 3),
    units: /^\d+(\.\d+)?$/.test(unitsText) ? Number(unitsText) : null,
    placeOfService: elementAt(sv1, 5) || claimPos,
    pointerText,
    pointers: pointerText.filter((p) => /^\d{1,2}$/.test(p)).map(Number),
    dos: serviceDates(dtp472),
    priorAuth: refs('G1'),
    controlNumber: refs('6R')[0] ?? null,
    sv1,
    dtp472,
    segments,
  };
}

function serviceDates(dtp: LoopedSegment | null): ServiceLineView['dos'] {
  if (dtp === null) return null;
  const format = elementAt(dtp, 2);
  const value = elementAt(dtp, 3);
  if (format === 'D8') {
    const d = day(value);
    return d === null ? null : { from: d, to: d };
  }
  if (format === 'RD8') {
    const [a = '', b = ''] = value.split('-');
    const from = day(a);
    const to = day(b);
    return from === null || to === null ? null : { from, to };
  }
  return null;
}

/** CCYYMMDD → YYYY-MM-DD when it is a real calendar date, else null. */
export function day(ccyymmdd: string): Day | null {
  return isDate(ccyymmdd) ? `${ccyymmdd.slice(0, 4)}-${ccyymmdd.slice(4, 6)}-${ccyymmdd.slice(6, 8)}` : null;
}
