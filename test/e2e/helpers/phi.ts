/** Names, member ids and birth dates (NM1*IL/QC, DMG) of an 837: what must never reach a log or the ledger. */
export function phiOf(x12: string): string[] {
  return x12
    .split('~')
    .map((s) => s.trim().split('*'))
    .flatMap((e) => (e[0] === 'NM1' && (e[1] === 'IL' || e[1] === 'QC') ? [e[3], e[4], e[9]] : e[0] === 'DMG' ? [e[2]] : []))
    .filter((v): v is string => v !== undefined && v.length > 3);
}
