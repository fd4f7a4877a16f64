import { applySafeFixes } from '../ack/safe-fixes.ts';
import { prefetchChildren } from './support/icd10.ts';
import type { Day, PayerProfileId } from '../codesets/types.ts';
import type { Finding, Severity } from '../findings.ts';
import type { Claim } from '../model/claim.ts';
import { viewClaim, type ClaimView } from '../model/claim-view.ts';
import { LedgerConflictError, type CodeTables } from '../ports.ts';
import type { ClaimReport } from '../validate-stream.ts';
import type { ClaimOutcome, GradedFinding, InboundEnvelope } from './claim-outcome.ts';
import type { Ack277, ClaimHistory, Rule, RuleContext, RuleFinding, SafeFix } from './define-rule.ts';

/** Loads what the frequency rules need to know about a claim's past (ledger + this batch). */
export type HistoryLoader = (view: ClaimView, profile: PayerProfileId, isa13: string) => Promise<ClaimHistory>;

export interface RuleEngineOptions {
  readonly tables: CodeTables;
  readonly rules: readonly Rule[];
  readonly asOf: Day;
  readonly loadHistory: HistoryLoader;
  /** Records an accepted claim's sessions so later claims (and later runs) count them. */
  readonly recordSessions: (history: ClaimHistory) => Promise<void>;
  /** --profile: judge every claim by this profile instead of its SBR09. */
  readonly profile?: PayerProfileId;
}

export interface RuleEngine {
  /** Runs every rule on one claim whose SNIP 1–2 result is `snip`; claims must come in file order. */
  evaluate(claim: Claim, snip: ClaimReport, envelope: InboundEnvelope): Promise<ClaimOutcome>;
}

/**
 * Runs the coding rules on each claim: grades findings by the payer profile (rule id → severity
 * or off), isolates rule crashes, decides the claim's status and whether safe fixes put it in
 * the corrected file, and records accepted sessions in the frequency ledger.
 */
export function createRuleEngine(options: RuleEngineOptions): RuleEngine {
  const { tables, rules } = options;
  const evaluateOnce = async (claim: Claim, snip: ClaimReport, envelope: InboundEnvelope): Promise<ClaimOutcome> => {
    const view = viewClaim(claim);
    const profileId = options.profile ?? profileFor(view.filingIndicator, tables);
    const diagnoses = view.diagnoses.map((d) => d.code);
    await tables.prefetch({ procedures: view.lines.map((l) => l.code), diagnoses });
    await prefetchChildren(tables, diagnoses, view.datesOfService[0] ?? options.asOf);
    const history = await options.loadHistory(view, profileId, claim.isa13 ?? '');
    const ctx: RuleContext = { tables, profile: tables.profile(profileId), asOf: options.asOf, history };
    const findings = rules.flatMap((rule) => grade(rule, runRule(rule, view, ctx), ctx));
    const errors = findings.filter((f) => f.severity === 'error');
    const snipErrors = [...claim.contextErrors, ...claim.errors];
    const status = snipErrors.length > 0 || errors.length > 0 ? 'rejected' : 'accepted';
    // A rejected claim goes into the corrected file only when safe fixes clear every error, and
    // the writer can apply every one of them (a fix that no longer fits is skipped there).
    const candidates = uniqueFixes(findings);
    const trial = candidates.length === 0 ? null : applySafeFixes(claim, candidates);
    const fixable = snipErrors.length === 0 && errors.every((f) => f.finding.fix !== undefined) && (trial?.skipped.length ?? 0) === 0;
    const inCorrected = status === 'accepted' || fixable;
    const fixes = inCorrected ? (trial?.applied ?? []) : [];
    if (status === 'accepted') await options.recordSessions(history);
    const report: ClaimReport = {
      ...snip,
      status,
      profile: profileId,
      findings: [...snip.findings, ...findings.map((f) => f.reported)],
      fixes: fixes.map((f) => f.reason),
    };
    return { view, envelope, status, snipErrors, findings, report, inCorrected, fixes };
  };
  return {
    async evaluate(claim, snip, envelope) {
      // Optimistic concurrency (serverless-design, "race-free ledger"): when another validation
      // recorded a session for the same counters meanwhile, read the history again and re-judge.
      for (let attempt = 1; ; attempt++) {
        try {
          return await evaluateOnce(claim, snip, envelope);
        } catch (error) {
          if (!(error instanceof LedgerConflictError) || attempt >= MAX_LEDGER_ATTEMPTS) throw error;
        }
      }
    },
  };
}

const MAX_LEDGER_ATTEMPTS = 5;

/** A rule that throws is a bug; it becomes an error finding and the other rules still run. */
function runRule(rule: Rule, view: ClaimView, ctx: RuleContext): readonly RuleFinding[] {
  try {
    return rule.check(view, ctx);
  } catch (error) {
    return [{ message: `internal error in rule ${rule.id} (RULE_CRASHED): ${(error as Error).message}; please report it`, segment: view.clm, element: null, line: null, severity: 'error' }];
  }
}

function grade(rule: Rule, findings: readonly RuleFinding[], ctx: RuleContext): GradedFinding[] {
  const override = ctx.profile.severities[rule.id];
  if (override === 'off') return [];
  return findings.map((finding) => {
    const severity: Severity = override ?? finding.severity ?? rule.defaultSeverity;
    return { rule, severity, finding, reported: reportedFinding(rule, severity, finding) };
  });
}

function reportedFinding(rule: Rule, severity: Severity, f: RuleFinding): Finding {
  const s = f.segment;
  return {
    rule: rule.id,
    severity,
    message: f.message,
    line: f.line?.lx ?? null,
    segment: s.id,
    element: f.element,
    position: { segmentIndex: s.setIndex, byteOffset: s.byteOffset, fileSegmentIndex: s.fileIndex, loop: s.loopId },
    ack: `277CA:${ackText(f.ack ?? rule.ack)}`,
    source: rule.source,
    ...(f.fix === undefined ? {} : { fix: f.fix.reason }),
  };
}

export function ackText(ack: Ack277): string {
  return [ack.category, ack.status, ack.entity].filter((p) => p !== undefined).join(':');
}

/** The profile a claim is judged by: the one whose SBR09 list has the claim's filing indicator. */
function profileFor(filingIndicator: string, tables: CodeTables): PayerProfileId {
  return tables.profile('medicare').filingIndicators.includes(filingIndicator) ? 'medicare' : 'commercial';
}

function uniqueFixes(findings: readonly GradedFinding[]): SafeFix[] {
  const seen = new Set<string>();
  const out: SafeFix[] = [];
  for (const { finding } of findings) {
    const fix = finding.fix;
    if (fix === undefined) continue;
    const key = fix.kind === 'drop-line' ? `drop#${fix.line}` : `replace#${fix.segment.fileIndex}#${fix.element}#${fix.component ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fix);
  }
  return out;
}
