import type { Finding } from '../findings.ts';
import type { ClaimView, ServiceLineView } from '../model/claim-view.ts';
import type { LoopedSegment } from '../model/claim.ts';
import type { ClaimOutcome, ClaimStreamWriter, SetEnd } from '../rules/claim-outcome.ts';
import type { FileValidation } from '../validate-stream.ts';
import { Html, html, type HtmlValue } from './html.ts';

/**
 * `<name>.report.html`: the page a billing lead reads (and may email): a summary, the envelope
 * and 999 problems, each rejected claim with its lines, the rule, the reason, how to fix it and
 * the source, the warnings, and the accepted claims as a compact table.
 *
 * It is streamed like report.json: each claim is written as it comes (memory is bounded by one
 * claim), so the page cannot be laid out in reading order. Every block is a child of one flex
 * column (`main.report`) and CSS `order` places it: the summary, written last because its totals
 * are only known at the end, is shown first (`order: -1`); a rejected claim goes to the
 * rejected section, an accepted one becomes a row of the accepted table, and each section's
 * heading, written at the end with its count, sits before its items. Browsers print in the
 * same visual order; no script is needed. (Screen readers follow the source order, claims
 * before summary; each block has its own heading, so it still reads sensibly.)
 *
 * No PHI: the report names claims by CLM01 only. It shows no patient or subscriber name,
 * member id, birth date or address; findings in the loops that carry them get a message
 * without the value, and any other message is scrubbed of the claim's identifying values.
 */

export interface HtmlReportMeta {
  /** The input as report.json names it. */
  readonly file: string;
  /** When the report was made: an ISO instant, or any text shown as given (injected, so equal inputs give equal pages). */
  readonly generatedAt: string;
  /** --as-of: the day date rules treated as today. */
  readonly asOf?: string;
}

/** What is known only once the file has been read: report.json's closing members. */
export interface HtmlReportTotals extends Pick<FileValidation, 'summary' | 'accepted' | 'envelopeFindings'> {
  readonly sha256?: string;
}

/** A claim stream writer whose end needs the file's totals (they are written last, shown first). */
export interface HtmlReportWriter extends Omit<ClaimStreamWriter, 'end'> {
  end(totals: HtmlReportTotals): string;
}

/** SNIP 1–2 findings have no rule object; what a billing team does about each kind. */
const SNIP_HOW_TO_FIX: Readonly<Record<string, string>> = {
  'x12/syntax': 'Correct the value named above in the practice-management system and send the claim again; the 999 points at the same segment and element.',
  'x12/structure': 'A segment or loop is missing, repeated or out of order: export the claim again from the practice-management system (do not edit the file by hand), or ask its vendor.',
  'x12/envelope': 'The file\'s envelope (ISA/GS/ST headers and trailers, counts, control numbers) is wrong: export the batch again rather than editing it by hand.',
  'x12/guide': 'The file is not an 837P 005010X222A1 claim file: export professional claims (837P) in the 5010 format.',
};

/** Loops that carry the patient's or subscriber's name, ids, birth date and address (TR3 2000B–2010CA, 2330A). */
const IDENTIFYING_LOOPS = new Set(['2000B', '2000C', '2010BA', '2010CA', '2330A']);

interface Item {
  readonly finding: Finding;
  readonly howToFix: string;
}

type Scrub = (text: string) => string;

