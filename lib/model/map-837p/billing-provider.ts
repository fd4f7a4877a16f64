/** 2000A billing provider level with 2010AA billing provider, 2010AB pay-to address, 2010AC pay-to plan. */
import type { LoopSpec } from '../tr3.ts';
import {
  ENTITY_ONLY,
  MANY,
  PROVIDER_NPI,
  el,
  hl,
  loop,
  n3,
  n4,
  nm1,
  notUsed,
  organisation,
  providerContact,
  prv,
  ref,
  seg,
} from './elements.ts';
import { SUBSCRIBER_LEVEL } from './subscriber.ts';

const BILLING_PROVIDER: LoopSpec = loop('2010AA', 'Billing Provider Name', 'R', 1, [
  // NM108/NM109 are S in the map; providers eligible for an NPI must send it (brief §2.2).
  nm1('Billing Provider Name', ['85'], ['1', '2'], PROVIDER_NPI),
  // Must be a street address: a PO box or lock box goes in 2010AB.
  n3('Billing Provider Address', 'R'),
  n4('Billing Provider City, State, ZIP Code', 'R'),
  ref('Billing Provider Tax Identification', 'R', 1, ['EI', 'SY']),
  ref('Billing Provider UPIN/License Information', 'S', 2, ['0B', '1G']),
  providerContact('Billing Provider Contact Information', 2),
]);

const PAY_TO_ADDRESS: LoopSpec = loop('2010AB', 'Pay-to Address Name', 'S', 1, [
  // Only the address is sent, and only when it differs from the billing provider's.
  nm1('Pay-to Address Name', ['87'], ['1', '2'], ENTITY_ONLY),
  n3('Pay-to Address', 'R'),
  n4('Pay-to Address City, State, ZIP Code', 'R'),
]);

const PAY_TO_PLAN: LoopSpec = loop('2010AC', 'Pay-To Plan Name', 'S', 1, [
  nm1('Pay-To Plan Name', ['PE'], ['2'], organisation(['PI', 'XV'])),
  n3('Pay-to Plan Address', 'R'),
  n4('Pay-To Plan City, State, ZIP Code', 'R'),
  ref('Pay-to Plan Secondary Identification', 'S', 1, ['2U', 'FY', 'NF']),
  ref('Pay-To Plan Tax Identification Number', 'R', 1, ['EI']),
]);

export const BILLING_PROVIDER_LEVEL: LoopSpec = loop(
  '2000A',
  'Billing Provider Hierarchical Level',
  'R',
  MANY,
  [
    // The top level has no parent (HL02 not used) and always has subscriber children.
    hl('Billing Provider Hierarchical Level', '20', 'N', ['1']),
    prv('Billing Provider Specialty Information', 'S', 'BI'),
    // Only when the amounts are not in US dollars.
    seg('CUR', 'Foreign Currency Information', 'S', 1, [
      el('98', 'R', ['85']),
      el('100', 'R'),
      ...notUsed('280', '98', '100', '669'),
      ...Array.from({ length: 5 }, () => notUsed('374', '373', '337')).flat(),
    ]),
  ],
  [BILLING_PROVIDER, PAY_TO_ADDRESS, PAY_TO_PLAN, SUBSCRIBER_LEVEL],
);
