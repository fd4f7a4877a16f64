import { ObjectNotFoundError, type ObjectStore } from '../../lib/ports.ts';
import type { PendingObjects } from '../../functions/nightly/process.ts';

/**
 * A bucket in memory for the handler tests: the ObjectStore the validation reads and writes,
 * plus listing (in pages, as S3 does) and moves. Every write makes a new version id.
 */
export class MemoryBucket implements ObjectStore, PendingObjects {
  readonly objects = new Map<string, { bytes: Uint8Array; version: string }>();
  private versions = 0;

  constructor(private readonly failOn: (key: string) => boolean = () => false) {}

  put(key: string, bytes: Uint8Array | string): void {
    this.objects.set(key, { bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes, version: `v${++this.versions}` });
  }

  text(key: string): string | undefined {
    const object = this.objects.get(key);
    return object === undefined ? undefined : Buffer.from(object.bytes).toString('latin1');
  }

  keys(prefix = ''): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async *read(key: string): AsyncIterable<Uint8Array> {
    if (this.failOn(key)) throw new Error(`${key}: connection reset`);
    const object = this.objects.get(key);
    if (object === undefined) throw new ObjectNotFoundError(key);
    // Small chunks, so the validation sees a stream and not one buffer.
    for (let i = 0; i < object.bytes.length; i += 1000) yield object.bytes.subarray(i, i + 1000);
  }

  async write(key: string, body: string | AsyncIterable<string>): Promise<void> {
    let text = '';
    if (typeof body === 'string') text = body;
    else for await (const chunk of body) text += chunk;
    this.put(key, text);
  }

  async *list(prefix: string): AsyncIterable<string> {
    yield* this.keys(prefix);
  }

  async version(key: string): Promise<string | null> {
    return this.objects.get(key)?.version ?? null;
  }

  async move(from: string, to: string): Promise<void> {
    const object = this.objects.get(from);
    if (object === undefined) throw new ObjectNotFoundError(from);
    this.objects.set(to, object);
    this.objects.delete(from);
  }
}
