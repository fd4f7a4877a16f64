/** 2000B subscriber level (2010BA subscriber, 2010BB payer) and 2000C patient level (2010CA patient). */
import type { LoopSpec } from '../tr3.ts';
import {
  INSURED,
  MANY,
  dmg,
  hl,
  loop,
  n3,
  n4,
  nm1,
  organisation,
  pat,
  phoneContact,
  ref,
  sbr,
} from './elements.ts';
import { claimLoop } from './claim.ts';

const SUBSCRIBER: LoopSpec = loop('2010BA', 'Subscriber Name', 'R', 1, [
  nm1('Subscriber Name', ['IL'], ['1', '2'], INSURED),
  // Address and demographics are required when the subscriber is the patient.
  n3('Subscriber Address', 'S'),
  n4('Subscriber City, State, ZIP Code', 'S'),
  dmg('Subscriber Demographic Information', 'S'),
  ref('Subscriber Secondary Identification', 'S', 1, ['SY']),
  ref('Property and Casualty Claim Number', 'S', 1, ['Y4']),
  phoneContact('Property and Casualty Subscriber Contact Information'),
]);

const PAYER: LoopSpec = loop('2010BB', 'Payer Name', 'R', 1, [
  nm1('Payer Name', ['PR'], ['2'], organisation(['PI', 'XV'])),
  n3('Payer Address', 'S'),
  n4('Payer City, State, ZIP Code', 'S'),
  ref('Payer Secondary Identification', 'S', 3, ['2U', 'EI', 'FY', 'NF']),
  ref('Billing Provider Secondary Identification', 'S', 2, ['G2', 'LU']),
]);

const PATIENT: LoopSpec = loop('2010CA', 'Patient Name', 'R', 1, [
  // In 5010 the patient has no identifier of its own: the subscriber's member id covers it.
  nm1('Patient Name', ['QC'], ['1'], {
    last: 'R', first: 'S', middle: 'S', suffix: 'S', idQualifier: 'N', id: 'N',
  }),
  n3('Patient Address', 'R'),
  n4('Patient City, State, ZIP Code', 'R'),
  dmg('Patient Demographic Information', 'R'),
  ref('Property and Casualty Claim Number', 'S', 1, ['Y4']),
  ref('Property and Casualty Patient Identifier', 'S', 1, ['1W', 'SY']),
  phoneContact('Property and Casualty Patient Contact Information'),
]);

/** Only when the patient is not the subscriber; then the claim lives here (2300 R). */
const PATIENT_LEVEL: LoopSpec = loop(
  '2000C',
  'Patient Hierarchical Level',
  'S',
  MANY,
  [
    hl('Patient Hierarchical Level', '23', 'R', ['0']),
    // 18 (self) is not allowed: a patient who is the subscriber has no 2000C.
    pat('R', ['01', '19', '20', '21', '39', '40', '53', 'G8']),
  ],
  [PATIENT, claimLoop('R')],
);

export const SUBSCRIBER_LEVEL: LoopSpec = loop(
  '2000B',
  'Subscriber Hierarchical Level',
  'R',
  MANY,
  [
    // HL04 1 when a 2000C follows.
    hl('Subscriber Hierarchical Level', '22', 'R', ['0', '1']),
    // SBR02 18 only when the subscriber is the patient; otherwise empty.
    sbr('Subscriber Information', 'S', ['18']),
    // The subscriber's PAT only carries death date, weight and pregnancy when they are the patient.
    pat('S'),
  ],
  // The claim is here (2300 S) only when the subscriber is the patient.
  [SUBSCRIBER, PAYER, claimLoop('S'), PATIENT_LEVEL],
);
