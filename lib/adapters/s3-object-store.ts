import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { ObjectNotFoundError, type ObjectStore, type TextEncoding } from '../ports.ts';

export interface S3ObjectStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** Keys per ListObjectsV2 page (S3's maximum and default is 1000; tests page with fewer). */
  readonly listPageSize?: number;
  /** Multipart part size in bytes (S3's minimum, 5 MiB, is the default). */
  readonly partSize?: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * One S3 bucket as an ObjectStore (the Lambda's input and outputs), plus what the nightly run
 * needs: list a prefix, move an object, ask whether one exists. Keys are bucket keys as they are
 * (already URL-decoded by the caller).
 */
export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly listPageSize: number | undefined;
  private readonly partSize: number;

  constructor(options: S3ObjectStoreOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.listPageSize = options.listPageSize;
    this.partSize = options.partSize ?? MIN_PART_SIZE;
  }

  /** The body is yielded as it arrives from the socket, never gathered whole. */
  async *read(key: string): AsyncIterable<Uint8Array> {
    let body: unknown;
    try {
      body = (await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))).Body;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ObjectNotFoundError(key);
      throw error;
    }
    // In Node.js the SDK answers with an http.IncomingMessage; anything else is a wrong runtime.
    if (!(body instanceof Readable)) throw new Error(`s3://${this.bucket}/${key}: GetObject returned no Node.js stream`);
    // A consumer that stops early ends the iterator, which destroys the stream and frees the socket.
    yield* body as AsyncIterable<Uint8Array>;
  }

  /**
   * Streams the chunks up as a multipart upload once they exceed one part (a single PutObject
   * otherwise). S3 shows the object only when the upload completes; a failed upload is aborted,
   * so the key is whole or absent, as the port requires.
   */
  async write(key: string, body: string | AsyncIterable<string>, encoding: TextEncoding = 'latin1'): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: typeof body === 'string' ? Buffer.from(body, encoding) : Readable.from(encoded(body, encoding)), ...(encoding === 'utf8' ? { ContentType: contentType(key) } : {}) },
      partSize: this.partSize,
      // One part in flight bounds memory at two parts (the one filling, the one sending).
      queueSize: 1,
    });
    await upload.done();
  }

  async *list(prefix: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: this.listPageSize, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key !== undefined) yield object.Key;
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  /**
   * S3 has no rename: copy, then delete the source, so the object exists under one key or both,
   * never neither. CopySource is URL-encoded per segment (S3 decodes it; `/` must stay).
   */
  async move(from: string, to: string): Promise<void> {
    try {
      await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}` }));
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ObjectNotFoundError(from);
      throw error;
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: from }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      // HEAD responses have no body, so S3 can only say 404: the SDK calls that NotFound.
      if (error instanceof NotFound) return false;
      throw error;
    }
  }
}

/** Reports say what they are, so a browser opening one from the console shows it as text. */
function contentType(key: string): string {
  return key.endsWith('.html') ? 'text/html; charset=utf-8' : key.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
}

async function* encoded(body: AsyncIterable<string>, encoding: TextEncoding): AsyncIterable<Buffer> {
  for await (const chunk of body) yield Buffer.from(chunk, encoding);
}
