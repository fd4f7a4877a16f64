/**
 * Builders for the 837P table: `el`, `comp`, `seg`, `loop`, and one builder per segment shape
 * that the TR3 repeats across loops (NM1, N3, N4, PER, REF, DTP, PRV, AMT, HI, CRC …), so each
 * shape is defined once and the area files read like the guide.
 *
 * Qualifier positions are 1-based, as in the element names (NM101 → 1, HL03 → 3). When the
 * element at that position is a composite (HI01), the values apply to its first component.
 */
import type {
  CompositeSpec,
  ElementSpec,
  LoopSpec,
  SegmentSpec,
  SimpleElementSpec,
  Usage,
} from '../tr3.ts';
import { DICTIONARY, type ElementRef } from './dictionary.ts';

export const MANY = Number.POSITIVE_INFINITY;

type Codes = readonly string[];
type Qualifier = NonNullable<SegmentSpec['qualifier']>;

/** A simple element: type and length from the dictionary; `name` overrides the dictionary name. */
export function el(ref: ElementRef, usage: Usage, codes?: Codes, name?: string): SimpleElementSpec {
  const [dictName, type, min, max] = DICTIONARY[ref];
  const base = { ref, name: name ?? dictName, usage, type, min, max };
  // A not-used element is flagged when present, whatever its value, so it carries no code list.
  return codes === undefined || usage === 'N' ? base : { ...base, codes };
}

/** Not-used elements, in order. */
export function notUsed(...refs: readonly ElementRef[]): SimpleElementSpec[] {
  return refs.map((ref) => el(ref, 'N'));
}

export function comp(
  ref: string,
  name: string,
  usage: Usage,
  components: readonly SimpleElementSpec[],
  repeat?: number,
): CompositeSpec {
  return repeat === undefined ? { ref, name, usage, components } : { ref, name, usage, components, repeat };
}

export function seg(
  id: string,
  name: string,
  usage: Usage,
  maxUse: number,
  elements: readonly ElementSpec[],
  qualifier?: Qualifier,
): SegmentSpec {
  return qualifier === undefined
    ? { id, name, usage, maxUse, elements }
    : { id, name, usage, maxUse, qualifier, elements };
}

export function loop(
  id: string,
  name: string,
  usage: Usage,
  maxRepeat: number,
  segments: readonly SegmentSpec[],
  loops: readonly LoopSpec[] = [],
): LoopSpec {
  return { id, name, usage, maxRepeat, segments, loops };
}

function qualifiedBy(element: number, values: Codes): Qualifier {
  return { element, values };
}

// ---------------------------------------------------------------------------------------------
// Composites used in several places

/** C040: only the 2400/2420 REF segments use REF04, to carry the other payer's id (2U). */
function referenceIdentifier(usage: Usage): CompositeSpec {
  const used = usage !== 'N';
  return comp('C040', 'Reference Identifier', usage, [
    el('128', used ? 'R' : 'N', ['2U']),
    el('127', used ? 'R' : 'N', undefined, 'Other Payer Primary Identifier'),
    ...notUsed('128', '127', '128', '127'),
  ]);
}

/** C001: only CTP05 uses it (first component with the TR3 unit list); elsewhere not used. */
export function unitOfMeasure(usage: Usage, units?: Codes): CompositeSpec {
  return comp('C001', 'Composite Unit of Measure', usage, [
    el('355', usage === 'N' ? 'N' : 'R', units),
    ...notUsed('1018', '649'),
    ...Array.from({ length: 4 }, () => notUsed('355', '1018', '649')).flat(),
  ]);
}

/** C003 (SV101, SV501, SVD03): qualifier, procedure code, four modifiers, description. */
export function procedure(usage: Usage, qualifiers: Codes, modifiers: Usage): CompositeSpec {
  return comp('C003', 'Composite Medical Procedure Identifier', usage, [
    el('235', 'R', qualifiers, 'Product or Service ID Qualifier'),
    el('234', 'R', undefined, 'Procedure Code'),
    el('1339', modifiers, undefined, 'Procedure Modifier 1'),
    el('1339', modifiers, undefined, 'Procedure Modifier 2'),
    el('1339', modifiers, undefined, 'Procedure Modifier 3'),
    el('1339', modifiers, undefined, 'Procedure Modifier 4'),
    el('352', modifiers, undefined, 'Description'),
    el('234', 'N'),
  ]);
}

