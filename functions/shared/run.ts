import { createHash } from 'node:crypto';
import { fixedClock } from '../../lib/ack/clock.ts';
import { counterControlNumbers } from '../../lib/ack/control-numbers.ts';
import { createSha256 } from '../../lib/adapters/sha256.ts';
import type { Day } from '../../lib/codesets/types.ts';
import { createPipeline } from '../../lib/pipeline.ts';
import type { CodeTables, FrequencyLedger, ObjectStore, PatientKeyer } from '../../lib/ports.ts';
import type { Rule } from '../../lib/rules/define-rule.ts';
import type { BatchValidated, ValidationRun } from '../validate-837/process.ts';
import type { ObjectRef } from '../validate-837/s3-event.ts';
import type { OutboundPolicy } from './env.ts';

/** The long-lived parts (module scope in Lambda, memory adapters in tests). */
export interface RunDeps {
  readonly bucket: ObjectStore;
  readonly tables: CodeTables;
  /** A ledger for one invocation (its reads are cached for that invocation only). */
  readonly ledger: () => FrequencyLedger;
  readonly keyer: PatientKeyer;
  readonly rules: readonly Rule[];
  readonly outboundPolicy: OutboundPolicy;
  readonly publish: (detail: BatchValidated) => Promise<void>;
}

/**
 * One invocation's validation context: one ledger for its objects, and for each object its own
 * acknowledgment context, derived from the object alone so that a retry (minutes or days later)
 * writes the same bytes: the clock stands at the time S3 received the object (the invocation's
 * start when that is unknown), "today" for date rules is that day (UTC, never behind a US
 * practice's own date, so no claim is dated in the future by mistake), and the control numbers
 * start at a number derived from the bucket, key and version.
 */
export function createRun(deps: RunDeps, now: Date): ValidationRun {
  const ledger = deps.ledger();
  return {
    bucket: deps.bucket,
    hasher: createSha256,
    outboundPolicy: deps.outboundPolicy,
    publish: deps.publish,
    prepare(ref) {
      const at = ref.receivedAt === undefined || ref.receivedAt === null ? now : new Date(ref.receivedAt);
      const clock = fixedClock(at);
      const start = objectControlNumber(ref);
      const ack = { clock, controlNumbers: counterControlNumbers({ interchange: start, group: start, set: 1 }) };
      const asOf: Day = at.toISOString().slice(0, 10);
      return { ack, request: createPipeline({ tables: deps.tables, ledger, keyer: deps.keyer, rules: deps.rules, asOf, ack, clock })(ref.key) };
    },
  };
}

/**
 * ISA13/GS06 must not repeat towards one partner, and a retry must repeat them exactly (so the
 * clearinghouse's duplicate check catches a second copy). The first number is a hash of the
 * object's bucket, key and version, kept below 999,000,000 so the acknowledgments of one file
 * (a handful of sequential numbers) never wrap. Two different files start within a few numbers
 * of each other with a chance of about one in 100 million per pair.
 */
export function objectControlNumber(ref: Pick<ObjectRef, 'bucket' | 'key' | 'version'>): number {
  const digest = createHash('sha256').update(`${ref.bucket}\u0000${ref.key}\u0000${ref.version ?? ''}`).digest();
  return (digest.readUInt32BE(0) % 999_000_000) + 1;
}
