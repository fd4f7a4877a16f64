/** 2320 other subscriber (coordination of benefits) with 2330A–G other payer names and ids. */
import type { LoopSpec, SegmentSpec } from '../tr3.ts';
import {
  ENTITY_ONLY,
  INSURED,
  amt,
  cas,
  dtp,
  el,
  loop,
  n3,
  n4,
  nm1,
  notUsed,
  organisation,
  ref,
  sbr,
  seg,
} from './elements.ts';

const OI: SegmentSpec = seg('OI', 'Other Insurance Coverage Information', 'R', 1, [
  ...notUsed('1032', '1383'),
  el('1073', 'R', ['N', 'W', 'Y'], 'Benefits Assignment Certification Indicator'),
  el('1351', 'S', ['P']),
  el('1360', 'N'),
  el('1363', 'R', ['I', 'Y']),
]);

const MOA: SegmentSpec = seg('MOA', 'Outpatient Adjudication Information', 'S', 1, [
  el('954', 'S', undefined, 'Reimbursement Rate'),
  el('782', 'S', undefined, 'HCPCS Payable Amount'),
  // Remark codes: external list (code source 411).
  ...Array.from({ length: 5 }, () => el('127', 'S', undefined, 'Claim Payment Remark Code')),
  el('782', 'S', undefined, 'End Stage Renal Disease Payment Amount'),
  el('782', 'S', undefined, 'Non-Payable Professional Component Billed Amount'),
]);

const OTHER_SUBSCRIBER_NAME: LoopSpec = loop('2330A', 'Other Subscriber Name', 'R', 1, [
  nm1('Other Subscriber Name', ['IL'], ['1', '2'], INSURED),
  n3('Other Subscriber Address', 'S'),
  n4('Other Subscriber City, State, ZIP Code', 'S'),
  ref('Other Subscriber Secondary Identification', 'S', 1, ['SY']),
]);

const OTHER_PAYER: LoopSpec = loop('2330B', 'Other Payer Name', 'R', 1, [
  nm1('Other Payer Name', ['PR'], ['2'], organisation(['PI', 'XV'])),
  n3('Other Payer Address', 'S'),
  n4('Other Payer City, State, ZIP Code', 'S'),
  dtp('Claim Check or Remittance Date', 'S', 1, ['573']),
  ref('Other Payer Secondary Identifier', 'S', 2, ['2U', 'EI', 'FY', 'NF']),
  ref('Other Payer Prior Authorization Number', 'S', 1, ['G1']),
  ref('Other Payer Referral Number', 'S', 1, ['9F']),
  ref('Other Payer Claim Adjustment Indicator', 'S', 1, ['T4']),
  ref('Other Payer Claim Control Number', 'S', 1, ['F8']),
]);

/**
 * 2330C–G: the other payer's own ids for a provider named in 2310x/2010AA. The NM1 only says
 * which provider; the id itself is in the required REF.
 */
function otherPayerProvider(
  id: string,
  name: string,
  maxRepeat: number,
  entity: readonly string[],
  entityType: readonly string[],
  refMax: number,
  refCodes: readonly string[],
): LoopSpec {
  return loop(id, name, 'S', maxRepeat, [
    nm1(name, entity, entityType, ENTITY_ONLY),
    ref(`${name} Secondary Identification`, 'R', refMax, refCodes),
  ]);
}

export const OTHER_SUBSCRIBER: LoopSpec = loop(
  '2320',
  'Other Subscriber Information',
  'S',
  10,
  [
    // SBR02 is required here (unlike 2000B): the patient's relationship to this other insured.
    sbr('Other Subscriber Information', 'R', ['01', '18', '19', '20', '21', '39', '40', '53', 'G8']),
    cas('Claim Level Adjustments'),
    amt('Payer Paid Amount', 'D'),
    amt('Non-Covered Charge Amount', 'A8'),
    amt('Remaining Patient Liability', 'EAF'),
    OI,
    MOA,
  ],
  [
    OTHER_SUBSCRIBER_NAME,
    OTHER_PAYER,
    otherPayerProvider('2330C', 'Other Payer Referring Provider', 2, ['DN', 'P3'], ['1'], 3, ['0B', '1G', 'G2']),
    otherPayerProvider('2330D', 'Other Payer Rendering Provider', 1, ['82'], ['1', '2'], 3, ['0B', '1G', 'G2', 'LU']),
    otherPayerProvider('2330E', 'Other Payer Service Facility Location', 1, ['77'], ['2'], 3, ['0B', 'G2', 'LU']),
    otherPayerProvider('2330F', 'Other Payer Supervising Provider', 1, ['DQ'], ['1'], 3, ['0B', '1G', 'G2', 'LU']),
    otherPayerProvider('2330G', 'Other Payer Billing Provider', 1, ['85'], ['1', '2'], 2, ['G2', 'LU']),
  ],
);
