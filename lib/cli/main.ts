import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { counterControlNumbers } from '../ack/control-numbers.ts';
import { fixedClock, type Clock } from '../ack/clock.ts';
import { FsObjectStore } from '../adapters/fs-object-store.ts';
import { createSha256 } from '../adapters/sha256.ts';
import { ObjectNotFoundError } from '../ports.ts';
import type { PayerProfileId } from '../codesets/types.ts';
import { createPipeline } from '../pipeline.ts';
import { RULES } from '../rules/index.ts';
import { validateObject, type ObjectValidation } from '../validate-object.ts';
import { endpointOption, put } from './put.ts';
import { openRuleSetup, type DynamoTables } from './rule-setup.ts';
import { LOCAL_DYNAMODB_ENDPOINT, LOCAL_TABLES, seedCodes } from './seed-codes.ts';
import { formatJson, formatText } from './summary-format.ts';
import { UsageError, HELP } from './usage.ts';

/** Exit codes of the public contract. */
export const EXIT_ACCEPTED = 0;
export const EXIT_REJECTED = 1;
export const EXIT_CANNOT_RUN = 2;

/** Where the frequency ledger (and its patient-key secret) live unless --ledger says otherwise. */
const DEFAULT_LEDGER = '.claimcheck/ledger';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

const PROCESS_IO: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

/** Runs the command line; returns the exit code. Never throws: failures become one-line messages. */
export async function main(argv: readonly string[], io: Io = PROCESS_IO): Promise<number> {
  // The AWS SDK warns on Node < 22, over several lines, about SDK releases after January 2027;
  // the lock file pins this one, engines allows Node 20, and stderr is for one-line errors.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`claimcheck: ${describe(error)}\n`);
    if (process.env.CLAIMCHECK_DEBUG === '1' && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return EXIT_CANNOT_RUN;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? EXIT_CANNOT_RUN : EXIT_ACCEPTED;
  }
  if (command === 'put' || command === 'seed-codes') {
    await (command === 'put' ? put : seedCodes)(rest, io);
    return EXIT_ACCEPTED;
  }
  if (command !== 'validate') throw new UsageError(`unknown command "${command}" (try: claimcheck validate <file...> --out <dir>)`);
  const args = parseValidateArgs(rest);
  const inputs = new FsObjectStore(io.cwd);
  const outputs = new FsObjectStore(args.out);
  const ack = { clock: args.clock, controlNumbers: counterControlNumbers({ interchange: args.controlNumber, group: args.controlNumber, set: 1 }) };
  const setup = await openRuleSetup({ ledgerPath: args.ledger, icd10cm: args.icd10cm, today: args.asOf, dynamodb: args.dynamodb });
  for (const notice of setup.notices) io.stderr(`claimcheck: ${notice}\n`);
  const pipeline = createPipeline({
    ...setup,
    rules: RULES,
    asOf: args.asOf,
    ack,
    clock: args.clock,
    lineBreaks: true,
    // pyx12's X214 map wants the 2200C provider status and the 2220D STC02 date; the TR3 examples omit both.
    ack277: args.form277 === 'pyx12' ? { providerLevelStatus: true, lineStatusDate: true } : {},
    ...(args.profile === null ? {} : { profile: args.profile }),
  });
  const results: Array<{ file: string; result: ObjectValidation }> = [];
  for (const file of args.files) {
    const result = await validateObject({ outputs, hasher: createSha256(), ack }, { input: inputs.read(file), file, name: basename(file), ...pipeline(file) });
    results.push({ file, result });
  }
  await setup.flush();
  io.stdout(args.format === 'json' ? formatJson(results, args.out) : formatText(results));
  return results.every((r) => r.result.accepted) ? EXIT_ACCEPTED : EXIT_REJECTED;
}

interface ValidateArgs {
  readonly files: readonly string[];
  readonly out: string;
  readonly asOf: string;
  readonly format: 'text' | 'json';
  readonly clock: Clock;
  readonly controlNumber: number;
  readonly profile: PayerProfileId | null;
  /** Ledger file, or null with --no-ledger. */
  readonly ledger: string | null;
  readonly icd10cm: string | null;
  readonly form277: 'tr3' | 'pyx12';
  readonly dynamodb: DynamoTables | null;
}

