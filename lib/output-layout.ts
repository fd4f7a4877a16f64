import type { ObjectStore } from './ports.ts';

/**
 * The bucket layout of serverless-design.md: validateObject writes `<name><suffix>` and this
 * store puts each output under its prefix, so `inbound/2026/12/b.837` gives
 * `acks/2026/12/b.837.999`, `reports/2026/12/b.837.report.json`, `corrected/2026/12/b.837` …
 * Reads pass through unchanged.
 */
const ROUTES: ReadonlyArray<readonly [suffix: string, prefix: string, keep: boolean]> = [
  ['.999', 'acks/', true],
  ['.ta1', 'acks/', true],
  ['.277ca', 'acks/', true],
  ['.report.json', 'reports/', true],
  ['.report.html', 'reports/', true],
  // corrected/<name>.837 and rejected/<name>.837: the prefix says which, the name stays the input's.
  ['.corrected.837', 'corrected/', false],
  ['.rejected.837', 'rejected/', false],
  ['.outbound.837', 'outbound/', false],
];

/** Maps an output key (`<name><suffix>`) to its place in the bucket. */
export function outputKey(key: string): string {
  for (const [suffix, prefix, keep] of ROUTES) {
    if (key.endsWith(suffix)) return prefix + (keep ? key : key.slice(0, -suffix.length));
  }
  throw new Error(`no bucket prefix for output "${key}"`);
}

export function layoutStore(store: ObjectStore): ObjectStore {
  return {
    read: (key) => store.read(key),
    write: (key, body, encoding) => store.write(outputKey(key), body, encoding),
  };
}