export function createHtmlReportWriter(meta: HtmlReportMeta): HtmlReportWriter {
  let opened = false;
  let index = 0;
  let claimsInSet = 0;
  let setNotices = 0;
  let warnings = 0;
  let claimsWithWarnings = 0;
  const charges = { accepted: 0, rejected: 0, invalid: 0 };
  const counts = { accepted: 0, rejected: 0, lines: 0 };
  const open = (): string => {
    if (opened) return '';
    opened = true;
    return opening(meta).text;
  };
  return {
    claim(outcome) {
      index++;
      claimsInSet++;
      counts[outcome.status]++;
      counts.lines += outcome.view.lines.length;
      if (outcome.view.chargeCents === null) charges.invalid++;
      else charges[outcome.status] += outcome.view.chargeCents;
      // Built on first use: most claims have no message that could carry an identifying value.
      const scrub = lazyScrubber(outcome.view);
      const all = items(outcome);
      const minor = all.filter((i) => i.finding.severity !== 'error');
      warnings += minor.length;
      if (minor.length > 0) claimsWithWarnings++;
      const main = outcome.status === 'rejected' ? rejectedCard(outcome, index, all.filter((i) => i.finding.severity === 'error'), minor.length, scrub) : acceptedRow(outcome, index, minor.length);
      const warningBlock = minor.length === 0 ? '' : warningList(outcome, index, minor, scrub).text;
      return open() + main.text + warningBlock;
    },
    setEnd(set) {
      const claims = claimsInSet;
      claimsInSet = 0;
      if (set.ack === 'A') return open();
      setNotices++;
      return open() + setNotice(set, claims).text;
    },
    end(totals) {
      const envelope = totals.envelopeFindings.map((f) => ({ finding: f, howToFix: SNIP_HOW_TO_FIX[f.rule] ?? '' }));
      const problems = envelope.length + setNotices;
      return open() + html`
<section class="o-env-h" aria-labelledby="env">
<h2 id="env">Envelope and 999 ${problems === 0 ? 'problems: none' : html`problems (${problems})`}</h2>
${problems === 0 ? html`<p class="none">Every interchange, functional group and transaction set was accepted.</p>` : html`<ol class="findings">${envelope.map((i) => findingItem(i, identity, false))}</ol>`}
</section>
<h2 class="o-rej-h">${counts.rejected === 0 ? 'Rejected claims: none' : html`Rejected claims (${counts.rejected})`}</h2>
<h2 class="o-warn-h">${warnings === 0 ? 'Warnings: none' : html`Warnings (${warnings} on ${claimsWithWarnings} ${plural(claimsWithWarnings, 'claim')})`}</h2>
<div class="o-acc-h">
<h2>${counts.accepted === 0 ? 'Accepted claims: none' : html`Accepted claims (${counts.accepted})`}</h2>
${counts.accepted === 0 ? '' : html`<div class="row head"><span>Claim (CLM01)</span><span>Dates of service</span><span class="num">Lines</span><span class="num">Charge</span><span>Fixes applied, warnings</span></div>`}
</div>
${summary(meta, totals, counts, charges, warnings, problems)}
<footer class="o-foot">Written by claimcheck before submission. Claims are named by their patient control number (CLM01) only: this page holds no patient names, member ids, birth dates or addresses. The 999, 277CA and report.json next to it carry the same findings with their positions.</footer>
</main>
</body>
</html>
`.text;
    },
  };
}

function items(outcome: ClaimOutcome): Item[] {
  // report.findings holds the SNIP 1–2 findings and the graded rule findings' `reported` twins;
  // the rule findings are taken from `findings`, which know their rule's howToFix.
  const snip = outcome.report.findings.filter((f) => f.rule.startsWith('x12/')).map((f) => ({ finding: f, howToFix: SNIP_HOW_TO_FIX[f.rule] ?? '' }));
  return [...snip, ...outcome.findings.map((g) => ({ finding: g.reported, howToFix: g.rule.howToFix }))];
}

function rejectedCard(outcome: ClaimOutcome, n: number, errors: readonly Item[], warningCount: number, scrub: Scrub): Html {
  const v = outcome.view;
  const failing = new Set(errors.flatMap((e) => (e.finding.line === null ? [] : [e.finding.line])));
  return html`
<article class="claim o-rej" id="c${n}" aria-labelledby="c${n}h">
<h3 id="c${n}h"><span class="tag bad">Rejected</span> Claim <code>${v.id}</code></h3>
<p class="facts">${claimFacts(outcome)}</p>
${linesTable(v.lines, failing)}
<h4>Why it is rejected</h4>
<ol class="findings">${errors.map((e) => findingItem(e, scrub, outcome.inCorrected))}</ol>
${warningCount === 0 ? '' : html`<p class="also">Also <a href="#w${n}">${warningCount} ${plural(warningCount, 'warning')}</a> for this claim.</p>`}
<p class="next">${outcome.inCorrected
    ? html`<strong>Fixed automatically:</strong> every error has a safe fix, so the corrected file carries this claim with: ${fixList(outcome, scrub)}. Check the fixes, then submit the corrected file.`
    : html`<strong>Not in the corrected file:</strong> the claim is kept unchanged in the rejected file. Correct it in the practice-management system and send it again.`}</p>
</article>`;
}

function acceptedRow(outcome: ClaimOutcome, n: number, warningCount: number): Html {
  const v = outcome.view;
  const notes: HtmlValue[] = [];
  if (outcome.fixes.length > 0) notes.push(html`Fixed: ${fixList(outcome, scrubber(v))}`);
  if (warningCount > 0) notes.push(html`<a href="#w${n}">${warningCount} ${plural(warningCount, 'warning')}</a>`);
  return html`
<div class="row o-acc" id="c${n}"><span><code>${v.id}</code></span><span>${serviceDates(v)}</span><span class="num">${v.lines.length}</span><span class="num">${money(v.chargeCents)}</span><span>${notes.length === 0 ? '' : joined(notes, '; ')}</span></div>`;
}

