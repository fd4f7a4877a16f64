import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createS3Client } from '../adapters/aws-clients.ts';
import { FsObjectStore } from '../adapters/fs-object-store.ts';
import { S3ObjectStore } from '../adapters/s3-object-store.ts';
import type { Io } from './main.ts';
import { UsageError } from './usage.ts';

/** Where `npm start` serves its bucket (s3rver's own default port) unless CLAIMCHECK_S3_PORT moves it. */
export const LOCAL_S3_ENDPOINT = 'http://127.0.0.1:4568';
export const LOCAL_BUCKET = 'claimcheck-local';
/** The prefix the validate-837 handler (and `npm start`) validates on upload. */
const INBOUND = 'inbound/';

/**
 * `claimcheck put <file>`: uploads one file to a bucket, by default the local one of `npm start`
 * under inbound/<name>, where the ObjectCreated event makes the handler validate it. The file is
 * streamed (multipart above one part), its bytes unchanged.
 */
export async function put(argv: readonly string[], io: Io): Promise<void> {
  const args = parsePutArgs(argv);
  const client = createS3Client({ endpoint: args.endpoint });
  try {
    await new S3ObjectStore({ client, bucket: args.bucket }).write(args.key, latin1Text(new FsObjectStore(io.cwd).read(args.file)));
  } catch (error) {
    throw awsFailure(error, `S3 at ${args.endpoint}`, `bucket "${args.bucket}"`);
  } finally {
    client.destroy();
  }
  io.stdout(`${args.file} uploaded to s3://${args.bucket}/${args.key}\n`);
}

interface PutArgs {
  readonly file: string;
  readonly endpoint: string;
  readonly bucket: string;
  readonly key: string;
}

function parsePutArgs(argv: readonly string[]): PutArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { endpoint: { type: 'string', default: LOCAL_S3_ENDPOINT }, bucket: { type: 'string', default: LOCAL_BUCKET }, key: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('put takes one file (usage: claimcheck put <file> [--endpoint <url>] [--bucket <name>] [--key <key>])');
  const file = positionals[0]!;
  const endpoint = endpointOption('--endpoint', values.endpoint, LOCAL_S3_ENDPOINT);
  const key = values.key ?? `${INBOUND}${basename(file)}`;
  if (key === '' || key.endsWith('/')) throw new UsageError(`--key must name an object, not "${key}"`);
  return { file, endpoint, bucket: values.bucket, key };
}

/** A service URL option, checked here so a typo is a usage error and not a network failure. */
export function endpointOption<T extends string | undefined>(flag: string, value: T, example: string): T {
  if (value !== undefined && !URL.canParse(value)) throw new UsageError(`${flag} must be a URL such as ${example}, not "${value}"`);
  return value;
}

/** S3ObjectStore writes text as Latin-1: decoding the bytes the same way hands it every byte unchanged. */
async function* latin1Text(bytes: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  for await (const chunk of bytes) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
}

/**
 * The SDK's errors name the operation, the request and the retry count; the user needs to know
 * which of the few usual causes it was. `service` is e.g. "S3 at http://…", `resource` the
 * bucket or table. Anything else keeps its own message (still one line: main prints no stack).
 */
export function awsFailure(error: unknown, service: string, resource: string): Error {
  const e = error as { name?: string; code?: string; errors?: Array<{ code?: string }> } | null;
  const code = e?.code ?? e?.errors?.[0]?.code;
  if (code === 'ECONNREFUSED') return new Error(`cannot reach ${service} (is \`npm start\` running?)`);
  if (e?.name === 'NoSuchBucket' || e?.name === 'ResourceNotFoundException') return new Error(`${resource} does not exist at ${service}`);
  return error instanceof Error ? error : new Error(String(error));
}
