import { basename, dirname, join } from 'node:path';
import { createDynamoClient } from '../adapters/aws-clients.ts';
import { createDynamoCodeTables } from '../adapters/dynamodb-code-tables.ts';
import { createDynamoFrequencyLedger } from '../adapters/dynamodb-frequency-ledger.ts';
import { loadCodeSets, readOrderFile } from '../adapters/fs-codesets.ts';
import { openFileLedger } from '../adapters/file-frequency-ledger.ts';
import { createPatientKeyer, openPatientKeyer } from '../adapters/patient-keyer.ts';
import { fiscalYearFromFileName, mergeDiagnoses, parseIcd10cmOrderFile } from '../codesets/icd10cm-order-file.ts';
import { createMemoryCodeTables } from '../codesets/memory-code-tables.ts';
import { createMemoryFrequencyLedger } from '../ledger/memory-frequency-ledger.ts';
import type { CodeTables, FrequencyLedger, PatientKeyer } from '../ports.ts';
import { awsFailure } from './put.ts';
import { UsageError } from './usage.ts';

export interface RuleSetup {
  readonly tables: CodeTables;
  readonly ledger: FrequencyLedger;
  readonly keyer: PatientKeyer;
  /** Persists what the run recorded (nothing with --no-ledger). */
  flush(): Promise<void>;
  /** Lines for stderr (e.g. unreadable lines of an ICD-10-CM order file). */
  readonly notices: readonly string[];
}

export interface RuleSetupOptions {
  /** Ledger file, or null for --no-ledger (the batch still counts its own claims, nothing is kept). */
  readonly ledgerPath: string | null;
  /** A CMS ICD-10-CM order file laid over the shipped diagnosis subset. */
  readonly icd10cm: string | null;
  readonly today: string;
  /** Code tables and ledger in DynamoDB (real or emulated) instead of codesets/ and the ledger file. */
  readonly dynamodb: DynamoTables | null;
}

export interface DynamoTables {
  readonly endpoint: string;
  readonly codeTable: string;
  readonly ledgerTable: string;
}

/** Code tables, frequency ledger and patient keyer for one CLI run. */
export async function openRuleSetup(options: RuleSetupOptions): Promise<RuleSetup> {
  const { dynamodb } = options;
  if (dynamodb === null) return openFileRuleSetup(options);
  const client = createDynamoClient({ endpoint: dynamodb.endpoint });
  const tables = await createDynamoCodeTables({ client, tableName: dynamodb.codeTable }).catch((error: unknown) => {
    throw awsFailure(error, `DynamoDB at ${dynamodb.endpoint}`, `code table "${dynamodb.codeTable}"`);
  });
  if (options.ledgerPath === null) return { ...withoutLedger(), tables, notices: [] };
  // The keying secret stays a local file, as for the ledger file: the Lambda's secret pasted
  // into it makes the CLI key patients as the Lambda does, so both count in one ledger table.
  const keyer = await openPatientKeyer(join(dirname(options.ledgerPath), 'secret'));
  return { tables, ledger: createDynamoFrequencyLedger({ client, tableName: dynamodb.ledgerTable }), keyer, flush: async () => undefined, notices: [] };
}

async function openFileRuleSetup(options: RuleSetupOptions): Promise<RuleSetup> {
  const sets = await loadCodeSets();
  const notices: string[] = [];
  let diagnoses = sets.diagnoses;
  if (options.icd10cm !== null) {
    const year = fiscalYearFromFileName(basename(options.icd10cm));
    if (year === null) throw new UsageError(`--icd10cm ${options.icd10cm}: the fiscal year is not in the file name (expected e.g. icd10cm_order_2027.txt)`);
    const parsed = parseIcd10cmOrderFile(await readOrderFile(options.icd10cm), { fiscalYear: year, source: basename(options.icd10cm), retrieved: options.today });
    for (const p of parsed.problems.slice(0, 5)) notices.push(`${options.icd10cm}:${p.line}: ${p.message}`);
    if (parsed.problems.length > 5) notices.push(`${options.icd10cm}: ${parsed.problems.length - 5} more unreadable lines`);
    diagnoses = mergeDiagnoses(sets.diagnoses, parsed.file);
  }
  const tables = createMemoryCodeTables({ ...sets, diagnoses });
  if (options.ledgerPath === null) return { ...withoutLedger(), tables, notices };
  const file = await openFileLedger(options.ledgerPath);
  // The secret lives beside the ledger: a different secret would make every patient look new.
  const keyer = await openPatientKeyer(join(dirname(options.ledgerPath), 'secret'));
  return { tables, ledger: file.ledger, keyer, flush: () => file.flush(), notices };
}

/** --no-ledger: no history is kept, so a key made with a throw-away secret is enough to count this batch. */
function withoutLedger(): Pick<RuleSetup, 'ledger' | 'keyer' | 'flush'> {
  return { ledger: createMemoryFrequencyLedger(), keyer: createPatientKeyer(crypto.getRandomValues(new Uint8Array(32))), flush: async () => undefined };
}
