/**
 * Table tests for coding rules, after ESLint's RuleTester: each case is a small 837P claim
 * (see pain-claim.ts) that must either produce no finding (`valid`) or exactly the listed
 * findings (`invalid`). Rules run against the shipped code sets in codesets/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../lib/adapters/fs-codesets.ts';
import { createMemoryCodeTables } from '../../lib/codesets/memory-code-tables.ts';
import type { Day, PayerProfileId } from '../../lib/codesets/types.ts';
import type { CodeTables, Session } from '../../lib/ports.ts';
import type { ClaimHistory, Rule, RuleContext, RuleFinding } from '../../lib/rules/define-rule.ts';
import { painClaim, type ClaimSpec } from './pain-claim.ts';

export interface ContextSpec {
  /** Default: medicare when SBR09 is MB, else commercial. */
  readonly profile?: PayerProfileId;
  /** Default 2026-12-01. */
  readonly asOf?: Day;
  /** Earlier sessions the history returns (already filtered to this patient and payer group). */
  readonly sessions?: readonly Session[];
  /** Sessions the claim itself would record. */
  readonly current?: readonly Session[];
  /** Default true. */
  readonly historyKnown?: boolean;
}

export interface ExpectedFinding {
  /** Substring or pattern of the message. */
  readonly message?: string | RegExp;
  readonly element?: string | null;
  /** LX01 of the line, or null for a claim-level finding. */
  readonly line?: number | null;
  /** "A7:454" or "A7:562:85": the 277CA code of the finding. */
  readonly ack?: string;
  /** Kind of safe fix offered, if any. */
  readonly fix?: 'drop-line' | 'replace' | null;
}

export interface RuleCase {
  readonly name: string;
  readonly claim: ClaimSpec;
  readonly context?: ContextSpec;
}

export interface InvalidCase extends RuleCase {
  readonly findings: readonly ExpectedFinding[];
}

let shared: Promise<CodeTables> | null = null;

/** The shipped code sets, loaded once per test file. */
export function shippedTables(): Promise<CodeTables> {
  shared ??= loadCodeSets().then(createMemoryCodeTables);
  return shared;
}

export function historyOf(spec: ContextSpec = {}): ClaimHistory {
  const sessions = spec.sessions ?? [];
  return {
    sessions: (family, region, from, to) => sessions.filter((s) => s.family === family && s.region === region && s.dos >= from && s.dos <= to),
    visits: (from, to) => sessions.filter((s) => s.family === 'VISIT' && s.dos >= from && s.dos <= to),
    current: spec.current ?? [],
    known: spec.historyKnown ?? true,
  };
}

export function contextFor(tables: CodeTables, claim: ClaimSpec, spec: ContextSpec = {}): RuleContext {
  const profile = spec.profile ?? (claim.filing === 'MB' ? 'medicare' : 'commercial');
  return { tables, profile: tables.profile(profile), asOf: spec.asOf ?? '2026-12-01', history: historyOf(spec) };
}

/** Runs one rule over a case; for direct use in custom tests. */
export async function runRule(rule: Rule, claim: ClaimSpec, context?: ContextSpec): Promise<readonly RuleFinding[]> {
  const tables = await shippedTables();
  return rule.check(painClaim(claim).view, contextFor(tables, claim, context));
}

export function ruleTester(rule: Rule, cases: { readonly valid: readonly RuleCase[]; readonly invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    let tables: CodeTables;
    beforeAll(async () => {
      tables = await shippedTables();
    });
    it('has its catalogue metadata', () => {
      expect(rule.id).toMatch(/^(claim|code|pm)\/[a-z0-9-]+$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.howToFix.length).toBeGreaterThan(10);
      expect(rule.source.length).toBeGreaterThan(2);
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      expect(new Set([...cases.valid, ...cases.invalid].map((c) => c.name)).size).toBe(cases.valid.length + cases.invalid.length);
    });
    for (const c of cases.valid) {
      it(`no finding: ${c.name}`, () => {
        const findings = rule.check(painClaim(c.claim).view, contextFor(tables, c.claim, c.context));
        expect(findings.map((f) => f.message)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`fires: ${c.name}`, () => {
        expect(c.findings.length, 'an invalid case lists at least one finding').toBeGreaterThan(0);
        const built = painClaim(c.claim);
        const findings = rule.check(built.view, contextFor(tables, c.claim, c.context));
        expect(findings.map((f) => f.message), 'number of findings').toHaveLength(c.findings.length);
        c.findings.forEach((want, i) => {
          const got = findings[i]!;
          if (typeof want.message === 'string') expect(got.message).toContain(want.message);
          else if (want.message !== undefined) expect(got.message).toMatch(want.message);
          if (want.element !== undefined) expect(got.element).toBe(want.element);
          if (want.line !== undefined) expect(got.line?.lx ?? null).toBe(want.line);
          if (want.ack !== undefined) {
            const ack = got.ack ?? rule.ack;
            expect([ack.category, ack.status, ack.entity].filter((x) => x !== undefined).join(':')).toBe(want.ack);
          }
          if (want.fix !== undefined) expect(got.fix?.kind ?? null).toBe(want.fix);
          // Positions must point into this claim's text.
          expect(got.segment.byteOffset).toBeGreaterThan(0);
        });
      });
    }
  });
}
