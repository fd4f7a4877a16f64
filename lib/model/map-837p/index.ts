/** The 837P 005010X222A1 implementation guide as data, in the shape of ../tr3.ts. */
import type { TransactionSpec } from '../tr3.ts';
import { BILLING_PROVIDER_LEVEL } from './billing-provider.ts';
import { loop } from './elements.ts';
import { BHT, RECEIVER, ST, SUBMITTER } from './header.ts';

export const MAP_837P: TransactionSpec = {
  guide: '005010X222A1',
  st01: '837',
  functionalId: 'HC',
  root: loop('ST', 'Transaction Set Header', 'R', 1, [ST, BHT], [SUBMITTER, RECEIVER, BILLING_PROVIDER_LEVEL]),
};
