/**
 * Writes a synthetic 837P file of about the requested size, streaming.
 *
 *   npx tsx scripts/generate-837p.ts --mb 50 --out /tmp/big.837 [--seed 1] [--claims-per-set 5000] [--newlines]
 */
import { parseArgs } from 'node:util';
import { writeSyntheticFile } from './lib/synthetic-file.ts';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '50' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'claims-per-set': { type: 'string', default: '5000' },
    newlines: { type: 'boolean', default: false },
  },
});

const mb = Number(values.mb);
if (values.out === undefined || !(mb > 0)) {
  process.stderr.write('usage: generate-837p --mb <size> --out <file> [--seed n] [--claims-per-set n] [--newlines]\n');
  process.exit(2);
}
const started = performance.now();
const stats = await writeSyntheticFile(values.out, {
  targetBytes: Math.round(mb * 1024 * 1024),
  seed: Number(values.seed),
  claimsPerSet: Number(values['claims-per-set']),
  newlines: values.newlines,
});
const seconds = (performance.now() - started) / 1000;
const size = stats.bytes / 1024 / 1024;
process.stderr.write(`${values.out}: ${size.toFixed(1)} MB, ${stats.sets} sets, ${stats.claims} claims, ${stats.lines} lines, ${stats.segments} segments in ${seconds.toFixed(2)} s (${(size / seconds).toFixed(0)} MB/s)\n`);