/** C035 (PRV05) is never used in the 837P; its components are listed so presence can be flagged. */
const PROVIDER_SPECIALTY = comp('C035', 'Provider Specialty Information', 'N', notUsed('1222', '559', '1073'));

// ---------------------------------------------------------------------------------------------
// Segments

export function hl(name: string, level: string, parentId: Usage, childCodes: Codes): SegmentSpec {
  return seg(
    'HL',
    name,
    'R',
    1,
    [el('628', 'R'), el('734', parentId), el('735', 'R', [level]), el('736', 'R', childCodes)],
    qualifiedBy(3, [level]),
  );
}

/** NM103–NM109 usage by loop; NM106 (prefix) and NM110–NM112 are never used in the 837P. */
export interface NameUse {
  readonly last: Usage;
  readonly first: Usage;
  readonly middle: Usage;
  readonly suffix: Usage;
  readonly idQualifier: Usage;
  readonly idCodes?: Codes;
  readonly id: Usage;
}

/** Individual or organisation provider identified by NPI; NM108/NM109 are S because providers without an NPI (atypical) send none. */
export const PROVIDER_NPI: NameUse = {
  last: 'R', first: 'S', middle: 'S', suffix: 'S', idQualifier: 'S', idCodes: ['XX'], id: 'S',
};
/** Organisation (facility) identified by NPI: no person name parts. */
export const FACILITY_NPI: NameUse = {
  last: 'R', first: 'N', middle: 'N', suffix: 'N', idQualifier: 'S', idCodes: ['XX'], id: 'S',
};
/** Organisation with a required id (receiver, payer, pay-to plan). */
export function organisation(idCodes: Codes): NameUse {
  return { last: 'R', first: 'N', middle: 'N', suffix: 'N', idQualifier: 'R', idCodes, id: 'R' };
}
/** Person or organisation member with a required member id (subscriber, other subscriber). */
export const INSURED: NameUse = {
  last: 'R', first: 'S', middle: 'S', suffix: 'S', idQualifier: 'R', idCodes: ['II', 'MI'], id: 'R',
};
/** Only NM101/NM102 are sent; the segment opens a loop whose content follows (address, REF). */
export const ENTITY_ONLY: NameUse = {
  last: 'N', first: 'N', middle: 'N', suffix: 'N', idQualifier: 'N', id: 'N',
};

export function nm1(name: string, entity: Codes, entityType: Codes, use: NameUse): SegmentSpec {
  return seg(
    'NM1',
    name,
    'R',
    1,
    [
      el('98', 'R', entity),
      el('1065', 'R', entityType),
      el('1035', use.last),
      el('1036', use.first),
      el('1037', use.middle),
      el('1038', 'N'),
      el('1039', use.suffix),
      el('66', use.idQualifier, use.idCodes),
      el('67', use.id),
      ...notUsed('706', '98', '1035'),
    ],
    qualifiedBy(1, entity),
  );
}

export function n3(name: string, usage: Usage): SegmentSpec {
  return seg('N3', name, usage, 1, [el('166', 'R'), el('166', 'S')]);
}

/** N402/N403 are S because non-US addresses use N404/N407 instead (the state and ZIP lists are external). */
export function n4(name: string, usage: Usage): SegmentSpec {
  return seg('N4', name, usage, 1, [
    el('19', 'R'),
    el('156', 'S'),
    el('116', 'S'),
    el('26', 'S'),
    el('309', 'N'),
    el('310', 'N'),
    el('1715', 'S'),
  ]);
}

/**
 * PER with up to three communication numbers. Without `third`, only a telephone and its
 * extension are allowed (PER07/PER08 not used).
 */
export function per(
  name: string,
  usage: Usage,
  maxUse: number,
  first: Codes,
  second: Codes,
  third?: Codes,
): SegmentSpec {
  const thirdUsage: Usage = third === undefined ? 'N' : 'S';
  return seg('PER', name, usage, maxUse, [
    el('366', 'R', ['IC']),
    el('93', 'S'),
    el('365', 'R', first),
    el('364', 'R'),
    el('365', 'S', second),
    el('364', 'S'),
    el('365', thirdUsage, third),
    el('364', thirdUsage),
    el('443', 'N'),
  ]);
}

