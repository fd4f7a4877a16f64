import { counterControlNumbers } from '../../lib/ack/control-numbers.ts';
import { createSha256 } from '../../lib/adapters/sha256.ts';
import type { Day } from '../../lib/codesets/types.ts';
import { createPipeline } from '../../lib/pipeline.ts';
import type { CodeTables, FrequencyLedger, ObjectStore, PatientKeyer } from '../../lib/ports.ts';
import type { Rule } from '../../lib/rules/define-rule.ts';
import type { BatchValidated, ValidationRun } from '../validate-837/process.ts';
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
 * One invocation's validation context: "today" for date rules (UTC, which is never behind a
 * US practice's own date, so no claim is dated in the future by mistake), one rule engine, and
 * one control-number counter for every ack the invocation writes.
 */
export function createRun(deps: RunDeps, now: Date): ValidationRun {
  const clock = { now: () => new Date() };
  const start = timeDerivedControlNumber(now);
  const ack = { clock, controlNumbers: counterControlNumbers({ interchange: start, group: start, set: 1 }) };
  const asOf: Day = now.toISOString().slice(0, 10);
  const pipeline = createPipeline({ tables: deps.tables, ledger: deps.ledger(), keyer: deps.keyer, rules: deps.rules, asOf, ack, clock });
  return { bucket: deps.bucket, pipeline, ack, hasher: createSha256, outboundPolicy: deps.outboundPolicy, publish: deps.publish };
}

/**
 * ISA13/GS06 must not repeat towards one partner. As in the CLI, the first number is the
 * seconds since 2020 (nine digits for decades, growing with time). Two invocations starting
 * within the same few seconds can still overlap; a counter reserved in DynamoDB would close
 * that gap.
 */
export function timeDerivedControlNumber(now: Date): number {
  return Math.floor((now.getTime() - Date.UTC(2020, 0, 1)) / 1000) % 999_999_999 || 1;
}
