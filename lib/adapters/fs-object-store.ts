import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ObjectNotFoundError, type ObjectStore, type TextEncoding } from '../ports.ts';

/** Read in 256 KiB chunks: large enough for throughput, small enough to keep memory flat. */
const CHUNK = 256 * 1024;

/**
 * Files under a root folder as an ObjectStore (the CLI's input and output). Writes go to a
 * temporary name and are renamed when complete, so an output file is either whole or absent.
 */
export class FsObjectStore implements ObjectStore {
  constructor(private readonly root: string) {}

  async *read(key: string): AsyncIterable<Uint8Array> {
    const path = resolve(this.root, key);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new ObjectNotFoundError(key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError || (error as NodeJS.ErrnoException).code === 'ENOENT') throw new ObjectNotFoundError(key);
      throw error;
    }
    yield* createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Uint8Array>;
  }

  async write(key: string, body: string | AsyncIterable<string>, encoding: TextEncoding = 'latin1'): Promise<void> {
    const path = resolve(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    try {
      await pipeline(Readable.from(typeof body === 'string' ? [Buffer.from(body, encoding)] : encoded(body, encoding)), createWriteStream(temp));
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

async function* encoded(body: AsyncIterable<string>, encoding: TextEncoding): AsyncIterable<Buffer> {
  for await (const chunk of body) yield Buffer.from(chunk, encoding);
}
