import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../lib/ack/html.ts';
import { createHtmlReportWriter, type HtmlReportTotals } from '../../lib/ack/write-report-html.ts';
import type { Finding } from '../../lib/findings.ts';
import type { ServiceLineView } from '../../lib/model/claim-view.ts';
import type { CodeTables } from '../../lib/ports.ts';
import type { ClaimOutcome, SetEnd } from '../../lib/rules/claim-outcome.ts';
import { defineRule, type Rule } from '../../lib/rules/define-rule.ts';
import { createRuleEngine } from '../../lib/rules/engine.ts';
import { snipReport } from '../../lib/validate-stream.ts';
import { DEFAULT_DELIMITERS } from '../../lib/x12/delimiters.ts';
import { painClaim, type ClaimSpec } from '../helpers/pain-claim.ts';
import { historyOf, shippedTables } from '../helpers/rule-tester.ts';

/*
 * The claims come from the real 837P reader and rule engine; the rules are stand-ins written
 * here (the real ones are tested on their own), so the page's golden file changes only when
 * the writer does. Rewrite it after an intended change with
 *   UPDATE_GOLDEN=1 npx vitest run test/ack/write-report-html.test.ts
 * and look at the diff (and at the page in a browser) before committing.
 */

const GOLDEN = new URL('../golden/html/', import.meta.url);

function expectGoldenHtml(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(new URL(name, GOLDEN), actual, 'latin1');
  expect(actual).toBe(readFileSync(new URL(name, GOLDEN), 'latin1'));
}

const byLine = (view: { lines: readonly ServiceLineView[] }, code: string): ServiceLineView[] => view.lines.filter((l) => l.code === code);

const laterality = defineRule({
  id: 'pm/laterality', level: 7, defaultSeverity: 'error', ack: { category: 'A7', status: '453' },
  source: 'pain-coding-rules §3 (LT/RT/50)',
  description: 'A sided procedure needs LT, RT or 50.',
  howToFix: 'Add RT or LT for the side treated, or 50 on one line with one unit when both sides were treated.',
  check: (view) => byLine(view, '64493').filter((l) => !l.modifiers.some((m) => m === 'LT' || m === 'RT' || m === '50'))
    .map((l) => ({ message: `64493 (lumbar facet injection) on line ${l.lx} has no LT, RT or 50: the payer cannot tell which side was treated`, segment: l.sv1, element: 'SV101-3', line: l })),
});

const imagingIncluded = defineRule({
  id: 'pm/imaging-included', level: 7, defaultSeverity: 'error', ack: { category: 'A7', status: '454' },
  source: 'pain-coding-rules §1.8, C16 (CPT: imaging inherent)',
  description: 'Separate fluoroscopic guidance billed with a code that includes it.',
  howToFix: 'Remove the 77003 line: fluoroscopic guidance is part of the epidural injection code.',
  check: (view) => (byLine(view, '64483').length === 0 ? [] : byLine(view, '77003'))
    .map((l) => ({ message: `77003 (fluoroscopic guidance) on line ${l.lx} is included in 64483 on the same date`, segment: l.sv1, element: 'SV101-2', line: l, fix: { kind: 'drop-line' as const, line: l.lx ?? 0, reason: `line ${l.lx} 77003 dropped (imaging included in 64483); CLM02 reduced by its charge` } })),
});

const decimalDiagnosis = defineRule({
  id: 'code/diagnosis', level: 5, defaultSeverity: 'error', ack: { category: 'A7', status: '255' },
  source: '005010X222A1 HI (codes without decimal point)',
  description: 'ICD-10-CM codes are sent without their decimal point.',
  howToFix: 'Send the diagnosis code without the decimal point.',
  check: (view) => view.diagnoses.filter((d) => d.code.includes('.'))
    .map((d) => ({ message: `${d.code} is sent with a decimal point`, segment: d.segment, element: `HI0${d.element}-2`, line: null, severity: 'warning' as const,
      fix: { kind: 'replace' as const, segment: d.segment, element: d.element, component: 2, value: d.code.replace('.', ''), reason: `HI0${d.element}-2 ${d.code} sent as ${d.code.replace('.', '')}` } })),
});

/** A rule whose message names the patient: the writer must withhold those values. */
const chattyHistory = defineRule({
  id: 'pm/frequency', level: 7, defaultSeverity: 'warning', ack: { category: 'A7', status: '732' },
  source: 'pain-coding-rules §6',
  description: 'Frequency of sessions in the window.',
  howToFix: 'Check the patient\'s earlier sessions before scheduling another.',
  check: (view) => (view.id === 'FRSP-REJ-02' ? [{ message: `member ${view.memberId} (born ${view.birthDate ?? '?'}) has had 3 lumbar ESI sessions in 12 months`, segment: view.clm, element: null, line: null }] : []),
});

