import { isDate } from './dates.ts';

/**
 * Element checks of the ISA (brief §1.2) and the TA1 outcome they lead to. The ISA is fixed
 * width, so its delimiters were already trusted by the tokenizer; here only the values count.
 */
export interface Ta1Outcome {
  /** TA105 note code; '000' when nothing is wrong. */
  readonly code: string;
  /** TA104: E lets the interchange be processed, R stops it. */
  readonly ack: 'A' | 'E' | 'R';
  readonly message: string;
}

export const TA1_OK: Ta1Outcome = { code: '000', ack: 'A', message: 'interchange envelope accepted' };

/**
 * Codes after which the content can still be processed (EDIFabric's default table, brief §1.7):
 * a control-number mismatch or an unsupported control version is noted but does not stop the
 * 999 from reporting on the groups. Everything else rejects the interchange.
 *
 * 016 (ISA11 not a usable repetition separator) is noted too, although the brief's table rejects
 * it: the 4010 habit of a "U" there under 00501 is common, the other three delimiters are sound,
 * and the data is read without repetitions, so the sender gets both the TA1 note and a useful 999.
 */
const NOTED_ONLY = new Set(['001', '002', '003', '006', '008', '009', '016', '019', '020', '021', '025']);

export function ta1(code: string, message: string): Ta1Outcome {
  return { code, ack: NOTED_ONLY.has(code) ? 'E' : 'R', message };
}

/** The worse of two outcomes: R beats E beats A; the first one wins a tie. */
export function worseTa1(a: Ta1Outcome, b: Ta1Outcome): Ta1Outcome {
  const rank = { A: 0, E: 1, R: 2 } as const;
  return rank[b.ack] > rank[a.ack] ? b : a;
}

const ID_QUALIFIERS = new Set(['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ']);

/** Returns the first problem of the ISA's values (brief §1.2 and the TA105 table of §1.5). */
export function checkIsaElements(isa: readonly string[]): Ta1Outcome {
  const e = (n: number): string => isa[n] ?? '';
  if (e(1) !== '00' && e(1) !== '03') return ta1('010', `ISA01 "${e(1)}" is not 00 or 03`);
  if (e(1) === '00' && e(2).trim() !== '') return ta1('011', 'ISA02 must be blank when ISA01 is 00');
  if (e(3) !== '00' && e(3) !== '01') return ta1('012', `ISA03 "${e(3)}" is not 00 or 01`);
  if (e(3) === '00' && e(4).trim() !== '') return ta1('013', 'ISA04 must be blank when ISA03 is 00');
  if (!ID_QUALIFIERS.has(e(5))) return ta1('005', `ISA05 sender qualifier "${e(5)}" is not a valid code`);
  if (e(6).trim() === '') return ta1('006', 'ISA06 sender id is blank');
  if (!ID_QUALIFIERS.has(e(7))) return ta1('007', `ISA07 receiver qualifier "${e(7)}" is not a valid code`);
  if (e(8).trim() === '') return ta1('008', 'ISA08 receiver id is blank');
  if (!isYymmdd(e(9))) return ta1('014', `ISA09 "${e(9)}" is not a valid YYMMDD date`);
  if (!isHhmm(e(10))) return ta1('015', `ISA10 "${e(10)}" is not a valid HHMM time`);
  if (e(12) !== '00501') return ta1('003', `ISA12 control version "${e(12)}" is not supported; 837P 5010 needs 00501`);
  if (!/^\d{9}$/.test(e(13)) || /^0+$/.test(e(13))) return ta1('018', `ISA13 "${e(13)}" is not a positive 9-digit control number`);
  if (e(14) !== '0' && e(14) !== '1') return ta1('019', `ISA14 "${e(14)}" is not 0 or 1`);
  if (e(15) !== 'P' && e(15) !== 'T') return ta1('020', `ISA15 "${e(15)}" is not P or T`);
  return TA1_OK;
}

function isYymmdd(v: string): boolean {
  // Two-digit years: X12 windows them; any century will do for checking month and day, except
  // that 00 must be a leap year as 2000 was.
  return v.length === 6 && isDate(`20${v}`);
}

function isHhmm(v: string): boolean {
  return /^([01]\d|2[0-3])[0-5]\d$/.test(v);
}