/** Telephone with optional extension (property and casualty, service facility contacts). */
export function phoneContact(name: string): SegmentSpec {
  return per(name, 'S', 1, ['TE'], ['EX']);
}

/** Provider contacts: e-mail, fax or telephone, with an extension allowed after the first. */
export function providerContact(name: string, maxUse: number): SegmentSpec {
  return per(name, 'S', maxUse, ['EM', 'FX', 'TE'], ['EM', 'EX', 'FX', 'TE'], ['EM', 'EX', 'FX', 'TE']);
}

export function prv(name: string, usage: Usage, providerCode: string): SegmentSpec {
  return seg('PRV', name, usage, 1, [
    el('1221', 'R', [providerCode]),
    el('128', 'R', ['PXC']),
    el('127', 'R', undefined, 'Provider Taxonomy Code'),
    el('156', 'N'),
    PROVIDER_SPECIALTY,
    el('1223', 'N'),
  ]);
}

/**
 * REF with the TR3's REF01 subset. `otherPayerId`: the line-level REFs (prior authorization,
 * referral, 2420 secondary ids) may name, in REF04, the 2330B payer the value belongs to.
 */
export function ref(
  name: string,
  usage: Usage,
  maxUse: number,
  codes: Codes,
  otherPayerId = false,
): SegmentSpec {
  return seg(
    'REF',
    name,
    usage,
    maxUse,
    [el('128', 'R', codes), el('127', 'R'), el('352', 'N'), referenceIdentifier(otherPayerId ? 'S' : 'N')],
    qualifiedBy(1, codes),
  );
}

export function dtp(
  name: string,
  usage: Usage,
  maxUse: number,
  qualifiers: Codes,
  formats: Codes = ['D8'],
): SegmentSpec {
  return seg(
    'DTP',
    name,
    usage,
    maxUse,
    [el('374', 'R', qualifiers), el('1250', 'R', formats), el('1251', 'R')],
    qualifiedBy(1, qualifiers),
  );
}

export function amt(name: string, qualifier: string): SegmentSpec {
  return seg(
    'AMT',
    name,
    'S',
    1,
    [el('522', 'R', [qualifier]), el('782', 'R', undefined, name), el('478', 'N')],
    qualifiedBy(1, [qualifier]),
  );
}

export function qty(name: string, qualifier: string): SegmentSpec {
  return seg(
    'QTY',
    name,
    'S',
    1,
    [el('673', 'R', [qualifier]), el('380', 'R', undefined, name), unitOfMeasure('N'), el('61', 'N')],
    qualifiedBy(1, [qualifier]),
  );
}

export function nte(name: string, codes: Codes): SegmentSpec {
  return seg('NTE', name, 'S', 1, [el('363', 'R', codes), el('352', 'R', undefined, 'Note Text')], qualifiedBy(1, codes));
}

export function dmg(name: string, usage: Usage): SegmentSpec {
  return seg('DMG', name, usage, 1, [
    el('1250', 'R', ['D8']),
    el('1251', 'R', undefined, 'Birth Date'),
    el('1068', 'R', ['F', 'M', 'U']),
    el('1067', 'N'),
    comp('C056', 'Composite Race or Ethnicity Information', 'N', notUsed('1109', '1270', '1271'), 10),
    ...notUsed('1066', '26', '659', '380', '1270', '1271'),
  ]);
}

const PAYER_RESPONSIBILITY = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'P', 'S', 'T', 'U'];
/** SBR05 is only sent when Medicare is secondary (Medicare secondary payer type). */
const INSURANCE_TYPES = ['12', '13', '14', '15', '16', '41', '42', '43', '47'];
const CLAIM_FILING_INDICATORS = [
  '11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA',
  'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ',
];

/** SBR of 2000B (relationship only `18` when the subscriber is the patient) and of 2320. */
export function sbr(name: string, relationship: Usage, relationshipCodes: Codes): SegmentSpec {
  return seg('SBR', name, 'R', 1, [
    el('1138', 'R', PAYER_RESPONSIBILITY),
    el('1069', relationship, relationshipCodes),
    el('127', 'S', undefined, 'Group or Policy Number'),
    el('93', 'S', undefined, 'Group Name'),
    el('1336', 'S', INSURANCE_TYPES),
    ...notUsed('1143', '1073', '584'),
    el('1032', 'S', CLAIM_FILING_INDICATORS),
  ]);
}

