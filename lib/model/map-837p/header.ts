/** Transaction set header: ST, BHT, 1000A submitter, 1000B receiver. */
import type { LoopSpec, SegmentSpec } from '../tr3.ts';
import { el, loop, nm1, organisation, per, seg } from './elements.ts';

export const ST: SegmentSpec = seg('ST', 'Transaction Set Header', 'R', 1, [
  el('143', 'R', ['837']),
  el('329', 'R'),
  // pyx12 marks ST03 S; the HIPAA TR3s require it (it must equal GS08), as the brief §1.4 says.
  el('1705', 'R'),
]);

export const BHT: SegmentSpec = seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, [
  el('1005', 'R', ['0019']),
  el('353', 'R', ['00', '18']),
  el('127', 'R', undefined, 'Originator Application Transaction Identifier'),
  el('373', 'R', undefined, 'Transaction Set Creation Date'),
  el('337', 'R', undefined, 'Transaction Set Creation Time'),
  // CH chargeable (claims); RP reporting (encounters).
  el('640', 'R', ['CH', 'RP'], 'Claim or Encounter Identifier'),
]);

export const SUBMITTER: LoopSpec = loop('1000A', 'Submitter Name', 'R', 1, [
  // The submitter may be a person; the suffix is still not used.
  nm1('Submitter Name', ['41'], ['1', '2'], {
    last: 'R', first: 'S', middle: 'S', suffix: 'N', idQualifier: 'R', idCodes: ['46'], id: 'R',
  }),
  per('Submitter EDI Contact Information', 'R', 2, ['ED', 'EM', 'FX', 'TE'], ['ED', 'EM', 'EX', 'FX', 'TE'], [
    'ED', 'EM', 'EX', 'FX', 'TE',
  ]),
]);

export const RECEIVER: LoopSpec = loop('1000B', 'Receiver Name', 'R', 1, [
  nm1('Receiver Name', ['40'], ['2'], organisation(['46'])),
]);
