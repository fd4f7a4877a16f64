import { describe, expect, it } from 'vitest';
import type { AckContext } from '../../lib/ack/envelope-writer.ts';
import { freeText } from '../../lib/ack/stc.ts';
import { create277caWriter, type Ack277Options } from '../../lib/ack/write-277ca.ts';
import { NO_POSITION, type Finding, type Severity } from '../../lib/findings.ts';
import type { Claim } from '../../lib/model/claim.ts';
import { viewClaim, type ServiceLineView } from '../../lib/model/claim-view.ts';
import type { ClaimOutcome, GradedFinding, InboundEnvelope, SetEnd } from '../../lib/rules/claim-outcome.ts';
import { defineRule, type Ack277, type Rule } from '../../lib/rules/define-rule.ts';
import { DEFAULT_DELIMITERS, type Delimiters } from '../../lib/x12/delimiters.ts';
import type { SegmentError } from '../../lib/x12/results.ts';
import { A1, all, insertAfter, replace, setText } from '../helpers/appendix.ts';
import { validate } from '../helpers/x12-snippet.ts';
import { context, segmentError } from './fixtures.ts';
import { compareGolden, expectGolden, readBackEnvelope } from './golden.ts';

// The 277CA goldens live next to the 999 ones: test/golden/277ca/ (rewrite with UPDATE_GOLDEN=1).
const golden = (name: string, text: string): void => expectGolden(`../277ca/${name}`, text);

/** The ISA and GS the snippet helper wraps Appendix A.1 in (ISA13 000000101, GS06 101). */
const A1_ENVELOPE: InboundEnvelope = {
  isa: 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *250115*1030*^*00501*000000101*1*T*:'.split('*'),
  gs: ['GS', 'HC', 'SUBMITTER01', 'RECEIVER01', '20250115', '1030', '101', 'X', '005010X222A1'],
  delimiters: DEFAULT_DELIMITERS,
};

/** Brief §5.6: the 277CA written 2025-01-16 08:00 UTC, interchange and group 601, set 1. */
const ctx = (): AckContext => context('2025-01-16T08:00:00Z', 601, 601, 1);

const setEnd = (ack: SetEnd['ack'] = 'A', st02 = '0001'): SetEnd => ({ isa13: '000000101', gs06: '101', st02, ack });

/** The claims of one SNIP-clean 837 set. */
function claimsOf(text: string): Claim[] {
  const run = validate(text);
  expect(run.errors).toEqual([]);
  return [...run.claimList];
}

function stubRule(id: string, ack: Ack277): Rule {
  return defineRule({ id, level: 5, defaultSeverity: 'error', ack, source: 'test', description: 'test rule', howToFix: 'test', check: () => [] });
}

const BALANCE = stubRule('claim/balance', { category: 'A7', status: '400' });
const PROCEDURE = stubRule('code/procedure', { category: 'A7', status: '454' });
const MODIFIER = stubRule('code/modifier', { category: 'A7', status: '453' });
const BILLING = stubRule('pm/billing-guideline', { category: 'A8', status: '732' });

interface FindingSpec {
  readonly message: string;
  readonly line?: ServiceLineView;
  readonly severity?: Severity;
  readonly ack?: Ack277;
}

function finding(rule: Rule, claim: Claim, spec: FindingSpec): GradedFinding {
  const view = viewClaim(claim);
  const segment = spec.line?.sv1 ?? view.clm;
  const severity = spec.severity ?? 'error';
  return {
    rule,
    severity,
    finding: { message: spec.message, segment, element: null, line: spec.line ?? null, ...(spec.ack === undefined ? {} : { ack: spec.ack }) },
    reported: {
      rule: rule.id,
      severity,
      message: spec.message,
      line: spec.line?.lx ?? null,
      segment: segment.id,
      element: null,
      position: { segmentIndex: segment.setIndex, byteOffset: segment.byteOffset, fileSegmentIndex: segment.fileIndex, loop: segment.loopId },
      ack: null,
      source: 'test',
    },
  };
}

function outcome(claim: Claim, findings: readonly GradedFinding[] = [], more: { envelope?: InboundEnvelope; snipErrors?: readonly SegmentError[] } = {}): ClaimOutcome {
  const snipErrors = more.snipErrors ?? [];
  const rejected = snipErrors.length > 0 || findings.some((f) => f.severity === 'error');
  const status = rejected ? 'rejected' : 'accepted';
  return {
    view: viewClaim(claim),
    envelope: more.envelope ?? A1_ENVELOPE,
    status,
    snipErrors,
    findings,
    report: { id: claim.id, transaction: claim.transaction, status, chargeCents: claim.chargeCents, serviceLines: claim.lines.length, findings: findings.map((f) => f.reported) },
    inCorrected: !rejected,
    fixes: [],
  };
}

