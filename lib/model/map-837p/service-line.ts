/** 2400 service line with 2410 drug, 2420A–H line providers, 2430 line adjudication, 2440 forms. */
import type { LoopSpec, SegmentSpec } from '../tr3.ts';
import {
  ATTACHMENT_REPORT_TYPES,
  FACILITY_NPI,
  MANY,
  PROVIDER_NPI,
  ambulanceCertification,
  ambulanceLocation,
  amt,
  cas,
  cn1,
  comp,
  cr1,
  crc,
  dtp,
  el,
  hcp,
  k3,
  loop,
  n3,
  n4,
  nm1,
  notUsed,
  nte,
  procedure,
  providerContact,
  prv,
  pwk,
  qty,
  ref,
  seg,
  unitOfMeasure,
} from './elements.ts';

const PROCEDURE_QUALIFIERS = ['ER', 'HC', 'IV', 'WK'];
const DIAGNOSIS_POINTERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

const SV1: SegmentSpec = seg('SV1', 'Professional Service', 'R', 1, [
  procedure('R', PROCEDURE_QUALIFIERS, 'S'),
  el('782', 'R', undefined, 'Line Item Charge Amount'),
  // MJ minutes is for anesthesia; everything else is billed in units.
  el('355', 'R', ['MJ', 'UN']),
  el('380', 'R', undefined, 'Service Unit Count'),
  // Only when it differs from CLM05-1 (external CMS list).
  el('1331', 'S', undefined, 'Place of Service Code'),
  el('1365', 'N'),
  // Pointers to HI01–HI12 of the claim; the first points at the primary diagnosis for the line.
  comp('C004', 'Composite Diagnosis Code Pointer', 'R', [
    el('1328', 'R', DIAGNOSIS_POINTERS),
    el('1328', 'S', DIAGNOSIS_POINTERS),
    el('1328', 'S', DIAGNOSIS_POINTERS),
    el('1328', 'S', DIAGNOSIS_POINTERS),
  ]),
  el('782', 'N'),
  el('1073', 'S', ['Y'], 'Emergency Indicator'),
  el('1340', 'N'),
  el('1073', 'S', ['Y'], 'EPSDT Indicator'),
  el('1073', 'S', ['Y'], 'Family Planning Indicator'),
  ...notUsed('1364', '1341'),
  // 0: copay exempt.
  el('1327', 'S', ['0']),
  ...notUsed('1334', '127', '116', '782', '1337', '1360'),
]);

const SV5: SegmentSpec = seg('SV5', 'Durable Medical Equipment Service', 'S', 1, [
  procedure('R', ['HC'], 'N'),
  el('355', 'R', ['DA']),
  el('380', 'R', undefined, 'Length of Medical Necessity'),
  el('782', 'R', undefined, 'DME Rental Price'),
  el('782', 'R', undefined, 'DME Purchase Price'),
  el('594', 'R', ['1', '4', '6'], 'Rental Unit Price Indicator'),
  el('923', 'N'),
]);

const CR3: SegmentSpec = seg('CR3', 'Durable Medical Equipment Certification', 'S', 1, [
  el('1322', 'R', ['I', 'R', 'S']),
  el('355', 'R', ['MO']),
  el('380', 'R', undefined, 'Durable Medical Equipment Duration'),
  ...notUsed('1335', '352'),
]);

const MEA: SegmentSpec = seg('MEA', 'Test Result', 'S', 5, [
  el('737', 'R', ['OG', 'TR']),
  // HT height; R1–R4 hemoglobin, hematocrit, epoetin starting dosage, creatinine.
  el('738', 'R', ['HT', 'R1', 'R2', 'R3', 'R4']),
  el('739', 'R', undefined, 'Test Results'),
  unitOfMeasure('N'),
  ...notUsed('740', '741', '935', '936', '752', '1373', '1270', '1271'),
]);

const PS1: SegmentSpec = seg('PS1', 'Purchased Service Information', 'S', 1, [
  el('127', 'R', undefined, 'Purchased Service Provider Identifier'),
  el('782', 'R', undefined, 'Purchased Service Charge Amount'),
  el('156', 'N'),
]);