function parseValidateArgs(rest: readonly string[]): ValidateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        'as-of': { type: 'string' },
        format: { type: 'string', default: 'text' },
        now: { type: 'string' },
        'control-number': { type: 'string' },
        profile: { type: 'string' },
        ledger: { type: 'string', default: DEFAULT_LEDGER },
        'no-ledger': { type: 'boolean', default: false },
        icd10cm: { type: 'string' },
        '277ca-form': { type: 'string', default: 'tr3' },
        'dynamodb-endpoint': { type: 'string' },
        'code-table': { type: 'string' },
        'ledger-table': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('no input files (usage: claimcheck validate <file...> --out <dir>)');
  if (values.out === undefined || values.out === '') throw new UsageError('--out <dir> is required');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const form277 = values['277ca-form'];
  if (form277 !== 'tr3' && form277 !== 'pyx12') throw new UsageError(`--277ca-form must be tr3 or pyx12, not "${form277}"`);
  if (values.profile !== undefined && values.profile !== 'medicare' && values.profile !== 'commercial') throw new UsageError(`--profile must be medicare or commercial, not "${values.profile}"`);
  const endpoint = endpointOption('--dynamodb-endpoint', values['dynamodb-endpoint'], LOCAL_DYNAMODB_ENDPOINT);
  if (endpoint === undefined && (values['code-table'] ?? values['ledger-table']) !== undefined) throw new UsageError('--code-table and --ledger-table need --dynamodb-endpoint <url>');
  // The DynamoDB code table holds what was seeded; an order file cannot be laid over it here.
  if (endpoint !== undefined && values.icd10cm !== undefined) throw new UsageError('--icd10cm works with the shipped code sets, not with --dynamodb-endpoint');
  const names = new Map<string, string>();
  for (const file of positionals) {
    const clash = names.get(basename(file));
    if (clash !== undefined) throw new UsageError(`${clash} and ${file} would write the same outputs (${basename(file)}.*); validate them into different --out folders`);
    names.set(basename(file), file);
  }
  const now = values.now === undefined ? new Date() : parseInstant(values.now);
  return {
    files: positionals,
    out: values.out,
    asOf: values['as-of'] === undefined ? now.toISOString().slice(0, 10) : parseDay(values['as-of']),
    format: values.format,
    clock: values.now === undefined ? { now: () => new Date() } : fixedClock(now),
    // Acks need control numbers that do not repeat between runs; seconds since 2020 grow
    // steadily and fit ISA13's nine digits for decades. --control-number pins them.
    profile: values.profile ?? null,
    ledger: values['no-ledger'] ? null : values.ledger,
    icd10cm: values.icd10cm ?? null,
    form277,
    dynamodb: endpoint === undefined ? null : { endpoint, codeTable: values['code-table'] ?? LOCAL_TABLES.codes, ledgerTable: values['ledger-table'] ?? LOCAL_TABLES.ledger },
    controlNumber: values['control-number'] === undefined ? Math.floor((now.getTime() - Date.UTC(2020, 0, 1)) / 1000) % 999_999_999 || 1 : parseControlNumber(values['control-number']),
  };
}

function parseDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m === null ? null : new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d === null || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${value}"`);
  return value;
}

function parseInstant(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--now must be an ISO date-time such as 2026-01-15T10:30:00Z, not "${value}"`);
  return d;
}

function parseControlNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) throw new UsageError(`--control-number must be a number from 1 to 999999999, not "${value}"`);
  return Number(value);
}

function describe(error: unknown): string {
  if (error instanceof UsageError || error instanceof ObjectNotFoundError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && typeof e.path === 'string') return `${e.path}: ${e.code === 'EACCES' ? 'permission denied' : e.code === 'ENOTDIR' ? 'not a folder' : e.code}`;
  return error instanceof Error ? error.message : String(error);
}