function warningList(outcome: ClaimOutcome, n: number, minor: readonly Item[], scrub: Scrub): Html {
  return html`
<section class="warn o-warn" id="w${n}" aria-labelledby="w${n}h">
<h3 id="w${n}h">Claim <code>${outcome.view.id}</code> <span class="tag ${outcome.status === 'accepted' ? 'ok' : 'bad'}">${outcome.status === 'accepted' ? 'Accepted' : 'Rejected'}</span> <a class="jump" href="#c${n}">claim</a></h3>
<ol class="findings">${minor.map((i) => findingItem(i, scrub, outcome.inCorrected))}</ol>
</section>`;
}

function setNotice(set: SetEnd, claims: number): Html {
  const what = set.ack === 'R'
    ? html`was <strong>rejected</strong> in the 999 (IK5*R): its ${claims} ${plural(claims, 'claim')} will not reach the payer, whatever their own results below, until the set is corrected and sent again.`
    : html`was accepted with errors in the 999 (IK5*E): see the 999 for what to correct.`;
  return html`
<p class="notice o-env">Transaction set <code>${set.st02}</code> (interchange <code>${set.isa13}</code>, group <code>${set.gs06}</code>) ${what}</p>`;
}

/** One finding: severity, rule, where, the plain-English reason, how to fix it, the source. */
function findingItem(item: Item, scrub: Scrub, fixApplied: boolean): Html {
  const f = item.finding;
  const where = [f.line === null ? '' : `line ${f.line}`, f.element ?? f.segment ?? ''].filter((w) => w !== '').join(', ');
  return html`<li class="finding ${f.severity}">
<p class="what"><span class="sev">${f.severity}</span> <code class="rule">${f.rule}</code>${where === '' ? '' : html` <span class="where">${where}</span>`}</p>
<p class="msg">${shownMessage(f, scrub)}</p>
${item.howToFix === '' ? '' : html`<p class="how"><strong>How to fix:</strong> ${item.howToFix}</p>`}
${f.fix !== undefined && fixApplied ? html`<p class="fixed"><strong>Applied in the corrected file:</strong> ${scrub(f.fix)}</p>` : ''}
<p class="src">Source: ${f.source}${f.ack === null ? '' : html` &middot; reported as <code>${f.ack}</code>`}</p>
</li>`;
}

function claimFacts(outcome: ClaimOutcome): Html {
  const v = outcome.view;
  const facts: HtmlValue[] = [
    html`Charge <strong>${money(v.chargeCents)}</strong>`,
    html`dates of service ${serviceDates(v)}`,
    html`place of service ${v.placeOfService || '?'}`,
    html`transaction ${outcome.report.transaction}`,
  ];
  if (outcome.report.profile !== undefined) facts.push(html`payer profile ${outcome.report.profile}`);
  return joined(facts, html` &middot; `);
}

