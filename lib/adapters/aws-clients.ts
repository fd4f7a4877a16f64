import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

/**
 * AWS SDK clients for the adapters, built in one place so Lambda, the CLI, `npm start` and the
 * tests configure them alike (conventions §13: adapters are handed these clients, never build
 * their own).
 */
export interface AwsClientOptions {
  /** A service URL instead of AWS's (an emulator on this machine, or e.g. a VPC endpoint). */
  readonly endpoint?: string;
  /** Default: the SDK's region chain (AWS_REGION in Lambda); us-east-1 for an emulator. */
  readonly region?: string;
}

/** The emulators accept any region; the SDK still insists on one. */
const EMULATOR_REGION = 'us-east-1';

/**
 * An endpoint on this machine is an emulator (s3rver, dynalite, DynamoDB Local): it gets fixed
 * credentials instead of the default chain, so local mode runs with no AWS account and every
 * process reaches the same emulator data (DynamoDB Local keeps one database per access key and
 * region). Any other endpoint is a real service and keeps the default credential chain.
 */
export function isEmulatorEndpoint(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return false;
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function createS3Client(options: AwsClientOptions = {}): S3Client {
  if (!isEmulatorEndpoint(options.endpoint)) return new S3Client({ endpoint: options.endpoint, region: options.region });
  return new S3Client({
    endpoint: options.endpoint,
    region: options.region ?? EMULATOR_REGION,
    // s3rver serves buckets by path (/bucket/key), not by virtual host, and checks signatures
    // against its fixed key pair.
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // The SDK's default CRC32 checksums send streamed bodies aws-chunked with trailers, which
    // s3rver stores verbatim (chunk headers inside the object) and cannot answer: streamed
    // uploads are silently corrupted unless checksums are only sent where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function createDynamoClient(options: AwsClientOptions = {}): DynamoDBClient {
  if (!isEmulatorEndpoint(options.endpoint)) return new DynamoDBClient({ endpoint: options.endpoint, region: options.region });
  return new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region ?? EMULATOR_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * The document client (plain JS values in and out) the DynamoDB adapters use. lib-dynamodb
 * shares the base client's config and middleware and writes its translate options into that
 * shared config, so every document client of one base client must be made with the same
 * options: this is the one place they are made.
 */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * Creates a table keyed by string `PK` and `SK`, on demand, and waits until it is active (for
 * tests and local mode; in AWS the CDK stack creates the tables). Both claimcheck tables have
 * this key schema; what the keys hold is each adapter's business.
 */
export async function createPkSkTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
}
