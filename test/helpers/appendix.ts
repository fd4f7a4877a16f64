/**
 * The brief's Appendix A.1 (two clean claims) as editable lines, for table tests that change one
 * thing and assert the one error it causes. Set positions (ST = 1) are in the comments.
 */
export const A1 = [
  'ST*837*0001*005010X222A1', // 1
  'BHT*0019*00*BATCH0001*20250115*1030*CH', // 2
  'NM1*41*2*ACME BILLING SERVICE*****46*SUBMITTER01', // 3
  'PER*IC*JANE DOE*TE*5555550100', // 4
  'NM1*40*2*EXAMPLE HEALTH PLAN*****46*RECEIVER01', // 5
  'HL*1**20*1', // 6
  'PRV*BI*PXC*207Q00000X', // 7
  'NM1*85*2*SUNRISE FAMILY PRACTICE*****XX*1234567893', // 8
  'N3*100 MAIN STREET', // 9
  'N4*SPRINGFIELD*IL*627011234', // 10
  'REF*EI*123456789', // 11
  'HL*2*1*22*0', // 12
  'SBR*P*18*GRP1001******CI', // 13
  'NM1*IL*1*DOE*JOHN****MI*MEM123456', // 14
  'N3*200 OAK AVENUE', // 15
  'N4*SPRINGFIELD*IL*627025555', // 16
  'DMG*D8*19800101*M', // 17
  'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*PAYER01', // 18
  'CLM*PCN-0001*150***11:B:1*Y*A*Y*Y', // 19
  'HI*ABK:J069*ABF:R509', // 20
  'LX*1', // 21
  'SV1*HC:99213*100*UN*1***1:2', // 22
  'DTP*472*D8*20250110', // 23
  'REF*6R*L0001-1', // 24
  'LX*2', // 25
  'SV1*HC:87880*50*UN*1***1', // 26
  'DTP*472*D8*20250110', // 27
  'REF*6R*L0001-2', // 28
  'HL*3*1*22*1', // 29
  'SBR*P********CI', // 30
  'NM1*IL*1*ROE*MARY****MI*MEM777888', // 31
  'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*PAYER01', // 32
  'HL*4*3*23*0', // 33
  'PAT*19', // 34
  'NM1*QC*1*ROE*TIMMY', // 35
  'N3*300 ELM STREET', // 36
  'N4*SPRINGFIELD*IL*627031111', // 37
  'DMG*D8*20150505*M', // 38
  'CLM*PCN-0002*275***11:B:1*Y*A*Y*Y', // 39
  'HI*ABK:S93401A', // 40
  'LX*1', // 41
  'SV1*HC:99203*175*UN*1***1', // 42
  'DTP*472*D8*20250112', // 43
  'REF*6R*L0002-1', // 44
  'LX*2', // 45
  'SV1*HC:99999*100*UN*1***1', // 46
  'DTP*472*D8*20250112', // 47
  'REF*6R*L0002-2', // 48
] as const;

export type Edit = (lines: readonly string[]) => string[];

/** Replaces line n (1-based set position) with `text`. */
export const replace = (n: number, text: string): Edit => (l) => l.map((s, i) => (i === n - 1 ? text : s));
/** Removes lines from..to (1-based, inclusive). */
export const drop = (from: number, to = from): Edit => (l) => [...l.slice(0, from - 1), ...l.slice(to)];
/** Inserts lines after line n. */
export const insertAfter = (n: number, ...add: string[]): Edit => (l) => [...l.slice(0, n), ...add, ...l.slice(n)];
/** Applies edits left to right. */
export const all = (...edits: Edit[]): Edit => (l) => edits.reduce<string[]>((acc, e) => e(acc), [...l]);

/** The set as text with a correct SE. */
export function setText(lines: readonly string[]): string {
  return `${lines.join('~\n')}~\nSE*${lines.length + 1}*0001~\n`;
}
