/** 2300 claim with 2310A–F claim-level providers and locations; children 2320 and 2400. */
import type { LoopSpec, SegmentSpec, Usage } from '../tr3.ts';
import {
  ATTACHMENT_REPORT_TYPES,
  FACILITY_NPI,
  PROVIDER_NPI,
  ambulanceCertification,
  ambulanceLocation,
  amt,
  cn1,
  comp,
  cr1,
  crc,
  dtp,
  el,
  hcp,
  hi,
  k3,
  loop,
  n3,
  n4,
  nm1,
  notUsed,
  nte,
  phoneContact,
  prv,
  pwk,
  ref,
  seg,
} from './elements.ts';
import { OTHER_SUBSCRIBER } from './other-subscriber.ts';
import { SERVICE_LINE } from './service-line.ts';

const CLM: SegmentSpec = seg('CLM', 'Claim Information', 'R', 1, [
  el('1028', 'R', undefined, 'Patient Control Number'),
  el('782', 'R', undefined, 'Total Claim Charge Amount'),
  ...notUsed('1032', '1343'),
  comp('C023', 'Health Care Service Location Information', 'R', [
    // Place of service: external CMS list.
    el('1331', 'R', undefined, 'Place of Service Code'),
    // B: the place of service comes from the CMS POS list.
    el('1332', 'R', ['B']),
    // pyx12 leaves code source 235 open; the brief §2.2 allows 1 original, 7 replacement, 8 void.
    el('1325', 'R', ['1', '7', '8'], 'Claim Frequency Code'),
  ]),
  el('1073', 'R', ['N', 'Y'], 'Provider or Supplier Signature Indicator'),
  el('1359', 'R', ['A', 'B', 'C'], 'Assignment or Plan Participation Code'),
  el('1073', 'R', ['N', 'W', 'Y'], 'Benefits Assignment Certification Indicator'),
  el('1363', 'R', ['I', 'Y']),
  el('1351', 'S', ['P']),
  // Sent when the condition is related to employment or an accident.
  comp('C024', 'Related Causes Information', 'S', [
    el('1362', 'R', ['AA', 'EM', 'OA']),
    el('1362', 'S', ['AA', 'EM', 'OA']),
    el('1362', 'N'),
    el('156', 'S', undefined, 'Auto Accident State or Province Code'),
    el('26', 'S'),
  ]),
  el('1366', 'S', ['02', '03', '05', '09'], 'Special Program Indicator'),
  ...notUsed('1073', '1338', '1073', '1360', '1029', '1073', '1383'),
  el('1514', 'S', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15']),
]);

const CR2: SegmentSpec = seg('CR2', 'Spinal Manipulation Service Information', 'S', 1, [
  ...notUsed('609', '380', '1367', '1367', '355', '380', '380'),
  el('1342', 'R', ['A', 'C', 'D', 'E', 'F', 'G', 'M'], 'Patient Condition Code'),
  el('1073', 'N'),
  el('352', 'S', undefined, 'Patient Condition Description'),
  el('352', 'S', undefined, 'Patient Condition Description'),
  el('1073', 'N'),
]);

const CLAIM_SEGMENTS: readonly SegmentSpec[] = [
  CLM,
  dtp('Date - Onset of Current Illness or Symptom', 'S', 1, ['431']),
  dtp('Date - Initial Treatment Date', 'S', 1, ['454']),
  dtp('Date - Last Seen Date', 'S', 1, ['304']),
  dtp('Date - Acute Manifestation', 'S', 1, ['453']),
  dtp('Date - Accident', 'S', 1, ['439']),
  dtp('Date - Last Menstrual Period', 'S', 1, ['484']),
  dtp('Date - Last X-ray Date', 'S', 1, ['455']),
  dtp('Date - Hearing and Vision Prescription Date', 'S', 1, ['471']),
  // Disability may be a period (314) or a single begin/end date (360/361).
  dtp('Date - Disability Dates', 'S', 1, ['314', '360', '361'], ['D8', 'RD8']),
  dtp('Date - Last Worked', 'S', 1, ['297']),
  dtp('Date - Authorized Return to Work', 'S', 1, ['296']),
  dtp('Date - Admission', 'S', 1, ['435']),
  dtp('Date - Discharge', 'S', 1, ['096']),
  dtp('Date - Assumed and Relinquished Care Dates', 'S', 2, ['090', '091']),
  dtp('Date - Property and Casualty Date of First Contact', 'S', 1, ['444']),
  dtp('Date - Repricer Received Date', 'S', 1, ['050']),
  pwk('Claim Supplemental Information', 10, ATTACHMENT_REPORT_TYPES, ['AA', 'BM', 'EL', 'EM', 'FT', 'FX'], true),
  cn1(),
  amt('Patient Amount Paid', 'F5'),
  ref('Service Authorization Exception Code', 'S', 1, ['4N']),
  ref('Mandatory Medicare (Section 4081) Crossover Indicator', 'S', 1, ['F5']),
  ref('Mammography Certification Number', 'S', 1, ['EW']),
  ref('Referral Number', 'S', 1, ['9F']),
  ref('Prior Authorization', 'S', 1, ['G1']),
  // Required when CLM05-3 is 7 or 8 (replacement or void of an adjudicated claim).
  ref('Payer Claim Control Number', 'S', 1, ['F8']),
  ref('Clinical Laboratory Improvement Amendment (CLIA) Number', 'S', 1, ['X4']),
  ref('Repriced Claim Number', 'S', 1, ['9A']),
  ref('Adjusted Repriced Claim Number', 'S', 1, ['9C']),
  ref('Investigational Device Exemption Number', 'S', 1, ['LX']),
  ref('Claim Identifier For Transmission Intermediaries', 'S', 1, ['D9']),
  ref('Medical Record Number', 'S', 1, ['EA']),
  ref('Demonstration Project Identifier', 'S', 1, ['P4']),
  ref('Care Plan Oversight', 'S', 1, ['1J']),
  k3(),
  nte('Claim Note', ['ADD', 'CER', 'DCP', 'DGN', 'TPO']),
  cr1(),
  CR2,
  ambulanceCertification(),
  crc('Patient Condition Information: Vision', 3, ['E1', 'E2', 'E3'], ['N', 'Y'], ['L1', 'L2', 'L3', 'L4', 'L5'], 5),
  crc('Homebound Indicator', 1, ['75'], ['Y'], ['IH'], 1),
  crc('EPSDT Referral', 1, ['ZZ'], ['N', 'Y'], ['AV', 'NU', 'S2', 'ST'], 3),
  // ABK/ABF: ICD-10-CM; BK/BF: ICD-9-CM, still in the code subset for claims before 2015-10-01.
  hi('Health Care Diagnosis Code', 'R', 1, ['ABK', 'BK'], ['ABF', 'BF'], 12),
  hi('Anesthesia Related Procedure', 'S', 1, ['BP'], ['BO'], 2),
  hi('Condition Information', 'S', 2, ['BG'], ['BG'], 12),
  hcp('Claim Pricing/Repricing Information', 'claim'),
];

const REFERRING_PROVIDER: LoopSpec = loop('2310A', 'Referring Provider Name', 'S', 2, [
  // DN referring provider; P3 primary care provider (both may be sent, hence max 2).
  nm1('Referring Provider Name', ['DN', 'P3'], ['1'], PROVIDER_NPI),
  ref('Referring Provider Secondary Identification', 'S', 3, ['0B', '1G', 'G2']),
]);

const RENDERING_PROVIDER: LoopSpec = loop('2310B', 'Rendering Provider Name', 'S', 1, [
  // Sent when the rendering provider differs from the billing provider.
  nm1('Rendering Provider Name', ['82'], ['1', '2'], PROVIDER_NPI),
  prv('Rendering Provider Specialty Information', 'S', 'PE'),
  ref('Rendering Provider Secondary Identification', 'S', 4, ['0B', '1G', 'G2', 'LU']),
]);

const SERVICE_FACILITY: LoopSpec = loop('2310C', 'Service Facility Location Name', 'S', 1, [
  // Sent when the service location differs from the billing provider's address.
  nm1('Service Facility Location Name', ['77'], ['2'], FACILITY_NPI),
  n3('Service Facility Location Address', 'R'),
  n4('Service Facility Location City, State, ZIP Code', 'R'),
  ref('Service Facility Location Secondary Identification', 'S', 3, ['0B', 'G2', 'LU']),
  // Situational: older pyx12 maps had it required (azoner/pyx12 #24).
  phoneContact('Service Facility Contact Information'),
]);

const SUPERVISING_PROVIDER: LoopSpec = loop('2310D', 'Supervising Provider Name', 'S', 1, [
  nm1('Supervising Provider Name', ['DQ'], ['1'], PROVIDER_NPI),
  ref('Supervising Provider Secondary Identification', 'S', 4, ['0B', '1G', 'G2', 'LU']),
]);

const CLAIM_LOOPS: readonly LoopSpec[] = [
  REFERRING_PROVIDER,
  RENDERING_PROVIDER,
  SERVICE_FACILITY,
  SUPERVISING_PROVIDER,
  ambulanceLocation('2310E', 'Pick-up'),
  ambulanceLocation('2310F', 'Drop-off'),
  OTHER_SUBSCRIBER,
  SERVICE_LINE,
];

/**
 * The 2300 subtree, built once for both parents: situational under 2000B (subscriber is the
 * patient), required under 2000C. Two hand-kept copies are how public maps drifted apart.
 */
export function claimLoop(usage: Usage): LoopSpec {
  return loop('2300', 'Claim Information', usage, 100, CLAIM_SEGMENTS, CLAIM_LOOPS);
}