/** PAT of 2000B (no relationship: the subscriber is the patient) and of 2000C (relationship R). */
export function pat(usage: Usage, relationshipCodes?: Codes): SegmentSpec {
  return seg('PAT', 'Patient Information', usage, 1, [
    el('1069', relationshipCodes === undefined ? 'N' : 'R', relationshipCodes),
    ...notUsed('1384', '584', '1220'),
    el('1250', 'S', ['D8']),
    el('1251', 'S', undefined, 'Patient Death Date'),
    el('355', 'S', ['01']),
    el('81', 'S', undefined, 'Patient Weight'),
    el('1073', 'S', ['Y'], 'Pregnancy Indicator'),
  ]);
}

/** CAS: a group code, then six reason/amount/quantity triplets of which only the first is required. */
export function cas(name: string): SegmentSpec {
  const triplet = (usage: Usage): SimpleElementSpec[] => [el('1034', usage), el('782', usage), el('380', 'S')];
  return seg('CAS', name, 'S', 5, [
    el('1033', 'R', ['CO', 'CR', 'OA', 'PI', 'PR']),
    ...triplet('R'),
    ...triplet('S'),
    ...triplet('S'),
    ...triplet('S'),
    ...triplet('S'),
    ...triplet('S'),
  ]);
}

/** C022: only the qualifier and the code are used in the 837P. */
function healthCareCode(usage: Usage, codes: Codes): CompositeSpec {
  const used = usage !== 'N';
  return comp('C022', 'Health Care Code Information', usage, [
    el('1270', used ? 'R' : 'N', codes),
    el('1271', used ? 'R' : 'N'),
    ...notUsed('1250', '1251', '782', '380', '799', '1271', '1073'),
  ]);
}

/**
 * HI with twelve C022 composites: HI01 required with `first`, the next `used - 1` situational
 * with `rest`, the remainder not used.
 */
export function hi(
  name: string,
  usage: Usage,
  maxUse: number,
  first: Codes,
  rest: Codes,
  used: number,
): SegmentSpec {
  const composites = Array.from({ length: 12 }, (_, i) =>
    i === 0 ? healthCareCode('R', first) : healthCareCode(i < used ? 'S' : 'N', rest),
  );
  return seg('HI', name, usage, maxUse, composites, qualifiedBy(1, first));
}

/** CRC: category, indicator, then up to five condition codes of which `used` may be sent. */
export function crc(
  name: string,
  maxUse: number,
  categories: Codes,
  indicator: Codes,
  conditions: Codes,
  used: number,
): SegmentSpec {
  const conditionElements = Array.from({ length: 5 }, (_, i) =>
    el('1321', i === 0 ? 'R' : i < used ? 'S' : 'N', conditions),
  );
  return seg(
    'CRC',
    name,
    'S',
    maxUse,
    [el('1136', 'R', categories), el('1073', 'R', indicator), ...conditionElements],
    qualifiedBy(1, categories),
  );
}

/** Ambulance certification, the same at claim and line level. */
export function ambulanceCertification(): SegmentSpec {
  return crc('Ambulance Certification', 3, ['07'], ['N', 'Y'], ['01', '04', '05', '06', '07', '08', '09', '12'], 5);
}

/** CR1, the same at claim and line level. */
export function cr1(): SegmentSpec {
  return seg('CR1', 'Ambulance Transport Information', 'S', 1, [
    el('355', 'S', ['LB']),
    el('81', 'S', undefined, 'Patient Weight'),
    el('1316', 'N'),
    el('1317', 'R', ['A', 'B', 'C', 'D', 'E']),
    el('355', 'R', ['DH']),
    el('380', 'R', undefined, 'Transport Distance'),
    ...notUsed('166', '166'),
    el('352', 'S', undefined, 'Round Trip Purpose Description'),
    el('352', 'S', undefined, 'Stretcher Purpose Description'),
  ]);
}

/** CN1, the same at claim and line level. */
export function cn1(): SegmentSpec {
  return seg('CN1', 'Contract Information', 'S', 1, [
    el('1166', 'R', ['01', '02', '03', '04', '05', '06', '09']),
    el('782', 'S', undefined, 'Contract Amount'),
    el('332', 'S', undefined, 'Contract Percentage'),
    el('127', 'S', undefined, 'Contract Code'),
    el('338', 'S'),
    el('799', 'S', undefined, 'Contract Version Identifier'),
  ]);
}

