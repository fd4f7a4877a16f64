/**
 * Why a functional group or set is not one we validate. All 837 variants share ST01 = 837 and
 * GS01 = HC; only GS08/ST03 tell them apart (brief §6, "837P vs 837I vs 837D"), so the reason
 * names what the file really is.
 */
const FUNCTIONAL_IDS: Readonly<Record<string, string>> = {
  HC: 'health care claims (837)',
  HP: 'health care claim payments (835 remittance advice)',
  HS: 'eligibility inquiries (270)',
  HB: 'eligibility responses (271)',
  HR: 'claim status requests (276)',
  HN: 'claim status notifications (277)',
  FA: 'functional acknowledgments (997/999)',
  BE: 'benefit enrollment (834)',
};

const GUIDES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^005010X223/, '837I (institutional) claims'],
  [/^005010X224/, '837D (dental) claims'],
  [/^005010X291/, '837 predetermination of benefits (not a claim)'],
  [/^005010X222A[2-9]/, 'an 837P errata version that HIPAA did not adopt'],
  [/^005010X222$/, 'the 837P base guide without its HIPAA addenda (A1)'],
  [/^004010/, 'a 4010 guide (retired for HIPAA transactions in 2012)'],
  [/^005010X221/, '835 remittance advice'],
  [/^005010X279/, '270/271 eligibility'],
  [/^005010X212/, '276/277 claim status'],
  [/^005010X214/, '277CA claim acknowledgment'],
  [/^005010X23[01]/, 'a 997/999 acknowledgment'],
];

export const SUPPORTED_GUIDE = '005010X222A1';

/** A sentence saying what a GS01 value carries, for messages. */
export function describeFunctionalId(gs01: string): string {
  return FUNCTIONAL_IDS[gs01] ?? `functional id "${gs01}"`;
}

/** A sentence saying what a GS08/ST03 guide is, for messages. */
export function describeGuide(guide: string): string {
  for (const [pattern, text] of GUIDES) if (pattern.test(guide)) return text;
  return guide === '' ? 'no implementation guide' : `guide "${guide}"`;
}
