import { defineRule } from '../define-rule.ts';

/** CLM05-3 codes that act on a claim the payer already has (005010X222A1 2300 CLM05-3). */
const ACTS_ON_ORIGINAL: Readonly<Record<string, string>> = { '7': 'replacement of a prior claim', '8': 'void of a prior claim' };

export const rule = defineRule({
  id: 'claim/frequency-code',
  level: 4,
  defaultSeverity: 'error',
  // 277CA A6 (missing) 464 "payer assigned claim control number" (x12-837p-999-277ca §3.1 C2).
  ack: { category: 'A6', status: '464' },
  source: 'x12-837p-999-277ca §3.1 C2 (005010X222A1 2300 REF*F8 situational rule)',
  description: 'A replacement (CLM05-3 = 7) or void (8) must name the claim it replaces in 2300 REF*F8 (the payer claim control number of the original).',
  howToFix: "Add REF*F8 with the payer's claim control number of the original claim (from its 835 CLP07 or the payer portal), or send frequency 1 for a new claim.",
  check(view) {
    const meaning = ACTS_ON_ORIGINAL[view.frequencyCode];
    if (meaning === undefined || (view.originalClaimNumber ?? '') !== '') return [];
    return [{
      message: `CLM05-3 frequency code ${view.frequencyCode} (${meaning}) needs the original claim's payer control number in REF*F8, and the claim has none`,
      segment: view.clm,
      element: 'CLM05-3',
      line: null,
    }];
  },
});