/** Feeds sets through a writer the way the pipeline does; checks claim() writes nothing. */
function write(sets: readonly { readonly claims: readonly ClaimOutcome[]; readonly end: SetEnd }[], options: Ack277Options = {}): string {
  const writer = create277caWriter(ctx(), options);
  let text = '';
  for (const set of sets) {
    for (const claim of set.claims) expect(writer.claim(claim)).toBe('');
    text += writer.setEnd(set.end);
  }
  return text + writer.end();
}

/** Writes, reads the output back (SE01, GE01, IEA01 and control numbers) and returns it. */
function written(sets: Parameters<typeof write>[0], options?: Ack277Options): string {
  const text = write(sets, options);
  readBackEnvelope(text);
  return text;
}

const segmentsOf = (text: string): string[] => text.split('~').filter((s) => s !== '');

/** Appendix A.1 with PCN-0002's second line rejected for its procedure code (brief §5.6). */
function lineRejected(): ClaimOutcome[] {
  const [first, second] = claimsOf(setText(A1));
  const line = viewClaim(second!).lines[1]!;
  return [outcome(first!), outcome(second!, [finding(PROCEDURE, second!, { message: 'Line 2 procedure code 99999 is not valid for the date of service', line })])];
}

describe('create277caWriter', () => {
  it('accepts every claim of an accepted set: A2:20 per claim, receipt and totals at 2200B', () => {
    const claims = claimsOf(setText(A1)).map((c) => outcome(c));
    const text = written([{ claims, end: setEnd() }]);
    expect(text).toContain('GS*HN*RECEIVER01*SUBMITTER01*20250116*0800*601*X*005010X214~ST*277*0001*005010X214~');
    expect(text).toContain('BHT*0085*08*CC0000001010000001010001*20250116*0800*TH~HL*1**20*1~NM1*AY*2*EXAMPLE HEALTH PLAN*****46*RECEIVER01~');
    expect(text).toContain('TRN*2*BATCH0001~STC*A1:19:AY*20250116*WQ*425~QTY*90*2~AMT*YU*425~HL*3*2*19*1~');
    // A dependent: the patient's name (2010CA) with the member id submitted in 2010BA.
    expect(text).toContain('HL*5*3*PT~NM1*QC*1*ROE*TIMMY****MI*MEM777888~TRN*2*PCN-0002~STC*A2:20*20250116*WQ*275~DTP*472*D8*20250112~');
    expect(text).not.toContain('QTY*AA');
    expect(text).not.toContain('SVC');
    golden('all-accepted.277ca', text);
  });

  it('rejects a claim at claim level with the rule code, the amount and the message in STC12', () => {
    const [first, second] = claimsOf(setText(A1));
    const balance = finding(BALANCE, first!, { message: 'CLM02 total charge $150.00 does not equal the sum of the service line charges (SV102) $140.00' });
    const text = written([{ claims: [outcome(first!, [balance]), outcome(second!)], end: setEnd() }]);
    expect(text).toContain('STC*A7:400*20250116*U*150********CLM02 total charge $150.00 does not equal the sum of the service line charges (SV102) $140.00~DTP*472*D8*20250110~HL*5');
    expect(text).toContain('QTY*90*1~QTY*AA*1~AMT*YU*275~AMT*YY*150~');
    golden('claim-rejected.277ca', text);
  });

  it('adds a 2220D loop for the line that caused the rejection (brief §5.6)', () => {
    const text = written([{ claims: lineRejected(), end: setEnd() }]);
    expect(text).toContain(
      'STC*A7:454*20250116*U*275********Line 2 procedure code 99999 is not valid for the date of service~DTP*472*D8*20250112~' +
        'SVC*HC:99999*100*****1~STC*A7:454**U~REF*FJ*L0002-2~DTP*472*D8*20250112~SE*',
    );
    expect(text.match(/SVC\*/g)).toHaveLength(1);
    golden('line-rejected.277ca', text);
  });

  it('writes the pyx12 form when asked: 2200C TRN/STC per provider and the date in the 2220D STC02', () => {
    const text = written([{ claims: lineRejected(), end: setEnd() }], { providerLevelStatus: true, lineStatusDate: true });
    expect(text).toContain('HL*3*2*19*1~NM1*85*2*SUNRISE FAMILY PRACTICE*****XX*1234567893~TRN*1*1~STC*A1:19:AY**WQ*425~HL*4*3*PT~');
    expect(text).toContain('SVC*HC:99999*100*****1~STC*A7:454*20250116*U~');
    golden('pyx12-options.277ca', text);
  });

  it('lists up to three distinct error codes (STC01, STC10, STC11) and ignores warnings', () => {
    const [claim] = claimsOf(setText(A1));
    const [line1, line2] = viewClaim(claim!).lines;
    const findings = [
      finding(BILLING, claim!, { message: 'a warning first: it must not decide the status', severity: 'warning' }),
      finding(PROCEDURE, claim!, { message: 'Line 1 procedure code 99213 is not covered', line: line1! }),
      finding(MODIFIER, claim!, { message: 'Line 1 modifier 59 is not valid with 99213', line: line1! }),
      finding(PROCEDURE, claim!, { message: 'Line 2 procedure code 87880 is not covered', line: line2! }),
      finding(BALANCE, claim!, { message: 'out of balance' }),
      finding(BILLING, claim!, { message: 'a fourth distinct code: no room left', ack: { category: 'A8', status: '562', entity: '85' } }),
    ];
    const text = written([{ claims: [outcome(claim!, findings)], end: setEnd() }]);
    expect(text).toContain('STC*A7:454*20250116*U*150******A7:453*A7:400*Line 1 procedure code 99213 is not covered~');
    expect(text).toContain('SVC*HC:99213*100*****1~STC*A7:454**U*******A7:453~REF*FJ*L0001-1~DTP*472*D8*20250110~');
    expect(text).toContain('SVC*HC:87880*50*****1~STC*A7:454**U~REF*FJ*L0001-2~');
    expect(text).not.toContain('562');
    golden('several-codes.277ca', text);
  });

  it('writes one 2000C per 837 billing provider, with REF*D9 and an RD8 service period', () => {
    // Edited bottom-up so every line number is an Appendix A.1 set position.
    const lines = all(
      replace(47, 'DTP*472*D8*20250114'),
      replace(33, 'HL*5*4*23*0'),
      insertAfter(29, 'NM1*85*1*REED*IVAN*B**MD*XX*1245319599', 'N3*1 RIVER ROAD', 'N4*SPRINGFIELD*IL*627011234', 'REF*EI*987654321', 'HL*4*3*22*1'),
      replace(29, 'HL*3**20*1'),
      insertAfter(19, 'REF*D9*CH-TRACE-1'),
    )(A1);
    const text = written([{ claims: claimsOf(setText(lines)).map((c) => outcome(c)), end: setEnd() }]);
    expect(segmentsOf(text).filter((s) => s.startsWith('HL*'))).toEqual(['HL*1**20*1', 'HL*2*1*21*1', 'HL*3*2*19*1', 'HL*4*3*PT', 'HL*5*2*19*1', 'HL*6*5*PT']);
    expect(text).toContain('TRN*2*PCN-0001~STC*A2:20*20250116*WQ*150~REF*D9*CH-TRACE-1~DTP*472*D8*20250110~');
    expect(text).toContain('HL*5*2*19*1~NM1*85*1*REED*IVAN*B**MD*XX*1245319599~HL*6*5*PT~');
    expect(text).toContain('DTP*472*RD8*20250112-20250114~');
    golden('two-providers.277ca', text);
  });

  it('writes no 277CA set for an 837 set the 999 rejected, and nothing at all when every set was rejected', () => {
    const [first, second] = claimsOf(setText(A1)).map((c) => outcome(c));
    const text = written([
      { claims: [first!], end: setEnd('A', '0001') },
      { claims: [second!], end: setEnd('R', '0002') },
      { claims: [first!, second!], end: setEnd('E', '0003') },
    ]);
    expect(segmentsOf(text).filter((s) => s.startsWith('ST*'))).toEqual(['ST*277*0001*005010X214', 'ST*277*0002*005010X214']);
    expect(text).toContain('BHT*0085*08*CC0000001010000001010001*');
    expect(text).toContain('BHT*0085*08*CC0000001010000001010003*');
    expect(text).toMatch(/GE\*2\*601~IEA\*1\*000000601~$/);
    golden('two-sets-one-rejected.277ca', text);

    expect(write([{ claims: [first!], end: setEnd('R') }])).toBe('');
  });

  it('answers in the inbound delimiters and keeps them out of the STC12 text', () => {
    const pipes: Delimiters = { element: '|', component: '>', repetition: '^', segment: '!' };
    const isa = 'ISA|00|          |00|          |ZZ|SUBMITTER01    |ZZ|RECEIVER01     |250115|1030|^|00501|000000101|1|T|>!';
    const gs = 'GS|HC|SUBMITTER01|RECEIVER01|20250115|1030|101|X|005010X222A1!';
    const body = setText(A1).replaceAll('*', '|').replaceAll(':', '>').replaceAll('~', '!');
    const [claim] = claimsOf(isa + gs + body);
    const envelope: InboundEnvelope = { isa: isa.slice(0, -1).split('|'), gs: gs.slice(0, -1).split('|'), delimiters: pipes };
    const message = 'CLM02 | SV102: total ≠ sum! see “balancing” — café';
    const text = write([{ claims: [outcome(claim!, [finding(BALANCE, claim!, { message })], { envelope })], end: setEnd() }]);
    expect(text.startsWith('ISA|00|')).toBe(true);
    expect(text).toContain('ST|277|0001|005010X214!');
    expect(text).toContain('STC|A7>400|20250116|U|150||||||||CLM02 SV102: total not equal to sum see "balancing" - cafe!');
    expect(text).toContain('STC|A1>19>AY|20250116|WQ|150!');
  });

  it('reports a claim with only warnings as accepted (RFI 2203: no "accepted with warnings")', () => {
    const [claim] = claimsOf(setText(A1));
    const warning = finding(BALANCE, claim!, { message: 'just a warning', severity: 'warning' });
    const text = written([{ claims: [outcome(claim!, [warning])], end: setEnd() }]);
    expect(text).toContain('STC*A2:20*20250116*WQ*150~');
    expect(text).not.toContain('just a warning');
  });

  it('answers a claim rejected only by SNIP 1–2 errors (a set accepted with errors) with A3:21 and 684', () => {
    const [claim] = claimsOf(setText(A1));
    const snip = segmentError({ segmentId: 'CLM', setIndex: 19, code: '8', message: 'CLM05-1 place of service 99 is not a valid code' });
    const rejected = outcome(claim!, [], { snipErrors: [snip] });
    const reported: Finding = { rule: 'x12/syntax', severity: 'error', message: snip.message, line: null, segment: 'CLM', element: 'CLM05-1', position: NO_POSITION, ack: null, source: 'test' };
    const withMessage: ClaimOutcome = { ...rejected, report: { ...rejected.report, findings: [reported] } };
    const text = written([{ claims: [withMessage], end: setEnd('E') }]);
    expect(text).toContain('STC*A3:21*20250116*U*150******A3:684**CLM05-1 place of service 99 is not a valid code~');
  });

  it('opens a new interchange when the inbound partners change', () => {
    const [first, second] = claimsOf(setText(A1));
    const other: InboundEnvelope = { ...A1_ENVELOPE, isa: A1_ENVELOPE.isa.map((v, i) => (i === 6 ? 'OTHERSENDER    ' : v)) };
    const text = written([
      { claims: [outcome(first!)], end: setEnd() },
      { claims: [outcome(second!, [], { envelope: other })], end: setEnd('A', '0002') },
    ]);
    const envelopes = segmentsOf(text).filter((s) => /^(ISA|GS|GE|IEA)\*/.test(s));
    expect(envelopes.map((s) => s.slice(0, 3))).toEqual(['ISA', 'GS*', 'GE*', 'IEA', 'ISA', 'GS*', 'GE*', 'IEA']);
    expect(envelopes[4]).toContain('*ZZ*OTHERSENDER    *');
    expect(envelopes[5]).toBe('GS*HN*RECEIVER01*SUBMITTER01*20250116*0800*602*X*005010X214');
  });

  it('writes the same bytes for the same input, clock and start numbers', () => {
    expect(write([{ claims: lineRejected(), end: setEnd() }])).toBe(write([{ claims: lineRejected(), end: setEnd() }]));
  });

  it('fails the golden comparison on any difference', () => {
    const text = write([{ claims: lineRejected(), end: setEnd() }]);
    expect(() => compareGolden('../277ca/line-rejected.277ca', text.replace('A7:454', 'A7:453'))).toThrow();
  });
});

describe('freeText', () => {
  it('cuts at 264 characters without a trailing space', () => {
    expect(freeText(`${'x'.repeat(263)} yz`, DEFAULT_DELIMITERS)).toBe('x'.repeat(263));
    expect(freeText('a~b*c:d^e\nf', DEFAULT_DELIMITERS)).toBe('a b c d e f');
  });
});
