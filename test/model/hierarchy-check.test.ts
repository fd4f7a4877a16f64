import { describe, expect, it } from 'vitest';
import { A1, all, drop, replace, setText, type Edit } from '../helpers/appendix.ts';
import { summary, validate } from '../helpers/x12-snippet.ts';

const run = (edit: Edit) => validate(setText(edit(A1)));

describe('HL chain, LX sequence and subscriber/patient situations (brief §3.1)', () => {
  it('accepts Appendix A.1', () => {
    expect(summary(run((l) => [...l]))).toEqual([]);
  });

  it.each<[string, Edit, string[]]>([
    // H1
    ['H1 HL01 skips a number', replace(33, 'HL*5*3*23*0'), ['HL@33 2000C 8 [1:I12]']],
    ['H1 HL01 repeats a number', replace(33, 'HL*3*3*23*0'), ['HL@33 2000C 8 [1:I12]']],
    // H2
    ['H2 2000C points to the 2000A', replace(33, 'HL*4*1*23*0'), ['HL@33 2000C 8 [2:I12]']],
    ['H2 2000B points to an HL that does not exist', replace(12, 'HL*2*7*22*0'), ['HL@12 2000B 8 [2:I12]']],
    ['H2 2000B without a parent', replace(12, 'HL*2**22*0'), ['HL@12 2000B 8 [2:1]']],
    ['H2 2000A with a parent (HL02 not used: I10 wins over I12)', replace(6, 'HL*1*1*20*1'), ['HL@6 2000A 8 [2:I10]']],
    // H3: judged when the first child HL starts or the loop ends
    ['H3 2000B says a child follows, none does', replace(12, 'HL*2*1*22*1'), ['HL@12 2000B 8 [4:I12]']],
    ['H3 2000B says no child follows, a 2000C does', replace(29, 'HL*3*1*22*0'), ['HL@29 2000B 8 [4:I12]']],
    ['H3 2000A HL04 0 (code list 7 wins over I12)', replace(6, 'HL*1**20*0'), ['HL@6 2000A 8 [4:7]']],
    ['H3 2000C HL04 1 (code list 7 wins over I12)', replace(33, 'HL*4*3*23*1'), ['HL@33 2000C 8 [4:7]']],
    ['H3 error merged with the HL\'s own element error', replace(12, 'HL*2*1*22*1*X'), ['HL@12 2000B 8 [4:I12,5:3]']],
    // L2
    ['L2 LX01 skips a number', replace(25, 'LX*3'), ['LX@25 2400 8 [1:I12]']],
    ['L2 LX01 does not restart in the next claim', all(replace(41, 'LX*3'), replace(45, 'LX*4')), ['LX@41 2400 8 [1:I12]']],
    ['L2 LX01 not a number (the syntax error only)', replace(25, 'LX*B'), ['LX@25 2400 8 [1:6]']],
    // S1: SBR02 = 18 makes 2010BA N3/N4/DMG required (I6, seen where 2010BA ends)
    ['S1 subscriber is patient without N3', drop(15), ['N3@17 2010BA I6']],
    ['S1 subscriber is patient without N3, N4, DMG', drop(15, 17), ['N3@15 2010BA I6', 'N4@15 2010BA I6', 'DMG@15 2010BA I6']],
    ['S1 a 2000C under a subscriber who is the patient', replace(30, 'SBR*P*18*******CI'), ['N3@32 2010BA I6', 'N4@32 2010BA I6', 'DMG@32 2010BA I6', 'HL@33 2000C I9']],
    // S2: the map's 2000C PAT01 codes leave 18 out
    ['S2 PAT01 = 18 in 2000C', replace(34, 'PAT*18'), ['PAT@34 2000C 8 [1:7]']],
  ])('%s', (_name, edit, expected) => {
    expect(summary(run(edit))).toEqual(expected);
  });

  it('points situational errors at SBR02 (CTX situational trigger)', () => {
    const [e] = run(drop(15)).errors;
    expect(e).toMatchObject({ segmentId: 'N3', setIndex: 17, loopId: '2010BA', code: 'I6', claimId: null });
    expect(e?.trigger).toEqual({ segmentId: 'SBR', setIndex: 13, loopId: '2000B', element: 2, dataElementRef: '1069' });
  });

  it('explains HL errors in plain words', () => {
    const [e] = run(replace(33, 'HL*4*1*23*0')).errors;
    expect(e?.elementErrors).toEqual([{ element: 2, dataElementRef: '734', code: 'I12', value: '1', message: "HL02 (parent id) '1' should be '3', the HL01 of the enclosing 2000B" }]);
  });
});
