import type { ObjectStore } from '../../../lib/ports.ts';

/** The outputs of one input, by the bucket layout (serverless-design.md). */
const ACK_AND_REPORT_SUFFIXES = ['.999', '.ta1', '.277ca', '.report.json', '.report.html'];
const OUTPUT_PREFIXES = ['acks/', 'reports/', 'corrected/', 'rejected/', 'outbound/'];

/** Keeps the objects that are outputs of `<name>` (the input key below inbound/). */
export function outputsOf(objects: ReadonlyMap<string, Buffer>, name: string): Map<string, Buffer> {
  return new Map(
    [...objects].filter(([key]) => {
      const prefix = OUTPUT_PREFIXES.find((p) => key.startsWith(p));
      if (prefix === undefined) return false;
      const rest = key.slice(prefix.length);
      return rest === name || ACK_AND_REPORT_SUFFIXES.some((suffix) => rest === name + suffix);
    }),
  );
}

/** Records the keys of completed writes, in completion order. */
export function recordingWrites(completed: string[]): (bucket: ObjectStore) => ObjectStore {
  return (bucket) => ({
    read: (key) => bucket.read(key),
    async write(key, body, encoding) {
      await bucket.write(key, body, encoding);
      completed.push(key);
    },
  });
}

/**
 * A crash mid-batch: the first write of a key that `matches` fails, as a reset connection would,
 * either after its first chunk went out ('first-chunk') or once every chunk did ('end'). Later
 * writes (the retry) pass.
 */
export function failingOnce(matches: (key: string) => boolean, when: 'first-chunk' | 'end'): (bucket: ObjectStore) => ObjectStore {
  let failed = false;
  return (bucket) => ({
    read: (key) => bucket.read(key),
    write(key, body, encoding) {
      if (failed || !matches(key)) return bucket.write(key, body, encoding);
      failed = true;
      return bucket.write(key, breaking(typeof body === 'string' ? [body] : body, when), encoding);
    },
  });
}

async function* breaking(body: AsyncIterable<string> | Iterable<string>, when: 'first-chunk' | 'end'): AsyncIterable<string> {
  for await (const chunk of body) {
    yield chunk;
    if (when === 'first-chunk') break;
  }
  throw new Error('connection reset by peer (injected)');
}
