import type { SpinalRegion } from '../../codesets/types.ts';

/** How findings name the LCDs' two spinal regions (pain-coding-rules §1: CT and LS). */
export const SPINAL_REGION_NAME: Readonly<Record<SpinalRegion, string>> = { CT: 'cervical/thoracic', LS: 'lumbar/sacral' };

/** The region a spinal code is not in: the spine has two regions for the LCDs. */
export function otherRegion(region: SpinalRegion): SpinalRegion {
  return region === 'CT' ? 'LS' : 'CT';
}