const RULES: readonly Rule[] = [laterality, imagingIncluded, decimalDiagnosis, chattyHistory];

const CLAIMS: readonly ClaimSpec[] = [
  { id: 'FRSP-ACC-01', lines: [{ code: '99214', modifiers: ['25'], charge: 210 }, { code: '64483', modifiers: ['RT'], charge: 1150 }, { code: '64484', modifiers: ['RT'], charge: 480 }] },
  { id: 'FRSP-REJ-02', dos: '20261103', lines: [{ code: '64483', modifiers: ['LT'], charge: 1150 }, { code: '64493', charge: 900 }, { code: '77003', charge: 240 }] },
  { id: 'FRSP-WRN-03', dx: ['M54.50', 'M5416'], lines: [{ code: '20552', charge: 180.5 }] },
  { id: 'FRSP-SNP-04', birthDate: '19601340', lines: [{ code: '64483', modifiers: ['RT'], charge: 1150 }, { code: '64484', modifiers: ['RT'], charge: 480, pointers: ['B'] }], allowSnipErrors: true },
  { id: 'FRSP-FIX-05', lines: [{ code: '64483', modifiers: ['RT'], charge: 1150 }, { code: '77003', charge: 240 }] },
];

const ENVELOPE_FINDING: Finding = {
  rule: 'x12/envelope', severity: 'error', message: 'transaction 0002: SE01 says 42 segments but the set has 41 (ST to SE inclusive)',
  line: null, segment: 'SE', element: null, position: { segmentIndex: 1, byteOffset: 2048, fileSegmentIndex: 60, loop: null },
  ack: '999:IK5*R*4', source: 'claimcheck X12 brief (005010X222A1, 005010X231A1) §1.4, §4.3',
};

let tables: CodeTables;

beforeAll(async () => {
  const shipped = await shippedTables();
  // A fixed profile, so the page does not change when payer-profiles.json re-grades a rule.
  tables = { ...shipped, profile: (id) => ({ id, description: id, severities: {}, filingIndicators: [] }) };
});

async function outcomeOf(spec: ClaimSpec, rules: readonly Rule[] = RULES): Promise<ClaimOutcome> {
  const engine = createRuleEngine({ tables, rules, asOf: '2026-12-01', loadHistory: async () => historyOf(), recordSessions: async () => undefined, profile: 'commercial' });
  const { claim } = painClaim(spec);
  return engine.evaluate(claim, snipReport(claim), { isa: ['ISA'], gs: ['GS'], delimiters: DEFAULT_DELIMITERS });
}

const SET = (st02: string, ack: SetEnd['ack']): SetEnd => ({ isa13: '000004101', gs06: '4101', st02, ack });

function totals(outcomes: readonly ClaimOutcome[], envelopeFindings: readonly Finding[] = []): HtmlReportTotals {
  const rejected = outcomes.filter((o) => o.status === 'rejected').length;
  return {
    accepted: rejected === 0 && envelopeFindings.length === 0,
    summary: { interchanges: 1, transactions: 2, claims: outcomes.length, acceptedClaims: outcomes.length - rejected, rejectedClaims: rejected, serviceLines: outcomes.reduce((n, o) => n + o.view.lines.length, 0) },
    envelopeFindings,
    sha256: '9f2c4e1a0b7d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a',
  };
}

/** The page for the five claims: three in an accepted set, two in a rejected one. */
async function mixedPage(): Promise<{ page: string; parts: string[] }> {
  const outcomes = await Promise.all(CLAIMS.map((c) => outcomeOf(c)));
  const writer = createHtmlReportWriter({ file: 'examples/mixed.837', generatedAt: '2026-12-04T10:30:00.000Z', asOf: '2026-12-01' });
  const parts = [
    ...outcomes.slice(0, 3).map((o) => writer.claim(o)), writer.setEnd(SET('0001', 'A')),
    ...outcomes.slice(3).map((o) => writer.claim(o)), writer.setEnd(SET('0002', 'R')),
    writer.end(totals(outcomes, [ENVELOPE_FINDING])),
  ];
  return { page: parts.join(''), parts };
}

