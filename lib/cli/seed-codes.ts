import { parseArgs } from 'node:util';
import { createDynamoClient } from '../adapters/aws-clients.ts';
import { createCodeTable, seedCodeTable, type SeedCodeTableOptions, type SeedCounts } from '../adapters/dynamodb-seed.ts';
import { loadCodeSets } from '../adapters/fs-codesets.ts';
import type { Io } from './main.ts';
import { awsFailure, endpointOption } from './put.ts';
import { UsageError } from './usage.ts';

/** The DynamoDB emulator of `npm start` (DynamoDB Local's own default port) unless CLAIMCHECK_DYNAMODB_PORT moves it. */
export const LOCAL_DYNAMODB_ENDPOINT = 'http://127.0.0.1:8000';
/** The tables `npm start` creates, and the defaults of `validate --dynamodb-endpoint`. */
export const LOCAL_TABLES = { codes: 'claimcheck-codes', ledger: 'claimcheck-ledger', idempotency: 'claimcheck-idempotency' } as const;

/**
 * `claimcheck seed-codes --table <name> [--dynamodb-endpoint <url>] [--create]`: writes the
 * shipped code sets (codesets/) into a code table, in AWS (the endpoint left out: the default
 * credential chain) or in an emulator. Seeding again writes the same items.
 */
export async function seedCodes(argv: readonly string[], io: Io): Promise<void> {
  const args = parseSeedArgs(argv);
  const client = createDynamoClient(args.endpoint === undefined ? {} : { endpoint: args.endpoint });
  try {
    const counts = await createAndSeed(client, args.table, args.create);
    io.stdout(`seeded ${args.table}: ${counts.items} items (${Object.entries(counts.entries).map(([file, n]) => `${file} ${n}`).join(', ')})\n`);
  } catch (error) {
    throw awsFailure(error, `DynamoDB at ${args.endpoint ?? 'AWS'}`, `table "${args.table}"`);
  } finally {
    client.destroy();
  }
}

/** Creates the code table first when asked (and absent), then seeds it from codesets/; `npm start` seeds through here too. */
export async function createAndSeed(client: SeedCodeTableOptions['client'], table: string, create: boolean): Promise<SeedCounts> {
  if (create) await unlessExists(() => createCodeTable(client, table));
  return seedCodeTable({ client, tableName: table, codeSets: await loadCodeSets() });
}

/** Runs a CreateTable; a table that is already there is what was wanted (re-running is safe). */
export async function unlessExists(createTable: () => Promise<void>): Promise<void> {
  try {
    await createTable();
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
  }
}

interface SeedArgs {
  readonly endpoint: string | undefined;
  readonly table: string;
  readonly create: boolean;
}

function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { 'dynamodb-endpoint': { type: 'string' }, table: { type: 'string' }, create: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const endpoint = endpointOption('--dynamodb-endpoint', values['dynamodb-endpoint'], LOCAL_DYNAMODB_ENDPOINT);
  if (values.table === undefined || values.table === '') throw new UsageError('--table <name> is required (usage: claimcheck seed-codes --table <name> [--dynamodb-endpoint <url>] [--create])');
  return { endpoint, table: values.table, create: values.create };
}
