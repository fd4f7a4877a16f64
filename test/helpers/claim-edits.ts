/**
 * Claims a ClaimSpec cannot describe (an unbalanced CLM02, an RD8 or missing DTP*472): the
 * painClaim text with literal edits applied, read back through the real 837P validator.
 */
import { viewClaim } from '../../lib/model/claim-view.ts';
import type { Rule, RuleFinding } from '../../lib/rules/define-rule.ts';
import { claimText, type BuiltClaim, type ClaimSpec } from './pain-claim.ts';
import { contextFor, shippedTables, type ContextSpec } from './rule-tester.ts';
import { validate } from './x12-snippet.ts';

/** Replace the first occurrence of `find` with `replace`; an edit that matches nothing is a test bug. */
export type TextEdit = readonly [find: string | RegExp, replace: string];

export function editedClaim(spec: ClaimSpec, edits: readonly TextEdit[]): BuiltClaim {
  const text = edits.reduce((t, [find, replace]) => {
    const next = t.replace(find, replace);
    if (next === t) throw new Error(`edit ${String(find)} matched nothing in:\n${t}`);
    return next;
  }, claimText(spec));
  const run = validate(text);
  if (spec.allowSnipErrors !== true && run.errors.length > 0) {
    throw new Error(`edited claim is not SNIP 1–2 clean (${run.errors.map((e) => `${e.segmentId}@${e.setIndex} ${e.code}`).join(', ')}):\n${text}`);
  }
  const claim = run.claimList[0];
  if (claim === undefined) throw new Error('edited claim produced no claim');
  return { view: viewClaim(claim), claim, text };
}

/** Runs one rule over an edited claim against the shipped code sets. */
export async function runEdited(rule: Rule, spec: ClaimSpec, edits: readonly TextEdit[], context?: ContextSpec): Promise<readonly RuleFinding[]> {
  const tables = await shippedTables();
  return rule.check(editedClaim(spec, edits).view, contextFor(tables, spec, context));
}

/**
 * Segments of one more service line, to put in the last line's `extra`: a line that CLM02 does
 * not count (painClaim totals only `lines`), or one with an RD8 date or with no DTP*472.
 */
export function appendedLine(lx: number, sv1: string, dtp472: string | null = 'DTP*472*D8*20261110'): string[] {
  return [`LX*${lx}`, sv1, ...(dtp472 === null ? [] : [dtp472]), `REF*6R*L${lx}`];
}