describe('createHtmlReportWriter', () => {
  it('writes accepted, rejected (line errors), warnings-only and SNIP-rejected claims (golden page)', async () => {
    const { page } = await mixedPage();
    expectGoldenHtml('mixed.report.html', page);
  });

  it('streams: each claim is written when it comes, the summary last but ordered first by CSS', async () => {
    const { page, parts } = await mixedPage();
    expect(parts[0]).toMatch(/^<!DOCTYPE html>/);
    expect(parts[0]).toContain('FRSP-ACC-01');
    expect(parts[0]).not.toContain('o-summary"');
    expect(parts.at(-1)).toContain('class="summary o-summary"');
    expect(page.indexOf('class="summary o-summary"')).toBeGreaterThan(page.indexOf('FRSP-FIX-05'));
    expect(page).toMatch(/\.report \{ display: flex; flex-direction: column;/);
    expect(page).toContain('.o-summary { order: -1; }');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(parts[0]).toContain('generated 2026-12-04 10:30 UTC');
  });

  it('marks the failing lines and lists the rule, the reason, how to fix it and the source', async () => {
    const { page } = await mixedPage();
    const card = page.slice(page.indexOf('<article class="claim o-rej" id="c2"'), page.indexOf('</article>', page.indexOf('id="c2"')));
    expect(card.match(/<tr class="fail">/g)).toHaveLength(2);
    expect(card).toContain('<code class="rule">pm/laterality</code> <span class="where">line 2, SV101-3</span>');
    expect(card).toContain('<strong>How to fix:</strong> Add RT or LT');
    expect(card).toContain('Source: pain-coding-rules §3'.replace('§', '&#167;'));
    expect(card).toContain('<code>277CA:A7:453</code>');
    expect(card).toContain('Not in the corrected file');
    expect(page).toContain('<strong>Fixed automatically:</strong>');
  });

  it('nests its elements properly', async () => {
    const { page } = await mixedPage();
    const stack: string[] = [];
    for (const [, close, name] of page.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
      if (['meta', 'br'].includes(name!)) continue;
      if (close === '') stack.push(name!);
      else expect(stack.pop(), `closing </${name}>`).toBe(name);
    }
    expect(stack).toEqual([]);
  });

  it('escapes values from the file: a <script> claim id comes out as text', async () => {
    const outcome = await outcomeOf({ id: '<script>alert("x")</script>', lines: [{ code: '64493', charge: 900 }], allowSnipErrors: true });
    const writer = createHtmlReportWriter({ file: 'a&b <c>.837', generatedAt: '2026-12-04' });
    const page = writer.claim(outcome) + writer.end(totals([outcome]));
    expect(page).toContain('<code>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</code>');
    expect(page).toContain('<code>a&amp;b &lt;c&gt;.837</code>');
    expect(page).not.toMatch(/<script/i);
  });

  it('shows no patient name, member id, birth date or address from the input', async () => {
    const { page } = await mixedPage();
    // pain-claim.ts: subscriber JOHN DOE, member MEM123456, born 19600101, 200 OAK AVENUE 627025555;
    // FRSP-SNP-04 has the (invalid) birth date 19601340, which its SNIP finding would quote.
    for (const phi of ['DOE', 'JOHN', 'MEM123456', '19600101', '1960-01-01', '19601340', 'OAK AVENUE', '627025555']) {
      expect(page.toUpperCase(), phi).not.toContain(phi);
    }
    expect(page).toContain('member [withheld] (born [withheld])');
    expect(page).toContain('DMG02 in loop 2010BA (patient or subscriber details) is not valid');
  });

  it('is self-contained: no scripts, links, external sources or web fonts, and pure ASCII', async () => {
    const { page } = await mixedPage();
    expect(page).not.toMatch(/http|src=|<script|<link|@import|url\(|@font-face/i);
    expect(page).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('says so when there is nothing to report', () => {
    const writer = createHtmlReportWriter({ file: 'empty.837', generatedAt: '2026-12-04' });
    const page = writer.end(totals([]));
    expect(page).toContain('Rejected claims: none');
    expect(page).toContain('Envelope and 999 problems: none');
    expect(page).toContain('Ready to submit');
  });
});

describe('html', () => {
  it('escapes & < > " \' by name, non-ASCII as numbers, control characters as U+FFFD', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('é → \u0001\x85')).toBe('&#233; &#8594; &#65533;&#65533;');
  });

  it('escapes interpolated values but not nested markup', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['a&', 1]}</p>`.text).toBe('<p><b>&lt;i&gt;</b>a&amp;1</p>');
  });
});
