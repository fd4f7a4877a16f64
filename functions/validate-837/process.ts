import type { AckContext } from '../../lib/ack/envelope-writer.ts';
import { layoutStore, outputKey } from '../../lib/output-layout.ts';
import type { PipelineRequest } from '../../lib/pipeline.ts';
import type { Hasher, ObjectStore } from '../../lib/ports.ts';
import type { ClaimStreamWriter } from '../../lib/rules/claim-outcome.ts';
import { validateObject, type ClaimOutput } from '../../lib/validate-object.ts';
import type { FileValidation, Summary } from '../../lib/validate-stream.ts';
import type { OutboundPolicy } from '../shared/env.ts';
import type { ObjectRef } from './s3-event.ts';

/** What one invocation validates with: built once per invocation, shared by its objects. */
export interface ValidationRun {
  /** The claim bucket: inputs are read from it, outputs written under their prefixes. */
  readonly bucket: ObjectStore;
  /** The acknowledgment context and the pipeline request (rule engine, claim outputs, HTML report) of one object. */
  readonly prepare: (ref: ObjectRef) => { readonly ack: AckContext; readonly request: PipelineRequest };
  readonly hasher: () => Hasher;
  readonly outboundPolicy: OutboundPolicy;
  readonly publish: (detail: BatchValidated) => Promise<void>;
}

/** The `claimcheck.batch.validated` event detail: keys and counts, never claim content (no PHI). */
export interface BatchValidated {
  readonly bucket: string;
  readonly key: string;
  readonly version: string | null;
  readonly accepted: boolean;
  readonly sha256: string;
  readonly summary: Summary;
  /** Bucket keys written, report.json last. */
  readonly outputs: readonly string[];
}

/** What may be logged about a batch: the event detail, inbound ISA13s and rule ids with counts. */
export interface BatchOutcome {
  readonly detail: BatchValidated;
  readonly interchangeControlNumbers: readonly string[];
  readonly ruleCounts: Readonly<Record<string, number>>;
}

export const CORRECTED_SUFFIX = '.corrected.837';
/** output-layout.ts puts this copy of the corrected file under outbound/. */
export const OUTBOUND_SUFFIX = '.outbound.837';

const KEEP_OUTBOUND: Record<OutboundPolicy, (validation: FileValidation) => boolean> = {
  'clean-only': (validation) => validation.accepted,
  always: () => true,
  never: () => false,
};

/**
 * Validates one object of the bucket and writes its outputs beside it (acks/, reports/,
 * corrected/, rejected/, outbound/), then publishes one event. `<name>` is the key below its
 * first prefix, so inbound/2026/12/b.837 and pending/2026/12/b.837 both give acks/2026/12/b.837.999.
 * Throws when reading or writing fails; the input is never touched.
 */
export async function validateInput(run: ValidationRun, ref: ObjectRef): Promise<BatchOutcome> {
  const name = ref.key.slice(ref.key.indexOf('/') + 1);
  const ruleCounts: Record<string, number> = {};
  const count = (rule: string): void => {
    ruleCounts[rule] = (ruleCounts[rule] ?? 0) + 1;
  };
  const { ack, request } = run.prepare(ref);
  const claimOutputs = (request.claimOutputs ?? []).map((output): ClaimOutput => {
    if (output.suffix !== CORRECTED_SUFFIX) return output;
    // Every claim passes through each writer once; the corrected one also counts the rule ids.
    return { ...output, writer: countingRules(output.writer, count), copy: { suffix: OUTBOUND_SUFFIX, keep: KEEP_OUTBOUND[run.outboundPolicy] } };
  });
  const result = await validateObject(
    { outputs: layoutStore(run.bucket), hasher: run.hasher(), ack },
    { ...request, claimOutputs, input: run.bucket.read(ref.key), file: ref.key, name },
  );
  for (const finding of result.envelopeFindings) count(finding.rule);
  const detail: BatchValidated = {
    bucket: ref.bucket,
    key: ref.key,
    version: ref.version,
    accepted: result.accepted,
    sha256: result.sha256,
    summary: result.summary,
    outputs: result.written.map(outputKey),
  };
  await run.publish(detail);
  return { detail, interchangeControlNumbers: result.interchanges.flatMap((ic) => (ic.isa[13] === undefined ? [] : [ic.isa[13]])), ruleCounts };
}

function countingRules(writer: ClaimStreamWriter, count: (rule: string) => void): ClaimStreamWriter {
  return {
    claim: (outcome) => {
      for (const finding of outcome.report.findings) count(finding.rule);
      return writer.claim(outcome);
    },
    setEnd: (set) => writer.setEnd(set),
    end: () => writer.end(),
  };
}