/** K3, the same at claim and line level. */
export function k3(): SegmentSpec {
  return seg('K3', 'File Information', 'S', 10, [el('449', 'R'), el('1333', 'N'), unitOfMeasure('N')]);
}

export const ATTACHMENT_REPORT_TYPES = [
  '03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15', '21', 'A3', 'A4', 'AM', 'AS',
  'B2', 'B3', 'B4', 'BR', 'BS', 'BT', 'CB', 'CK', 'CT', 'D2', 'DA', 'DB', 'DG', 'DJ', 'DS', 'EB',
  'HC', 'HR', 'I5', 'IR', 'LA', 'M1', 'MT', 'NN', 'OB', 'OC', 'OD', 'OE', 'OX', 'OZ', 'P4', 'P5',
  'PE', 'PN', 'PO', 'PQ', 'PY', 'PZ', 'RB', 'RR', 'RT', 'RX', 'SG', 'V5', 'XP',
];

/**
 * PWK. The 2400 has two PWKs whose PWK01 lists overlap (`CT`), so the transmission code in
 * PWK02 is what tells them apart. `attachmentId`: PWK05/PWK06 carry the attachment control number.
 */
export function pwk(
  name: string,
  maxUse: number,
  reportTypes: Codes,
  transmission: Codes,
  attachmentId: boolean,
): SegmentSpec {
  const idUsage: Usage = attachmentId ? 'S' : 'N';
  return seg(
    'PWK',
    name,
    'S',
    maxUse,
    [
      el('755', 'R', reportTypes),
      el('756', 'R', transmission),
      el('757', 'N'),
      el('98', 'N'),
      el('66', idUsage, ['AC']),
      el('67', idUsage, undefined, 'Attachment Control Number'),
      el('352', 'N'),
      comp('C002', 'Actions Indicated', 'N', notUsed('704', '704', '704', '704', '704')),
      el('1525', 'N'),
    ],
    qualifiedBy(2, transmission),
  );
}

/**
 * HCP. At claim level the repriced procedure (HCP09–HCP12) is not used; at line level it is,
 * and pricing methodology 06 is allowed only there.
 */
export function hcp(name: string, level: 'claim' | 'line'): SegmentSpec {
  const line = level === 'line';
  const methods = line
    ? ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14']
    : ['00', '01', '02', '03', '04', '05', '07', '08', '09', '10', '11', '12', '13', '14'];
  const lineOnly: Usage = line ? 'S' : 'N';
  return seg('HCP', name, 'S', 1, [
    el('1473', 'R', methods),
    el('782', 'R', undefined, 'Repriced Allowed Amount'),
    el('782', 'S', undefined, 'Repriced Saving Amount'),
    el('127', 'S', undefined, 'Repricing Organization Identifier'),
    el('118', 'S', undefined, 'Repricing Per Diem or Flat Rate Amount'),
    el('127', 'S', undefined, 'Repriced Approved Ambulatory Patient Group Code'),
    el('782', 'S', undefined, 'Repriced Approved Ambulatory Patient Group Amount'),
    el('234', 'N'),
    el('235', lineOnly, ['ER', 'HC', 'IV', 'WK']),
    el('234', lineOnly, undefined, 'Repriced Approved HCPCS Code'),
    el('355', lineOnly, ['MJ', 'UN']),
    el('380', lineOnly, undefined, 'Repriced Approved Service Unit Count'),
    el('901', 'S', ['T1', 'T2', 'T3', 'T4', 'T5', 'T6']),
    el('1526', 'S', ['1', '2', '3', '4', '5']),
    el('1527', 'S', ['1', '2', '3', '4', '5', '6']),
  ]);
}

/** Ambulance pick-up / drop-off location (2310E/F, 2420G/H): only the drop-off may be named. */
export function ambulanceLocation(id: string, which: 'Pick-up' | 'Drop-off'): LoopSpec {
  const name = `Ambulance ${which} Location`;
  const pickUp = which === 'Pick-up';
  return loop(id, name, 'S', 1, [
    nm1(name, [pickUp ? 'PW' : '45'], ['2'], pickUp ? ENTITY_ONLY : { ...ENTITY_ONLY, last: 'S' }),
    n3(`${name} Address`, 'R'),
    n4(`${name} City, State, ZIP Code`, 'R'),
  ]);
}
