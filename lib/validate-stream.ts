import { framingFinding, interchangeFindings, segmentFindings } from './ack/snip-findings.ts';
import type { Finding } from './findings.ts';
import type { Claim } from './model/claim.ts';
import { viewClaim } from './model/claim-view.ts';
import { createTransactionValidator837p } from './model/transaction-validator-837p.ts';
import type { ClaimOutcome, InboundEnvelope, SetEnd } from './rules/claim-outcome.ts';
import type { RuleEngine } from './rules/engine.ts';
import { createEnvelopeValidator } from './x12/envelope.ts';
import { SUPPORTED_GUIDE } from './x12/guides.ts';
import { readSegmentBatches, type LocatedSegment } from './x12/reader.ts';
import type { InterchangeResult } from './x12/results.ts';

export interface ValidateOptions {
  /** GS08/ST03 values accepted as 837P; default 005010X222A1 only (the HIPAA-adopted guide). */
  readonly acceptedGuides?: readonly string[];
  /** The day date rules treat as today (YYYY-MM-DD); recorded in the report. */
  readonly asOf?: string;
  /** The coding rules; without an engine only SNIP 1–2 runs. */
  readonly engine?: RuleEngine;
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
  /** The payer profile the coding rules used (absent when only SNIP 1–2 ran). */
  readonly profile?: string;
  /** Safe fixes applied in the corrected 837 (absent when only SNIP 1–2 ran). */
  readonly fixes?: readonly string[];
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

/** Receive each claim as soon as it is checked, and each set's end after its claims; may apply backpressure. */
export interface StreamHandlers {
  readonly claim: (outcome: ClaimOutcome) => void | Promise<void>;
  readonly setEnd?: (set: SetEnd) => void | Promise<void>;
}

type Pending = { readonly kind: 'claim'; readonly claim: Claim; readonly envelope: InboundEnvelope } | { readonly kind: 'set'; readonly set: SetEnd };

/**
 * Validates one file from a byte stream: envelope, SNIP 1–2 and (with an engine) the coding
 * rules, one claim at a time. Memory is bounded by one claim (plus the error lists the
 * acknowledgments need). Never throws on bad data; only the source or a handler can fail.
 */
export async function validateStream(source: AsyncIterable<Uint8Array>, handlers: StreamHandlers, options: ValidateOptions = {}): Promise<FileValidation> {
  const pending: Pending[] = [];
  let accepted = 0;
  let rejected = 0;
  let isa: LocatedSegment | null = null;
  let gs: LocatedSegment | null = null;
  const envelope = createEnvelopeValidator({
    acceptedGuides: options.acceptedGuides ?? [SUPPORTED_GUIDE],
    openTransaction: (st) => {
      const inbound: InboundEnvelope = { isa: isa?.elements ?? ['ISA'], gs: gs?.elements ?? ['GS'], delimiters: st.delimiters };
      return createTransactionValidator837p(st, (claim) => pending.push({ kind: 'claim', claim, envelope: inbound }));
    },
    onSetEnd: (set) => pending.push({ kind: 'set', set }),
  });
  const drain = async (): Promise<void> => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
      if (next.kind === 'set') {
        await handlers.setEnd?.(next.set);
        continue;
      }
      const outcome = await judge(next.claim, next.envelope, options.engine);
      if (outcome.status === 'accepted') accepted++;
      else rejected++;
      await handlers.claim(outcome);
    }
  };
  for await (const batch of readSegmentBatches(source)) {
    for (const event of batch) {
      if (event.type === 'segment' && event.segment.id === 'ISA') isa = event.segment;
      if (event.type === 'segment' && event.segment.id === 'GS') gs = event.segment;
      envelope.event(event);
    }
    await drain();
  }
  const outcome = envelope.end();
  await drain();
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

async function judge(claim: Claim, envelope: InboundEnvelope, engine: RuleEngine | undefined): Promise<ClaimOutcome> {
  const snip = snipReport(claim);
  if (engine !== undefined) return engine.evaluate(claim, snip, envelope);
  const snipErrors = [...claim.contextErrors, ...claim.errors];
  return { view: viewClaim(claim), envelope, status: snip.status, snipErrors, findings: [], report: snip, inCorrected: snip.status === 'accepted', fixes: [] };
}

/**
 * SNIP 1–2 verdict of a claim: rejected when its own segments or the loops it depends on
 * (header, billing provider, subscriber, patient) have errors. Envelope problems of its set (SE
 * count, duplicate ST02) reject the set in the 999 but say nothing against the claim itself.
 */
export function snipReport(claim: Claim): ClaimReport {
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
