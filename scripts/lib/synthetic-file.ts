import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { generate837p, type SyntheticOptions, type SyntheticStats } from './synthetic-837p.ts';

/**
 * Streams a synthetic 837P to `path`, waiting for 'drain' whenever the stream's buffer is full,
 * so memory stays flat whatever the size. It writes to a temporary name first and renames at
 * the end: an interrupted run leaves no truncated file for the benchmark's cache to trust.
 */
export async function writeSyntheticFile(path: string, options: SyntheticOptions): Promise<SyntheticStats> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { encoding: 'latin1' });
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const stats = await Promise.race([
    generate837p(options, async (chunk) => {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    }),
    failed,
  ]);
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  await rename(partial, path);
  return stats;
}