function linesTable(lines: readonly ServiceLineView[], failing: ReadonlySet<number>): Html {
  if (lines.length === 0) return html`<p class="none">No service lines could be read.</p>`;
  const rows = lines.map((l) => {
    const bad = l.lx !== null && failing.has(l.lx);
    return html`<tr${bad ? html` class="fail"` : ''}><td>${l.lx ?? '?'}</td><td><code>${l.code}</code></td><td>${l.modifiers.join(' ')}</td><td class="num">${l.units ?? '?'}${l.unitType === 'MJ' ? ' min' : ''}</td><td class="num">${money(l.chargeCents)}</td><td>${l.dos === null ? '?' : dateRange(l.dos.from, l.dos.to)}</td><td>${bad ? html`<span class="mark">&#10007; error</span>` : 'ok'}</td></tr>`;
  });
  return html`<table class="lines"><thead><tr><th>Line</th><th>Code</th><th>Modifiers</th><th class="num">Units</th><th class="num">Charge</th><th>Date of service</th><th>Line status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function summary(meta: HtmlReportMeta, totals: HtmlReportTotals, counts: { accepted: number; rejected: number; lines: number }, charges: { accepted: number; rejected: number; invalid: number }, warnings: number, problems: number): Html {
  const s = totals.summary;
  const verdict = totals.accepted
    ? html`<p class="verdict ok"><strong>Ready to submit:</strong> all ${counts.accepted} ${plural(counts.accepted, 'claim')} passed.</p>`
    : html`<p class="verdict bad"><strong>Not ready:</strong> ${counts.rejected} of ${counts.accepted + counts.rejected} ${plural(counts.accepted + counts.rejected, 'claim')} rejected${problems === 0 ? '' : html`, ${problems} envelope or 999 ${plural(problems, 'problem')}`}. Each is explained below.</p>`;
  return html`
<section class="summary o-summary" aria-labelledby="sum">
<h2 id="sum">Summary</h2>
${verdict}
<div class="tiles">
<div class="tile bad"><span class="n">${counts.rejected}</span> rejected ${plural(counts.rejected, 'claim')}<span class="amt">${money(charges.rejected)} charges</span></div>
<div class="tile ok"><span class="n">${counts.accepted}</span> accepted ${plural(counts.accepted, 'claim')}<span class="amt">${money(charges.accepted)} charges</span></div>
<div class="tile"><span class="n">${counts.lines}</span> service ${plural(counts.lines, 'line')}</div>
<div class="tile warn"><span class="n">${warnings}</span> ${plural(warnings, 'warning')}</div>
<div class="tile${problems === 0 ? '' : ' bad'}"><span class="n">${problems}</span> envelope/999 ${plural(problems, 'problem')}</div>
</div>
<p class="meta">${s.interchanges} ${plural(s.interchanges, 'interchange')}, ${s.transactions} transaction ${plural(s.transactions, 'set')}${charges.invalid === 0 ? '' : html`; ${charges.invalid} ${plural(charges.invalid, 'claim')} without a valid total charge (not in the sums)`}${meta.asOf === undefined ? '' : html`; dates checked as of ${meta.asOf}`}${totals.sha256 === undefined ? '' : html`; SHA-256 <code class="hash">${totals.sha256}</code>`}</p>
</section>`;
}

function opening(meta: HtmlReportMeta): Html {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Claim check: ${meta.file}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<main class="report">
<header class="o-head">
<h1>Claim check report</h1>
<p class="meta">File <code>${meta.file}</code> &middot; generated ${readableInstant(meta.generatedAt)}</p>
</header>`;
}

/**
 * Where each block is shown (see the file comment): header, summary, envelope, rejected
 * claims, warnings, accepted table, footer; a heading's order is one less than its items'.
 */
