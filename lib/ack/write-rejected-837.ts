import type { ClaimStreamWriter } from '../rules/claim-outcome.ts';
import { createClaim837Writer } from './claim-837-writer.ts';
import type { AckContext, WriteOptions } from './envelope-writer.ts';

/**
 * `<name>.rejected.837` (issue 3): every rejected claim unchanged (its segments as sent, in the
 * sender's delimiters), re-enveloped as 837P, so nothing the user sent is lost. Only the
 * envelope and the HL numbers are ours.
 */
export function createRejected837Writer(ctx: AckContext, options: WriteOptions = {}): ClaimStreamWriter {
  return createClaim837Writer(
    {
      takes: (outcome) => outcome.status === 'rejected',
      claimSegments: ({ view: { claim } }) => [...claim.segments, ...claim.lines.flatMap((l) => l.segments)].map((s) => s.elements),
      normalise: false,
    },
    ctx,
    options,
  );
}
