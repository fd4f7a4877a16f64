/**
 * What claimcheck should conclude about every file of the third-party corpus (70 data files:
 * the 65 copied under test/corpus/ and the 5 CDDL OopFactory files read from ../shared, see
 * README.md). Pure data: the test that runs it (test/corpus/corpus.test.ts) compares these
 * codes with the InterchangeResult[] of validateStream.
 *
 * Reading an entry:
 * - `framing`: FramingCode values the tokenizer must report (in any order; others may not appear).
 * - `ta1`: TA105 / TA104 of the (first) interchange; absent = '000' / 'A' (or no TA1 at all when
 *   `framing` holds a fatal code that comes before any ISA).
 * - `groupErrors` (AK905), `setErrors` (IK502), `segmentErrors` (IK3 / IK4): codes that must be
 *   present (subset: a file may have more, incidental errors; the entries name what the file
 *   is about and what upstream or the peer validators assert).
 * - `clean: true`: no TA1 error, every set accepted (IK5 A), no segment errors; only the
 *   non-fatal `framing` warnings listed may appear.
 * - `why`: where our verdict deliberately differs from the upstream project's expectation
 *   (quoted from the corpus README), or why a non-obvious code is expected.
 * - `note`: what the file is and what upstream asserts, for the reader.
 * - `shared: true`: a CDDL file not copied into the repository; resolve it with
 *   {@link corpusFile}, which returns null when ../shared is absent (the test then skips it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type CorpusKind =
  | '837p-valid'
  | '837p-caveat'
  | '837p-structure'
  | '837p-broken'
  | 'other-transaction'
  | 'ack-999'
  | 'ack-997'
  | 'ack-277ca';

export interface ExpectedSegmentError {
  /** IK301 */
  readonly segmentId: string;
  /** IK304 */
  readonly code: string;
  /** IK303; absent for header segments or when the loop is not asserted. */
  readonly loopId?: string;
  /** IK401-1, when the error is about an element (then `code` is '8'). */
  readonly element?: number;
  /** IK403 */
  readonly elementCode?: string;
}

export interface CorpusExpectation {
  /** Relative to test/corpus/ (or to ../shared/corpus/ when `shared`). */
  readonly path: string;
  readonly kind: CorpusKind;
  readonly expect: {
    readonly framing?: readonly string[];
    readonly ta1?: { readonly code: string; readonly ack: 'A' | 'E' | 'R' };
    readonly groupErrors?: readonly string[];
    readonly setErrors?: readonly string[];
    readonly segmentErrors?: readonly ExpectedSegmentError[];
    readonly clean?: true;
  };
  readonly why?: string;
  readonly note?: string;
  readonly shared?: true;
  /**
   * A guide accepted in addition to 005010X222A1 for this file (ValidateOptions.acceptedGuides),
   * so its content can be checked; by default such a file is rejected as x12/guide.
   */
  readonly alsoAcceptGuide?: string;
}

