import type { ClaimStreamWriter } from '../rules/claim-outcome.ts';
import { createClaim837Writer } from './claim-837-writer.ts';
import type { AckContext, WriteOptions } from './envelope-writer.ts';
import { applySafeFixes } from './safe-fixes.ts';

/**
 * `<name>.corrected.837` (issue 3): the claims the engine put in the corrected file (accepted,
 * or rejected with only safely fixable errors), with their safe fixes applied and every copied
 * segment normalised (see safe-fixes.ts for the list), re-enveloped as 837P.
 */
export function createCorrected837Writer(ctx: AckContext, options: WriteOptions = {}): ClaimStreamWriter {
  return createClaim837Writer(
    {
      takes: (outcome) => outcome.inCorrected,
      claimSegments: (outcome) => applySafeFixes(outcome.view.claim, outcome.fixes).segments,
      normalise: true,
    },
    ctx,
    options,
  );
}