const DRUG: LoopSpec = loop('2410', 'Drug Identification', 'S', 1, [
  seg('LIN', 'Drug Identification', 'R', 1, [
    el('350', 'N'),
    // N4: NDC in 5-4-2 form.
    el('235', 'R', ['EN', 'EO', 'HI', 'N4', 'ON', 'UK', 'UP']),
    el('234', 'R', undefined, 'National Drug Code or Universal Product Number'),
    ...Array.from({ length: 14 }, () => notUsed('235', '234')).flat(),
  ]),
  seg('CTP', 'Drug Quantity', 'R', 1, [
    ...notUsed('687', '236', '212'),
    el('380', 'R', undefined, 'National Drug Unit Count'),
    unitOfMeasure('R', ['F2', 'GR', 'ME', 'ML', 'UN']),
    ...notUsed('648', '649', '782', '639', '499', '289'),
  ]),
  ref('Prescription or Compound Drug Association Number', 'S', 1, ['VY', 'XZ']),
]);

const RENDERING_PROVIDER: LoopSpec = loop('2420A', 'Rendering Provider Name', 'S', 1, [
  nm1('Rendering Provider Name', ['82'], ['1', '2'], PROVIDER_NPI),
  prv('Rendering Provider Specialty Information', 'S', 'PE'),
  ref('Rendering Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2', 'LU'], true),
]);

const PURCHASED_SERVICE_PROVIDER: LoopSpec = loop('2420B', 'Purchased Service Provider Name', 'S', 1, [
  // Identified by NPI only: no name is sent.
  nm1('Purchased Service Provider Name', ['QB'], ['1', '2'], {
    last: 'N', first: 'N', middle: 'N', suffix: 'N', idQualifier: 'S', idCodes: ['XX'], id: 'S',
  }),
  ref('Purchased Service Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2'], true),
]);

const SERVICE_FACILITY: LoopSpec = loop('2420C', 'Service Facility Location Name', 'S', 1, [
  nm1('Service Facility Location Name', ['77'], ['2'], FACILITY_NPI),
  n3('Service Facility Location Address', 'R'),
  n4('Service Facility Location City, State, ZIP Code', 'R'),
  ref('Service Facility Location Secondary Identification', 'S', 3, ['G2', 'LU'], true),
]);

const SUPERVISING_PROVIDER: LoopSpec = loop('2420D', 'Supervising Provider Name', 'S', 1, [
  nm1('Supervising Provider Name', ['DQ'], ['1'], PROVIDER_NPI),
  ref('Supervising Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2', 'LU'], true),
]);

const ORDERING_PROVIDER: LoopSpec = loop('2420E', 'Ordering Provider Name', 'S', 1, [
  nm1('Ordering Provider Name', ['DK'], ['1'], PROVIDER_NPI),
  n3('Ordering Provider Address', 'S'),
  n4('Ordering Provider City, State, ZIP Code', 'S'),
  ref('Ordering Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2'], true),
  providerContact('Ordering Provider Contact Information', 1),
]);

const REFERRING_PROVIDER: LoopSpec = loop('2420F', 'Referring Provider Name', 'S', 2, [
  nm1('Referring Provider Name', ['DN', 'P3'], ['1'], PROVIDER_NPI),
  ref('Referring Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2'], true),
]);

const LINE_ADJUDICATION: LoopSpec = loop('2430', 'Line Adjudication Information', 'S', 15, [
  seg('SVD', 'Line Adjudication Information', 'R', 1, [
    // Must match NM109 of a 2330B other payer.
    el('67', 'R', undefined, 'Other Payer Primary Identifier'),
    el('782', 'R', undefined, 'Service Line Paid Amount'),
    procedure('R', PROCEDURE_QUALIFIERS, 'S'),
    el('234', 'N'),
    el('380', 'R', undefined, 'Paid Service Unit Count'),
    el('554', 'S', undefined, 'Bundled or Unbundled Line Number'),
  ]),
  cas('Line Adjustment'),
  dtp('Line Check or Remittance Date', 'R', 1, ['573']),
  amt('Remaining Patient Liability', 'EAF'),
]);

