import { framingFinding, interchangeFindings, segmentFindings } from './ack/snip-findings.ts';
import type { Finding } from './findings.ts';
import type { Claim } from './model/claim.ts';
import { createTransactionValidator837p } from './model/transaction-validator-837p.ts';
import { createEnvelopeValidator } from './x12/envelope.ts';
import { SUPPORTED_GUIDE } from './x12/guides.ts';
import { readSegmentBatches } from './x12/reader.ts';
import type { InterchangeResult } from './x12/results.ts';

export interface ValidateOptions {
  /** GS08/ST03 values accepted as 837P; default 005010X222A1 only (the HIPAA-adopted guide). */
  readonly acceptedGuides?: readonly string[];
  /** The day date rules treat as today (YYYY-MM-DD); recorded in the report. */
  readonly asOf?: string;
}

/** One claim as `report.json` lists it. */
export interface ClaimReport {
  /** CLM01 */
  readonly id: string;
  /** ST02 */
  readonly transaction: string;
  readonly status: 'accepted' | 'rejected';
  readonly chargeCents: number | null;
  readonly serviceLines: number;
  readonly findings: readonly Finding[];
}

export interface Summary {
  readonly interchanges: number;
  readonly transactions: number;
  readonly claims: number;
  readonly acceptedClaims: number;
  readonly rejectedClaims: number;
  readonly serviceLines: number;
}

export interface FileValidation {
  readonly accepted: boolean;
  readonly summary: Summary;
  readonly envelopeFindings: readonly Finding[];
  readonly interchanges: readonly InterchangeResult[];
}

/** Receives each claim as soon as it has been validated; may apply backpressure. */
export type ClaimHandler = (report: ClaimReport, claim: Claim) => void | Promise<void>;

/**
 * Validates one file from a byte stream: envelope, SNIP 1–2, one claim at a time. Memory is
 * bounded by one claim (plus the error lists the acknowledgments need). Never throws on bad
 * data; only the source or the handler can fail.
 */
export async function validateStream(source: AsyncIterable<Uint8Array>, onClaim: ClaimHandler, options: ValidateOptions = {}): Promise<FileValidation> {
  const pending: Array<readonly [ClaimReport, Claim]> = [];
  let accepted = 0;
  let rejected = 0;
  const envelope = createEnvelopeValidator({
    acceptedGuides: options.acceptedGuides ?? [SUPPORTED_GUIDE],
    openTransaction: (st) =>
      createTransactionValidator837p(st, (claim) => {
        const report = claimReport(claim);
        if (report.status === 'accepted') accepted++;
        else rejected++;
        pending.push([report, claim]);
      }),
  });
  for await (const batch of readSegmentBatches(source)) {
    for (const event of batch) envelope.event(event);
    while (pending.length > 0) {
      const [report, claim] = pending.shift()!;
      await onClaim(report, claim);
    }
  }
  const outcome = envelope.end();
  for (const [report, claim] of pending.splice(0)) await onClaim(report, claim);
  const envelopeFindings = [...outcome.framing.map(framingFinding), ...outcome.interchanges.flatMap(interchangeFindings)];
  return {
    accepted: rejected === 0 && !envelopeFindings.some((f) => f.severity === 'error'),
    summary: {
      interchanges: outcome.interchanges.length,
      transactions: outcome.transactions,
      claims: accepted + rejected,
      acceptedClaims: accepted,
      rejectedClaims: rejected,
      serviceLines: outcome.serviceLines,
    },
    envelopeFindings,
    interchanges: outcome.interchanges,
  };
}

/**
 * A claim is rejected when its own segments or the loops it depends on (header, billing
 * provider, subscriber, patient) have SNIP 1–2 errors. Envelope problems of its set (SE count,
 * duplicate ST02) reject the set in the 999 but say nothing against the claim itself.
 */
export function claimReport(claim: Claim): ClaimReport {
  const findings = [...claim.contextErrors, ...claim.errors].flatMap(segmentFindings);
  return {
    id: claim.id,
    transaction: claim.transaction,
    status: findings.some((f) => f.severity === 'error') ? 'rejected' : 'accepted',
    chargeCents: claim.chargeCents,
    serviceLines: claim.lines.length,
    findings,
  };
}
