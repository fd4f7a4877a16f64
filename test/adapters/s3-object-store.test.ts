import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../lib/adapters/aws-clients.ts';
import { S3ObjectStore } from '../../lib/adapters/s3-object-store.ts';
import { ObjectNotFoundError } from '../../lib/ports.ts';
import { type S3Emulator, startS3rver } from '../emulators/s3rver.ts';

const BUCKET = 'claimcheck-test';
const MiB = 1024 * 1024;

let s3rver: S3Emulator;
let client: S3Client;
let store: S3ObjectStore;

beforeAll(async () => {
  s3rver = await startS3rver([BUCKET]);
  client = createS3Client({ endpoint: s3rver.endpoint });
  store = new S3ObjectStore({ client, bucket: BUCKET });
});
afterAll(async () => {
  client?.destroy();
  await s3rver?.stop();
});

/** Every byte value in turn, 0x00–0xFF, so Latin-1 mistakes (UTF-8 re-encoding of 0x80–0xFF) show. */
function bytePattern(length: number, offset = 0): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i + offset) % 256;
  return bytes;
}

async function readAll(key: string): Promise<{ bytes: Buffer; chunks: number[] }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of store.read(key)) parts.push(chunk);
  return { bytes: Buffer.concat(parts), chunks: parts.map((p) => p.length) };
}

async function getRaw(key: string): Promise<Buffer> {
  const { Body } = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await Body!.transformToByteArray());
}

describe('S3ObjectStore against s3rver', () => {
  it('streams a multi-MB object in chunks as they arrive, byte for byte', async () => {
    const bytes = bytePattern(6 * MiB);
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'inbound/big.837', Body: bytes }));
    const read = await readAll('inbound/big.837');
    expect(read.bytes.equals(bytes)).toBe(true);
    // Not one buffer of the whole body: the socket's chunks (64 KiB at most from Node's http).
    expect(read.chunks.length).toBeGreaterThan(10);
    expect(Math.max(...read.chunks)).toBeLessThan(MiB);
  });

  it('rejects a missing key with ObjectNotFoundError', async () => {
    const reading = readAll('inbound/none.837');
    await expect(reading).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(reading).rejects.toMatchObject({ key: 'inbound/none.837' });
  });

  it('writes a streamed body over 5 MiB as a multipart upload, Latin-1 (bytes 0x80–0xFF kept)', async () => {
    const expected = bytePattern(11 * MiB + 12345, 7);
    // Text chunks of odd sizes, one character per byte, as the acknowledgment writers produce them.
    async function* chunks(): AsyncIterable<string> {
      for (let at = 0; at < expected.length; at += 300_007) yield expected.subarray(at, at + 300_007).toString('latin1');
    }
    await store.write('acks/big.999', chunks());
    expect((await getRaw('acks/big.999')).equals(expected)).toBe(true);
  });

  it('writes a string body in one request, Latin-1', async () => {
    const text = 'ISA*00*é~ÿ\u0080';
    await store.write('reports/small.txt', text);
    expect([...(await getRaw('reports/small.txt'))]).toEqual([...Buffer.from(text, 'latin1')]);
  });

  it('leaves no object behind when the body fails mid-stream', async () => {
    async function* failing(): AsyncIterable<string> {
      yield 'x'.repeat(6 * MiB);
      throw new Error('writer crashed');
    }
    // On S3 the upload is aborted and 'writer crashed' surfaces; s3rver has no
    // AbortMultipartUpload, so lib-storage reports that refusal instead.
    await expect(store.write('acks/torn.999', failing())).rejects.toThrow();
    expect(await store.exists('acks/torn.999')).toBe(false);
  });

  it('lists a prefix across pages (ListObjectsV2 continuation)', async () => {
    const paged = new S3ObjectStore({ client, bucket: BUCKET, listPageSize: 3 });
    const keys = Array.from({ length: 8 }, (_, i) => `pending/2026/12/batch ${i}+é.837`);
    await Promise.all(keys.map((key) => store.write(key, 'ISA')));
    await store.write('pendingnot/other.837', 'ISA');
    const listed: string[] = [];
    for await (const key of paged.list('pending/')) listed.push(key);
    expect(listed.sort()).toEqual([...keys].sort());
  });

  // Not a '+' in the key: s3rver decodes x-amz-copy-source with decodeURI, which leaves %2B
  // encoded (S3 decodes it); spaces and non-ASCII are the cases a decoded S3 event key brings.
  it('moves an object (copy, then delete), keys with spaces and non-ASCII included', async () => {
    await store.write('pending/move me é.837', 'ISA*00');
    await store.move('pending/move me é.837', 'inbound/processed/move me é.837');
    expect(await store.exists('pending/move me é.837')).toBe(false);
    expect((await getRaw('inbound/processed/move me é.837')).toString('latin1')).toBe('ISA*00');
    await expect(store.move('pending/none.837', 'inbound/none.837')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('tells whether a key exists', async () => {
    await store.write('reports/here.report.json', '{}');
    expect(await store.exists('reports/here.report.json')).toBe(true);
    expect(await store.exists('reports/absent.report.json')).toBe(false);
  });
});