const FORM_IDENTIFICATION: LoopSpec = loop('2440', 'Form Identification Code', 'S', MANY, [
  seg('LQ', 'Form Identification Code', 'R', 1, [
    el('1270', 'R', ['AS', 'UT']),
    el('1271', 'R', undefined, 'Form Identifier'),
  ]),
  seg('FRM', 'Supporting Documentation', 'R', 99, [
    el('350', 'R', undefined, 'Question Number/Letter'),
    // One of FRM02–FRM05 answers the question, in the form the question calls for.
    el('1073', 'S', ['N', 'W', 'Y'], 'Question Response'),
    el('127', 'S', undefined, 'Question Response'),
    el('373', 'S', undefined, 'Question Response'),
    el('332', 'S', undefined, 'Question Response'),
  ]),
]);

export const SERVICE_LINE: LoopSpec = loop(
  '2400',
  'Service Line Number',
  'R',
  50,
  [
    // LX01 starts at 1 and goes up by 1 within each claim.
    seg('LX', 'Service Line Number', 'R', 1, [el('554', 'R')]),
    SV1,
    SV5,
    pwk('Line Supplemental Information', 10, ATTACHMENT_REPORT_TYPES, ['AA', 'BM', 'EL', 'EM', 'FT', 'FX'], true),
    pwk(
      'Durable Medical Equipment Certificate of Medical Necessity Indicator',
      1,
      ['CT'],
      ['AB', 'AD', 'AF', 'AG', 'NS'],
      false,
    ),
    cr1(),
    CR3,
    ambulanceCertification(),
    crc('Hospice Employee Indicator', 1, ['70'], ['N', 'Y'], ['65'], 1),
    crc('Condition Indicator/Durable Medical Equipment', 1, ['09'], ['N', 'Y'], ['38', 'ZV'], 2),
    // The service date lives only here: the 837P has no claim-level service date.
    dtp('Date - Service Date', 'R', 1, ['472'], ['D8', 'RD8']),
    dtp('Date - Prescription Date', 'S', 1, ['471']),
    dtp('Date - Certification Revision/Recertification Date', 'S', 1, ['607']),
    dtp('Date - Begin Therapy Date', 'S', 1, ['463']),
    dtp('Date - Last Certification Date', 'S', 1, ['461']),
    dtp('Date - Last Seen Date', 'S', 1, ['304']),
    dtp('Date - Test Date', 'S', 2, ['738', '739']),
    dtp('Date - Shipped Date', 'S', 1, ['011']),
    dtp('Date - Last X-ray Date', 'S', 1, ['455']),
    dtp('Date - Initial Treatment Date', 'S', 1, ['454']),
    qty('Ambulance Patient Count', 'PT'),
    qty('Obstetric Anesthesia Additional Units', 'FL'),
    MEA,
    cn1(),
    ref('Repriced Line Item Reference Number', 'S', 1, ['9B']),
    ref('Adjusted Repriced Line Item Reference Number', 'S', 1, ['9D']),
    ref('Prior Authorization', 'S', 5, ['G1'], true),
    // Echoed as REF*FJ in the 277CA 2220D, so lines can be identified.
    ref('Line Item Control Number', 'S', 1, ['6R']),
    ref('Mammography Certification Number', 'S', 1, ['EW']),
    ref('Clinical Laboratory Improvement Amendment (CLIA) Number', 'S', 1, ['X4']),
    ref('Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification', 'S', 1, ['F4']),
    ref('Immunization Batch Number', 'S', 1, ['BT']),
    ref('Referral Number', 'S', 5, ['9F'], true),
    amt('Sales Tax Amount', 'T'),
    amt('Postage Claimed Amount', 'F4'),
    k3(),
    nte('Line Note', ['ADD', 'DCP']),
    nte('Third Party Organization Notes', ['TPO']),
    PS1,
    hcp('Line Pricing/Repricing Information', 'line'),
  ],
  [
    DRUG,
    RENDERING_PROVIDER,
    PURCHASED_SERVICE_PROVIDER,
    SERVICE_FACILITY,
    SUPERVISING_PROVIDER,
    ORDERING_PROVIDER,
    REFERRING_PROVIDER,
    ambulanceLocation('2420G', 'Pick-up'),
    ambulanceLocation('2420H', 'Drop-off'),
    LINE_ADJUDICATION,
    FORM_IDENTIFICATION,
  ],
);