const STYLE = `
:root { --bad: #b3261e; --bad-bg: #fdecea; --ok: #1b6e3a; --ok-bg: #e8f5ec; --warn: #8a5a00; --warn-bg: #fff4e0; --line: #d0d4da; --muted: #555c66; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d2125; background: #f6f7f9; }
.report { display: flex; flex-direction: column; gap: 10px; max-width: 1100px; margin: 0 auto; padding: 20px; }
.o-head { order: -2; } .o-summary { order: -1; }
.o-env-h { order: 10; } .o-env { order: 11; }
.o-rej-h { order: 20; } .o-rej { order: 21; }
.o-warn-h { order: 30; } .o-warn { order: 31; }
.o-acc-h { order: 40; } .o-acc { order: 41; }
.o-foot { order: 50; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 18px 0 2px; } h3 { font-size: 16px; margin: 0 0 6px; } h4 { font-size: 14px; margin: 12px 0 4px; }
code { font: 13px/1.3 ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.meta, .facts, .src, .none, footer { color: var(--muted); font-size: 13px; margin: 2px 0; }
.summary, .claim, .warn, .notice, .o-env-h { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.summary h2, .o-env-h h2 { margin-top: 0; }
.verdict { margin: 4px 0 10px; padding: 8px 12px; border-radius: 4px; }
.verdict.ok { background: var(--ok-bg); color: var(--ok); } .verdict.bad { background: var(--bad-bg); color: var(--bad); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; }
.tile { border: 1px solid var(--line); border-left-width: 5px; border-radius: 4px; padding: 6px 10px; }
.tile.bad { border-left-color: var(--bad); } .tile.ok { border-left-color: var(--ok); } .tile.warn { border-left-color: var(--warn); }
.tile .n { display: block; font-size: 24px; font-weight: 700; }
.tile .amt { display: block; color: var(--muted); font-size: 13px; }
.hash { word-break: break-all; }
.claim { border-left: 5px solid var(--bad); }
.warn { border-left: 5px solid var(--warn); }
.notice { border-left: 5px solid var(--bad); margin: 0; }
.tag { display: inline-block; font-size: 12px; font-weight: 600; text-transform: uppercase; padding: 1px 6px; border-radius: 3px; vertical-align: 1px; }
.tag.bad { background: var(--bad-bg); color: var(--bad); } .tag.ok { background: var(--ok-bg); color: var(--ok); }
.jump { font-size: 13px; font-weight: normal; }
table.lines { border-collapse: collapse; width: 100%; font-size: 14px; margin-top: 6px; }
table.lines th, table.lines td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; }
table.lines th { background: #eef0f3; font-weight: 600; }
.num { text-align: right; }
table.lines th.num, table.lines td.num { text-align: right; }
tr.fail td { background: var(--bad-bg); }
.mark { color: var(--bad); font-weight: 700; }
ol.findings { margin: 0; padding-left: 22px; }
.finding { margin: 0 0 10px; }
.finding p { margin: 2px 0; }
.sev { font-size: 12px; font-weight: 700; text-transform: uppercase; }
.finding.error .sev { color: var(--bad); } .finding.warning .sev { color: var(--warn); } .finding.info .sev { color: var(--muted); }
.rule { font-weight: 600; }
.where { color: var(--muted); font-size: 13px; }
.fixed { color: var(--ok); }
.also, .next { margin: 8px 0 0; }
.row { display: grid; grid-template-columns: 2fr 2fr 0.6fr 1.1fr 3fr; gap: 8px; background: #fff; border: 1px solid var(--line); border-top: 0; margin-top: -10px; padding: 4px 12px; font-size: 14px; }
.row.head { background: #eef0f3; font-weight: 600; border-top: 1px solid var(--line); border-radius: 6px 6px 0 0; margin-top: 6px; }
.o-acc-h h2 { margin-bottom: 0; }
footer { margin-top: 16px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .report { max-width: none; padding: 0; }
  .summary, .notice, .row, .tile, .finding, tr { break-inside: avoid; }
  h2, h3, h4, .facts { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .verdict, .tag, tr.fail td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The findings of the loops that hold the patient's details are shown without their values. */
function shownMessage(f: Finding, scrub: Scrub): string {
  const loop = f.position.loop;
  const identifying = (loop !== null && IDENTIFYING_LOOPS.has(loop)) || (f.segment === 'REF' && loop === '2300');
  if (!identifying) return scrub(f.message);
  return `${f.element ?? f.segment ?? 'A segment'} in loop ${loop} (patient or subscriber details) is not valid. The value is not shown here because it may identify the patient: see report.json or the acknowledgment (${f.ack ?? 'no code'}).`;
}

/**
 * The values of a claim that identify its patient (names, member and other ids, birth dates,
 * street addresses, ZIP codes, the medical record number), replaced by "[withheld]" wherever a
 * message repeats one: a guard for rule messages we do not write here.
 */
function scrubber(view: ClaimView): Scrub {
  const c = view.claim;
  const segments: LoopedSegment[] = [...c.subscriber, ...(c.patient ?? []), ...c.segments.filter((s) => s.loopId === '2330A' || (s.id === 'REF' && s.elements[1] === 'EA'))];
  const values = new Set<string>(view.birthDate === null ? [] : [view.birthDate]);
  const take: Readonly<Record<string, readonly number[]>> = { NM1: [3, 4, 5, 9], N3: [1, 2], N4: [3], DMG: [2], REF: [2] };
  for (const s of segments) {
    if (s.loopId === '2010BB') continue; // the payer's name and id are not the patient's
    for (const e of take[s.id] ?? []) {
      const value = (s.elements[e] ?? '').trim();
      if (value.length >= 2) values.add(value);
    }
  }
  if (values.size === 0) return identity;
  const alternatives = [...values].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})(?![A-Za-z0-9])`, 'gi');
  return (text) => text.replace(pattern, '[withheld]');
}

const identity: Scrub = (text) => text;

function lazyScrubber(view: ClaimView): Scrub {
  let scrub: Scrub | null = null;
  return (text) => (scrub ??= scrubber(view))(text);
}

function fixList(outcome: ClaimOutcome, scrub: Scrub): string {
  return outcome.fixes.map((f) => scrub(f.reason)).join('; ');
}

function serviceDates(v: ClaimView): string {
  const days = v.datesOfService;
  if (days.length === 0) return '?';
  return days.length <= 3 ? days.join(', ') : `${days[0]} to ${days.at(-1)} (${days.length} dates)`;
}

function dateRange(from: string, to: string): string {
  return from === to ? from : `${from} to ${to}`;
}

/** An ISO instant ("2026-12-04T10:30:00.000Z") as "2026-12-04 10:30 UTC"; anything else as given. */
function readableInstant(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(text);
  return m === null ? text : `${m[1]} ${m[2]} UTC`;
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Integer cents for display; null is an amount the file did not give as a number. */
function money(cents: number | null): string {
  return cents === null ? 'not a valid amount' : USD.format(cents / 100);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function joined(parts: readonly HtmlValue[], separator: HtmlValue): Html {
  return html`${parts.flatMap((p, i) => (i === 0 ? [p] : [separator, p]))}`;
}
