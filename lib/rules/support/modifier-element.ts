import type { ServiceLineView } from '../../model/claim-view.ts';
import { componentAt } from '../../x12/segment.ts';

/**
 * Where a modifier sits in SV101 ("SV101-4"), counting empty placeholder components, or the
 * first free modifier position when the line does not carry it (where it should be added).
 */
export function modifierElement(line: ServiceLineView, modifier: string): string {
  let free: number | null = null;
  for (let c = 3; c <= 6; c++) {
    const sent = componentAt(line.sv1, 1, c).toUpperCase();
    if (sent === modifier) return `SV101-${c}`;
    if (sent === '' && free === null) free = c;
  }
  return `SV101-${free ?? 3}`;
}
