import type { Finding } from '../findings.ts';
import type { ClaimReport, Summary } from '../validate-stream.ts';

/**
 * `report.json`, written in one streaming pass: the claims are listed while they are validated,
 * and the totals, which are only known at the end, follow them. JSON object members are
 * unordered, so readers are unaffected; the JSON Schema is schemas/report.schema.json.
 */

export function reportOpening(file: string): string {
  return `{\n  "file": ${JSON.stringify(file)},\n  "claims": [`;
}

/** One claim entry; `first` decides the separating comma. */
export function reportClaim(claim: ClaimReport, first: boolean): string {
  const entry = {
    id: claim.id,
    transaction: claim.transaction,
    status: claim.status,
    chargeCents: claim.chargeCents,
    serviceLines: claim.serviceLines,
    ...(claim.profile === undefined ? {} : { profile: claim.profile }),
    findings: claim.findings,
    ...(claim.fixes === undefined ? {} : { fixes: claim.fixes }),
  };
  return `${first ? '' : ','}\n${indent(JSON.stringify(entry, null, 2), '    ')}`;
}

export interface ReportClosing {
  readonly sha256: string;
  readonly asOf: string | null;
  readonly accepted: boolean;
  readonly summary: Summary;
  readonly envelopeFindings: readonly Finding[];
  /** Whether any claim was written (closes the array on its own line). */
  readonly anyClaims: boolean;
}

export function reportClosing(c: ReportClosing): string {
  const rest = JSON.stringify({ sha256: c.sha256, asOf: c.asOf, accepted: c.accepted, summary: c.summary, envelopeFindings: c.envelopeFindings }, null, 2);
  // Splice the remaining members after "claims": drop the opening brace of `rest`.
  return `${c.anyClaims ? '\n  ' : ''}],${rest.slice(1)}\n`;
}

function indent(text: string, prefix: string): string {
  return text.replace(/^/gm, prefix);
}
