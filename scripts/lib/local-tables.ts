import { CreateTableCommand, type DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import type { SeedCounts } from '../../lib/adapters/dynamodb-seed.ts';
import { createLedgerTable } from '../../lib/adapters/dynamodb-frequency-ledger.ts';
import { createAndSeed, unlessExists } from '../../lib/cli/seed-codes.ts';

export interface LocalTableNames {
  readonly codes: string;
  readonly ledger: string;
  readonly idempotency: string;
}

/**
 * The three tables the validate-837 handler reads and writes, as the CDK stack makes them in AWS:
 * created when absent (a restart of `npm start` finds them in its data folder), and the code
 * table seeded from codesets/ every time, so edited code sets are picked up (seeding is idempotent).
 */
export async function createLocalTables(client: DynamoDBClient, names: LocalTableNames): Promise<SeedCounts> {
  await unlessExists(() => createLedgerTable(client, names.ledger));
  await unlessExists(() => createIdempotencyTable(client, names.idempotency));
  return createAndSeed(client, names.codes, true);
}

/** Powertools idempotency's default layout, as in the stack: string key `id` (expiry in `expiration`). */
async function createIdempotencyTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
}