export const CORPUS: readonly CorpusExpectation[] = [
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/commercial-health-insurance.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/ambulance.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/anesthesia.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/COB-claim-from-billing-provider-to-payer-a.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/COB-claim-from-billing-provider-to-payer-b.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/drug-administered-in-the-physician-office.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/encounter.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/medicare-secondary-payer-COB.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/ppo-repriced-claim.edi',
    kind: '837p-valid',
    expect: { clean: true },
    note: 'stupidedi pass/ fixture (a TR3 example): must pass SNIP 1–2 with no error',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/oxygen.edi',
    kind: '837p-caveat',
    expect: { clean: true },
    why: 'the corpus README flags PWK*CT*AD (PWK02 AD is not in AA, BM, EL, EM, FT, FX; pyx12 and LinuxForHealth reject it). We agree with stupidedi: a 2400 PWK with PWK01 CT and PWK02 AB/AD/AF/AG/NS is the TR3\'s second 2400 PWK, the DME certificate of medical necessity indicator (brief §2.2, 2400 "PWK S/10 (+1 CMN)"), and AD (certification included in this claim) is one of its codes. The peers match the first PWK only.',
    note: 'PWK*CT*AD in both 2400 loops',
  },
  {
    path: 'stupidedi/005010-X222A1-HC837-pass/wheelchair.edi',
    kind: '837p-caveat',
    expect: { clean: true },
    why: 'as oxygen.edi: PWK*CT*AD is the 2400 DME CMN indicator PWK, where AD is valid; pyx12 and LinuxForHealth match the first PWK only',
  },
  {
    path: 'stupidedi/005010-X222-HC837-case/1.edi',
    kind: '837p-structure',
    expect: { framing: ['X12_NOT_ISA'] },
    why: 'stupidedi skips the prose header before the ISA; we read the ISA only at the start of the file (brief §1.1/§6), like pyx12 ("does not look like an X12 data file")',
    note: 'X222 (no A1) parse-and-navigate fixture; ISA02/04/06/08 padded with "."',
  },
  {
    path: 'stupidedi/005010-X223A2-HC837I-pass/837-institutional-claim.edi',
    kind: 'other-transaction',
    expect: { groupErrors: ['2'], setErrors: ['I6'] },
    why: 'valid upstream for its own guide; an 837P (X222A1) validator rejects the implementation (AK905 2, IK5 R with IK502 I6)',
    note: '837I X223A2',
  },
  {
    path: 'stupidedi/005010-X224A2-HC837D-pass/commercial-health-insurance.edi',
    kind: 'other-transaction',
    expect: { groupErrors: ['2'], setErrors: ['I6'] },
    why: 'valid upstream for its own guide; an 837P (X222A1) validator rejects the implementation (AK905 2, IK5 R with IK502 I6)',
    note: '837D X224A2',
  },
  {
    path: 'stupidedi/005010-X291-HC837-predetermination-pass/ambulance.edi',
    kind: 'other-transaction',
    expect: { groupErrors: ['2'], setErrors: ['I6'] },
    why: 'valid upstream for its own guide; an 837P (X222A1) validator rejects the implementation (AK905 2, IK5 R with IK502 I6)',
    note: 'ST01 837 but X291 predetermination',
  },
  {
    path: 'stupidedi/005010-X221A1-HP835-pass/era-sample.edi',
    kind: 'other-transaction',
    expect: { groupErrors: ['1'] },
    why: 'valid 835; GS01 HP is not HC: rule x12/guide rejects the group (AK905 1)',
  },
  {
    path: 'stupidedi/005010-X279A1-HS270-pass/generic-request-by-clinic-for-patient-(subscriber)-eligibility.edi',
    kind: 'other-transaction',
    expect: { groupErrors: ['1'] },
    why: 'valid 270; GS01 HS is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'stupidedi/005010-X212-HN277-pass/claim-response.edi',
    kind: 'other-transaction',
    expect: { groupErrors: ['1'] },
    why: 'valid 277 (X212 claim status, not a 277CA); GS01 HN is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'stupidedi/005010-X231A1-FA999-pass/response-to-functional-group-containing-3-837s.edi',
    kind: 'ack-999',
    expect: { framing: ['X12_BOM'], groupErrors: ['1'] },
    why: 'valid 999 (UTF-8 BOM, reported and skipped); GS01 FA is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'stupidedi/005010-X230-FA997-pass/response-to-functional-group-containing-837s.edi',
    kind: 'ack-997',
    expect: { framing: ['X12_BOM'], groupErrors: ['1'] },
    why: 'valid 997 (UTF-8 BOM, reported and skipped); GS01 FA is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_valid.txt',
    kind: '837p-caveat',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'HI', code: '8', loopId: '2300', element: 2, elementCode: '7' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. Upstream: 0 errors. Not TR3-valid: SE01 25 vs 34 segments (IK502 4), HI codes in separate elements (HI02 "8901" is not a qualifier: IK403 7), HL ids repeat.',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_valid_different_separators.txt',
    kind: '837p-caveat',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'HI', code: '8', loopId: '2300', element: 2, elementCode: '7' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. Same content as x12_valid with ~ element separator, ^ component, _ terminator: same verdict.',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_no_errors.txt',
    kind: '837p-caveat',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'HI', code: '8', loopId: '2300', element: 2, elementCode: '7' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. Upstream: getErrors() empty. Not TR3-valid: SE01 25 vs 41 (IK502 4), HI composites, HL ids.',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_bad_valid_code.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'NM1', code: '2', loopId: '2000A' }, { segmentId: 'NM1', code: '3', loopId: '2010AA' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: 'NM1*117 instead of NM1*85: upstream "Unable to find a matching segment format in loop 2000A", fatal; pyx12: NM1/N3/N4/REF/PER unrecognised, 2010AA missing',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_segment_errors.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'N3', code: '3', loopId: '2010AA' }, { segmentId: 'REF', code: '5', loopId: '2010AA' }, { segmentId: 'HI', code: '3', loopId: '2300' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: 'upstream: exactly N3 required (2010AA), HI required (2300), REF too many times (2010AA); pyx12 agrees plus the SE count',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_bad_segment_identifier.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: '', code: '1', loopId: '1000A' }, { segmentId: 'PER', code: '3', loopId: '1000A' }, { segmentId: 'Nd4', code: '1', loopId: '2010AA' }, { segmentId: 'N4', code: '3', loopId: '2010AA' }, { segmentId: 'NM31', code: '1', loopId: '2000B' }, { segmentId: 'NM1', code: '3', loopId: '2010BA' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: 'upstream: 6 errors (unmatched segments in 1000A, 2010AA, 2000B; N4 and PER required; 2010BA required); pyx12: IK3 code 1 for the bad ids, code 3 for the missing ones',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_missing_elements.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'NM1', code: '8', loopId: '1000B', element: 2, elementCode: '1' }, { segmentId: 'CLM', code: '8', loopId: '2300', element: 5, elementCode: '1' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. pyx12 loses the CLM05 error from its 999; we report both, as upstream does.',
    note: 'NM102 removed in 1000B, CLM05 composite removed',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_loop_errors1_exceeds_max_1_parent.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'NM1', code: '4', loopId: '2010AA' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: '2010AA repeated under one 2000A',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'NM1', code: '4', loopId: '2010AA' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: '2010AA too many times in one of several 2000A',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_loop_errors3_missing_loops.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'NM1', code: '3', loopId: '2010AA' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: '2010AA missing (its first segment NM1*85 is reported missing, IK304 3)',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_missing_required_loop_in_one_repeat.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'NM1', code: '3', loopId: '2010BA' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: '2010BA missing in the first 2000B only',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_missing_required_loops_mult_repeats.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'LX', code: '3', loopId: '2400' }, { segmentId: 'SV1', code: '2', loopId: '2300' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. pyx12 reports the stray SV1/DTP with IK304 1 (unrecognised); they are known X12 segments out of place, so IK304 2 (unexpected segment).',
    note: '2400 missing in claims #2 and #5 (LX missing twice)',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_segments_out_of_order.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'N4', code: '7', loopId: '2010AA' }, { segmentId: 'N3', code: '7', loopId: '2010AB' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: 'N4 moved after REF in 2010AA; N3 after N4 in 2010AB (upstream: "not in the correct position")',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_bad_first_line.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_ISA_CORRUPT'], ta1: { code: '011', ack: 'R' } },
    note: 'upstream: 1 fatal error "Error getting separators"; ISA02 is 9 characters so the fixed-width ISA cannot be trusted (ISA13 000000905 still legible for the TA1)',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_no_isa_line.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_NOT_ISA'] },
    note: 'upstream: "Error getting separators"; the file starts at GS: no ISA, so no TA1 is possible',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_multiple_gs.txt',
    kind: '837p-structure',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, groupErrors: ['19'], setErrors: ['4'] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. GS06 is 1 in all three groups: AK905 19 (group control number not unique) for the repeats. IEA01 says 1 group for 3 (pyx12: TA1 021); the TA1 carries one note code and the ISA11 defect (016) is seen first.',
    note: 'one ISA, 3 GS, each ST 987654',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_multiple_isa.txt',
    kind: '837p-structure',
    expect: { framing: ['X12_ISA11_INVALID', 'X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4'] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: 'two interchanges in one file (each with ISA11 "U")',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_multiple_st.txt',
    kind: '837p-structure',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['23', '4'] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. both ST02 are 987654: IK502 23 (duplicate transaction set control number), as pyx12.',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_complex.txt',
    kind: '837p-structure',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: 'large multi-claim 837P with COB loops; pyx12: HI composites, N4, OI, REF in 2330',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_ambiguous_loop.txt',
    kind: '837p-structure',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4'] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: 'NM1 in 2420A that could match 2330D/2310B: must resolve to 2420A, not to an error',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_many_claims.txt',
    kind: '837p-structure',
    expect: { framing: ['X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, setErrors: ['4', '5'], segmentErrors: [{ segmentId: 'HI', code: '8', loopId: '2300', element: 2, elementCode: '7' }] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked.',
    note: '820 claims in one ST (330 kB): volume; HI composite errors in every claim',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x223-test.txt',
    kind: 'other-transaction',
    expect: { framing: ['X12_INDENTED', 'X12_ISA11_INVALID'], ta1: { code: '016', ack: 'E' }, groupErrors: ['2'], setErrors: ['I6'] },
    why: 'ISA11 is "U" (the 4010 standards id) under ISA12 00501: TA1 016 is noted with E, not R, because the other delimiters are sound and the tokenizer reads the data without a repetition separator (X12_ISA11_INVALID, not fatal); imsweb ignores ISA11. If the TA1 were R no 999 would be produced and the upstream set-level expectations could not be checked. 837I (005010X223A2): not the X222A1 guide.',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_999_accepted.txt',
    kind: 'ack-999',
    expect: { ta1: { code: '001', ack: 'E' }, groupErrors: ['1'] },
    why: '999; GS01 FA is not HC: x12/guide (AK905 1). Its IEA02 000000001 ≠ ISA13 000000286 (the corpus caveat) is an envelope error: TA1 001, noted (E).',
  },
  {
    path: 'imsweb-x12-parser/837_5010/x12_999_rejected.txt',
    kind: 'ack-999',
    expect: { groupErrors: ['1'] },
    why: '999 (eMedNY sample, component separator |); GS01 FA is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'imsweb-x12-parser/277_5010/x12_277CA_accepted.txt',
    kind: 'ack-277ca',
    expect: { groupErrors: ['1'] },
    why: '277CA; GS01 HN is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'imsweb-x12-parser/277_5010/x12_277CA_rejected.txt',
    kind: 'ack-277ca',
    expect: { groupErrors: ['1'] },
    why: '277CA (component separator |); GS01 HN is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'imsweb-x12-parser/x270_271/x270.txt',
    kind: 'other-transaction',
    expect: { ta1: { code: '003', ack: 'E' }, groupErrors: ['1'] },
    why: '4010 270 (ISA12 00401: TA1 003 E); GS01 HS is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'linuxforhealth-x12/837_005010X222A2/demo.example1.837',
    kind: '837p-valid',
    expect: { clean: true },
    alsoAcceptGuide: '005010X222A2',
    why: 'GS08/ST03 is 005010X222A2 (an erratum version HIPAA did not adopt): by default rejected as x12/guide (AK905 2); here read with the X222A1 map on purpose (alsoAcceptGuide), so these TR3 examples still test the content checks.',
  },
  {
    path: 'linuxforhealth-x12/837_005010X222A2/demo.example2.837',
    kind: '837p-valid',
    expect: { clean: true },
    alsoAcceptGuide: '005010X222A2',
    why: 'GS08/ST03 is 005010X222A2 (an erratum version HIPAA did not adopt): by default rejected as x12/guide (AK905 2); here read with the X222A1 map on purpose (alsoAcceptGuide), so these TR3 examples still test the content checks.',
  },
  {
    path: 'linuxforhealth-x12/837_005010X222A2/demo.autoaccident.837',
    kind: '837p-valid',
    expect: { clean: true },
    alsoAcceptGuide: '005010X222A2',
    why: 'GS08/ST03 is 005010X222A2 (an erratum version HIPAA did not adopt): by default rejected as x12/guide (AK905 2); here read with the X222A1 map on purpose (alsoAcceptGuide), so these TR3 examples still test the content checks.',
  },
  {
    path: 'linuxforhealth-x12/837_005010X222A2/demo.drug.example10.1.837',
    kind: '837p-valid',
    expect: { clean: true },
    alsoAcceptGuide: '005010X222A2',
    why: 'GS08/ST03 is 005010X222A2 (an erratum version HIPAA did not adopt): by default rejected as x12/guide (AK905 2); here read with the X222A1 map on purpose (alsoAcceptGuide), so these TR3 examples still test the content checks.',
  },
  {
    path: 'linuxforhealth-x12/837_005010X222A2/demo.ambulance.example5.837',
    kind: '837p-caveat',
    expect: { setErrors: ['5'], segmentErrors: [{ segmentId: 'CLM', code: '8', loopId: '2300', element: 5, elementCode: '1' }] },
    alsoAcceptGuide: '005010X222A2',
    why: 'GS08/ST03 is 005010X222A2 (an erratum version HIPAA did not adopt): by default rejected as x12/guide (AK905 2); here read with the X222A1 map on purpose (alsoAcceptGuide), so these TR3 examples still test the content checks. LinuxForHealth accepts it, but CLM05-2 (facility code qualifier B) is missing in "41::1" (IK401 5-2, IK403 1); pyx12 rejects it too.',
  },
  {
    path: 'linuxforhealth-x12/837_005010X222A2/demo.cob.2ndary.example4.837',
    kind: '837p-caveat',
    expect: { setErrors: ['5'], segmentErrors: [{ segmentId: 'CLM', code: '8', loopId: '2300', element: 5 }, { segmentId: 'HI', code: '8', loopId: '2300', element: 1, elementCode: '7' }, { segmentId: 'SV1', code: '8', loopId: '2400', element: 1, elementCode: '7' }] },
    alsoAcceptGuide: '005010X222A2',
    why: 'GS08/ST03 is 005010X222A2 (an erratum version HIPAA did not adopt): by default rejected as x12/guide (AK905 2); here read with the X222A1 map on purpose (alsoAcceptGuide), so these TR3 examples still test the content checks. LinuxForHealth accepts it, but the composites use ">" while ISA16 is ":" (component separator mismatch): "11>B>1", "BK>7215" and "HC>98940" are single, invalid values; pyx12 rejects it too.',
  },
  {
    path: 'linuxforhealth-x12/837_005010X223A3/institutional-claim.837i',
    kind: 'other-transaction',
    expect: { groupErrors: ['2'], setErrors: ['I6'] },
    why: 'valid 837I (X223A3); not the X222A1 guide',
  },
  {
    path: 'linuxforhealth-x12/835_005010X221A1/managed-care.835',
    kind: 'other-transaction',
    expect: { groupErrors: ['1'] },
    why: '835; GS01 HP is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'linuxforhealth-x12/837_004010X098A1/patient-is-subscriber.837',
    kind: 'other-transaction',
    expect: { groupErrors: ['2'] },
    why: '4010 837P content (GS08 004010X098A1) under ISA12 00501: the envelope is fine (no TA1 error), the group version is not supported (AK905 2)',
  },
  {
    path: 'staedi/x12/sample837-original.edi',
    kind: '837p-structure',
    expect: { framing: ['X12_INDENTED'], ta1: { code: '010', ack: 'R' } },
    why: 'ISA01 is "01": the HIPAA envelope allows only 00 or 03, so the interchange is rejected (TA1 R 010) before its other defects (ISA12 00402, GS08 005010X222 without A1) are reached; no 999. The newline terminator, ` repetition and > component separators and indentation are read fine (pyx12 refuses the file).',
  },
  {
    path: 'staedi/x12/sample837-small.edi',
    kind: '837p-structure',
    expect: { ta1: { code: '010', ack: 'R' } },
    why: 'same envelope as sample837-original: ISA01 "01" (TA1 R 010), so no 999',
  },
  {
    path: 'staedi/x12/837-header-ref-only.edi',
    kind: '837p-broken',
    expect: { setErrors: ['5'], segmentErrors: [{ segmentId: 'HL', code: '3', loopId: '2000A' }] },
    note: 'ST/BHT/REF*BB/SE only (BHT01 DATA): upstream REF04-02 missing, REF not used, HL mandatory missing; pyx12: BHT/REF unrecognised, header and 2000A missing',
  },
  {
    path: 'staedi/x12/simple999.edi',
    kind: 'ack-999',
    expect: { groupErrors: ['1'] },
    why: 'valid 999; GS01 FA is not HC: x12/guide (AK905 1)',
  },
  {
    path: 'staedi/x12/invalid999.edi',
    kind: 'ack-999',
    expect: { groupErrors: ['1'] },
    why: '999 with deliberate 999-level defects; we stop at GS01 FA (x12/guide, AK905 1) and do not validate 999 content',
  },
  {
    path: 'pyx12/test-files-2012/simple_837p.txt',
    kind: 'other-transaction',
    expect: { ta1: { code: '003', ack: 'E' }, groupErrors: ['2'] },
    why: '4010 837P: ISA12 00401 (TA1 003 E), GS08 004010X098A1 (AK905 2); pyx12 (4010 map) accepts it',
  },
  {
    path: 'pyx12/test-files-2012/loop_counting.txt',
    kind: 'other-transaction',
    expect: { ta1: { code: '003', ack: 'E' }, groupErrors: ['2'] },
    why: '4010 837P with >50 service lines: we stop at the version (TA1 003 E, AK905 2), so the 2400 loop-count errors pyx12 reports are not reached',
  },
  {
    path: 'pyx12/test-files-2012/simple_837p.997.base',
    kind: 'ack-997',
    expect: { ta1: { code: '003', ack: 'E' }, groupErrors: ['1'] },
    why: 'pyx12\'s expected 4010 997: ISA12 00401 (TA1 003 E); GS01 FA is not HC (AK905 1)',
  },
  {
    path: 'pyx12/test-files-2012/loop_counting.997.base',
    kind: 'ack-997',
    expect: { ta1: { code: '003', ack: 'E' }, groupErrors: ['1'] },
    why: 'pyx12\'s expected 4010 997: ISA12 00401 (TA1 003 E); GS01 FA is not HC (AK905 1)',
  },
  {
    path: 'oopfactory-x12parser/INS/_837P/_5010/MissingEntityCode.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_BOM', 'X12_INDENTED'], setErrors: ['5'], segmentErrors: [{ segmentId: 'BHT', code: '8', element: 1, elementCode: '7' }, { segmentId: 'NM1', code: '8', element: 1, elementCode: '1' }] },
    why: 'OopFactory only parses it; the de-identified content is invalid: BHT01 9999, CLM05-2 X, SV101-1 XX, 2310 NM1 with empty NM101, HI missing',
    note: 'UTF-8 BOM, pretty-printed (blank lines, indentation)',
    shared: true,
  },
  {
    path: 'oopfactory-x12parser/INS/_837P/_5010/ST1309-XX.txt',
    kind: '837p-structure',
    expect: { framing: ['X12_BOM', 'X12_INDENTED', 'X12_UNTERMINATED_SEGMENT'], clean: true },
    why: 'CR is the terminator (ISA offset 105), LF and indentation are skipped, the last segment (IEA) has no terminator: framing warnings only; after de-indenting pyx12 accepts it (999 A)',
    shared: true,
  },
  {
    path: 'oopfactory-x12parser/INS/_837P/_5010/UnicodeExample.txt',
    kind: '837p-broken',
    expect: { framing: ['X12_UTF16'] },
    why: 'UTF-16LE without BOM (and truncated): rejected before any ISA is read, so no TA1 is possible',
    shared: true,
  },
  {
    path: 'oopfactory-x12parser/INS/_277/_5010/FromBogeyone.txt',
    kind: 'ack-277ca',
    expect: { framing: ['X12_BOM', 'X12_INDENTED'], ta1: { code: '023', ack: 'R' } },
    why: '277CA; the file ends after HL*2*1*21*1 (no SE, GE or IEA), so the interchange is truncated: TA1 R 023 and no 999 (OopFactory only parses it)',
    shared: true,
  },
  {
    path: 'oopfactory-x12parser/Acknowledgments/_999/DHS_Wisconsin_Sample.txt',
    kind: 'ack-999',
    expect: { framing: ['X12_BOM', 'X12_INDENTED'], groupErrors: ['1'] },
    why: '999 for a 4010 837P group; GS01 FA is not HC: x12/guide (AK905 1)',
    shared: true,
  },
];

/** test/corpus/ in this repository. */
export const CORPUS_DIR = fileURLToPath(new URL('./', import.meta.url));
/** ../shared/corpus/ next to the repository root (CDDL files; absent on a fresh clone). */
export const SHARED_CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Absolute path of an entry's file, or null when it is a shared file and ../shared is absent. */
export function corpusFile(entry: Pick<CorpusExpectation, 'path' | 'shared'>): string | null {
  const file = join(entry.shared === true ? SHARED_CORPUS_DIR : CORPUS_DIR, ...entry.path.split('/'));
  if (entry.shared === true && !existsSync(file)) return null;
  return file;
}
