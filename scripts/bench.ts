/**
 * End-to-end benchmark: the real CLI, as a child process, on a synthetic 837P.
 *
 *   npm run bench [-- --mb 50] [--seed 1] [--rusage]
 *
 * The file is generated once into os.tmpdir() and reused. Peak memory comes from
 * `/usr/bin/time -v` when it exists; otherwise (or with --rusage) from
 * `process.resourceUsage()` taken inside the child just before it exits. Sizes are in MB of
 * 2^20 bytes, as `--mb` is. Exits 2 when the CLI is missing or did not run to an answer.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SYNTHETIC_AS_OF } from './lib/synthetic-837p.ts';
import { writeSyntheticFile } from './lib/synthetic-file.ts';

const TIME = '/usr/bin/time';
/** Marks where `time -v` starts its report in the stderr it shares with the CLI. */
const TIME_REPORT = '\tCommand being timed:';
/** Preloaded into the child: report its own rusage on fd 3 as it exits (no `time` needed). */
const RUSAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { try { writeSync(3, JSON.stringify(process.resourceUsage())); } catch {} });",
)}`;
const MiB = 1024 * 1024;

interface Measured {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly wallSeconds: number;
  readonly maxRssKb: number | null;
  readonly method: string;
  readonly cliStderr: string;
}

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    rusage: { type: 'boolean', default: false },
  },
});
const mb = Number(values.mb);
const seed = Number(values.seed);
if (!(mb > 0) || !Number.isInteger(seed)) {
  process.stderr.write('usage: bench [--mb <size>] [--seed <integer>] [--rusage]\n');
  process.exit(2);
}

const cli = resolve(import.meta.dirname, '..', 'bin', 'claimcheck.js');
if (!existsSync(cli)) {
  process.stderr.write(`bench: the CLI ${cli} does not exist yet, so there is nothing to measure.\n`);
  process.exit(2);
}

const file = join(tmpdir(), `claimcheck-bench-${mb}mb-seed${seed}.837`);
if (existsSync(file)) {
  process.stderr.write(`bench: reusing ${file}\n`);
} else {
  process.stderr.write(`bench: generating ${file} …\n`);
  const stats = await writeSyntheticFile(file, { targetBytes: Math.round(mb * MiB), seed });
  process.stderr.write(`bench: ${stats.claims} claims, ${stats.lines} lines in ${stats.sets} sets\n`);
}

const outDir = mkdtempSync(join(tmpdir(), 'claimcheck-bench-out-'));
// --as-of pins "today" to the synthetic interchange date, so no date of service is judged to
// be in the future whatever day the benchmark runs. A fresh ledger in the output folder: every
// run measures the same work (and leaves no history in the working tree).
const args = [cli, 'validate', file, '--out', outDir, '--as-of', SYNTHETIC_AS_OF, '--ledger', join(outDir, 'ledger')];
const useTime = !values.rusage && existsSync(TIME);
let result: Measured;
try {
  result = useTime ? await underTime(args) : await withRusageHook(args);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const sizeMb = statSync(file).size / MiB;
const rows: [string, string][] = [
  ['file', file],
  ['size', `${sizeMb.toFixed(1)} MB`],
  ['wall', `${result.wallSeconds.toFixed(2)} s`],
  ['throughput', `${(sizeMb / result.wallSeconds).toFixed(2)} MB/s`],
  ['peak RSS', result.maxRssKb === null ? 'unknown' : `${(result.maxRssKb / 1024).toFixed(1)} MB (${result.method})`],
  ['exit code', result.signal === null ? String(result.exitCode) : `killed by ${result.signal}`],
];
process.stdout.write(rows.map(([k, v]) => `${k.padEnd(11)}${v}\n`).join(''));

// Exit 0 and 1 are answers (accepted / something rejected); anything else means no answer.
const answered = result.exitCode === 0 || result.exitCode === 1;
if (!answered || result.cliStderr.trim() !== '') {
  process.stderr.write(`\nCLI stderr (last lines):\n${result.cliStderr.trim().split('\n').slice(-20).join('\n')}\n`);
}
process.exitCode = answered ? 0 : 2;

async function underTime(cliArgs: string[]): Promise<Measured> {
  const run = await runChild(TIME, ['-v', process.execPath, ...cliArgs]);
  const at = run.stderr.lastIndexOf(TIME_REPORT);
  const report = at < 0 ? '' : run.stderr.slice(at);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  // time exits with the child's status; its report also says so, and names a killing signal.
  const status = /Exit status: (\d+)/.exec(report);
  const signal = /Command terminated by signal (\d+)/.exec(report);
  return {
    exitCode: status === null ? run.exitCode : Number(status[1]),
    signal: signal === null ? run.signal : `signal ${signal[1]}`,
    wallSeconds: run.wallSeconds,
    maxRssKb: rss === null ? null : Number(rss[1]),
    method: `${TIME} -v`,
    cliStderr: at < 0 ? run.stderr : run.stderr.slice(0, at),
  };
}

async function withRusageHook(cliArgs: string[]): Promise<Measured> {
  const run = await runChild(process.execPath, ['--import', RUSAGE_HOOK, ...cliArgs]);
  let maxRssKb: number | null = null;
  if (run.fd3 !== '') maxRssKb = (JSON.parse(run.fd3) as NodeJS.ResourceUsage).maxRSS;
  return { ...run, maxRssKb, method: 'process.resourceUsage() in the child', cliStderr: run.stderr };
}

/**
 * Runs a child to its end; stdout (the CLI's summary) is drained and dropped. fd 3 is always a
 * pipe: the rusage hook writes there, and under `time` it is simply never written.
 */
function runChild(command: string, args: string[]): Promise<{ exitCode: number | null; signal: string | null; wallSeconds: number; stderr: string; fd3: string }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let fd3 = '';
    // With a four-entry stdio the typings cannot know which entries are pipes; all three are.
    const [, out, err, extra] = child.stdio;
    out?.resume();
    err?.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    if (extra instanceof Readable) {
      extra.setEncoding('utf8').on('data', (s: string) => {
        fd3 += s;
      });
    }
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      resolvePromise({ exitCode, signal, wallSeconds: (performance.now() - started) / 1000, stderr, fd3 });
    });
  });
}
