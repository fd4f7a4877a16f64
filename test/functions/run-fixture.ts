import { loadCodeSets } from '../../lib/adapters/fs-codesets.ts';
import { createPatientKeyer } from '../../lib/adapters/patient-keyer.ts';
import type { CodeSets } from '../../lib/codesets/code-set-file.ts';
import { createMemoryCodeTables } from '../../lib/codesets/memory-code-tables.ts';
import { createMemoryFrequencyLedger, type MemoryFrequencyLedger } from '../../lib/ledger/memory-frequency-ledger.ts';
import { RULES } from '../../lib/rules/index.ts';
import type { OutboundPolicy } from '../../functions/shared/env.ts';
import { createRun } from '../../functions/shared/run.ts';
import type { BatchValidated, ValidationRun } from '../../functions/validate-837/process.ts';
import type { MemoryBucket } from './memory-bucket.ts';

/** The examples' dates of service are in autumn 2026: "today" is just after them. */
export const NOW = new Date('2026-12-04T10:00:00Z');

let codeSets: Promise<CodeSets> | null = null;

export interface TestRun {
  readonly run: ValidationRun;
  readonly published: BatchValidated[];
  readonly ledger: MemoryFrequencyLedger;
}

/** The production wiring (createRun) over memory adapters: shipped code sets, an in-memory ledger. */
export async function testRun(bucket: MemoryBucket, outboundPolicy: OutboundPolicy = 'clean-only'): Promise<TestRun> {
  codeSets ??= loadCodeSets();
  const tables = createMemoryCodeTables(await codeSets);
  const ledger = createMemoryFrequencyLedger();
  const published: BatchValidated[] = [];
  const run = createRun(
    {
      bucket, tables, ledger: () => ledger, rules: RULES, outboundPolicy,
      keyer: createPatientKeyer(new Uint8Array(32).fill(7)),
      publish: async (detail) => {
        published.push(detail);
      },
    },
    NOW,
  );
  return { run, published, ledger };
}
