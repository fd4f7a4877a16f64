import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamoDbLocalUnavailable } from '../emulators/dynamodb-local.ts';
import { failingOnce, outputsOf, recordingWrites } from './helpers/buckets.ts';
import { phiOf } from './helpers/phi.ts';
import { startStack, type Stack } from './helpers/stack.ts';

/**
 * The serverless path end to end on the emulators: objects PUT into s3rver's inbound/, the
 * ObjectCreated events s3rver sends driving the validate-837 step (functions/, wired as
 * `npm start` wires it), outputs read back from S3 and the ledger from DynamoDB Local.
 *
 * Outputs must be byte-identical when one event is handled twice. The handler's run takes its
 * control numbers and "today" from the instant it is given (fixed here, as the S3 event time
 * would be) but reads ISA09/ISA10, GS04/GS05 and the HTML report's time from the wall clock
 * (functions/shared/run.ts), so Date is stopped for the whole file (one test moves it on, to show
 * what a retry a few minutes later writes).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const file = (path: string): Buffer => readFileSync(join(ROOT, path));

const unavailable = dynamoDbLocalUnavailable();
if (unavailable !== null) console.warn(`skipping the e2e tests: ${unavailable}`);

let stack: Stack;

describe.skipIf(unavailable !== null)(`validate-837 on s3rver and DynamoDB Local${unavailable === null ? '' : ` (skipped: ${unavailable})`}`, () => {
  beforeAll(async () => {
    stack = await startStack();
    // Stopped at the real time, so s3rver (which allows 15 minutes of skew) still takes our signatures.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await stack?.stop();
  });

  /** `inbound/<name>` uploaded, its event handled; the outputs of `<name>` and the keys written, in order. */
  async function deliver(key: string, path: string) {
    const event = await stack.upload(key, file(path));
    const written: string[] = [];
    const [detail] = await (await stack.step({ wrapBucket: recordingWrites(written) })).handle(event);
    const name = key.slice('inbound/'.length);
    return { event, detail: detail!, written, outputs: outputsOf(await stack.objects(), name), name };
  }

  const text = (outputs: ReadonlyMap<string, Buffer>, key: string): string => outputs.get(key)?.toString('latin1') ?? '';
  const report = (outputs: ReadonlyMap<string, Buffer>, name: string): Record<string, unknown> => JSON.parse(outputs.get(`reports/${name}.report.json`)!.toString('utf8'));

  it.each([
    // [input, key, accepted, outputs besides the reports, something the acks must say]
    ['examples/clean-lumbar-esi.837', 'inbound/2026/12/clean lumbar+esi.837', true, ['.277ca', '.999', 'corrected', 'outbound'], 'IK5*A~'],
    ['test/corpus/stupidedi/005010-X222A1-HC837-pass/drug-administered-in-the-physician-office.edi', 'inbound/corpus/stupidedi-drug.edi', true, ['.277ca', '.999', 'corrected', 'outbound'], 'STC*A2:20'],
    ['examples/coding-errors.837', 'inbound/coding-errors.837', false, ['.277ca', '.999', 'corrected', 'rejected'], 'STC*A7:454'],
    ['examples/bad-envelope.837', 'inbound/bad-envelope.837', false, ['.277ca', '.999', '.ta1', 'corrected'], '*E*001~'],
    ['test/corpus/imsweb-x12-parser/837_5010/x12_bad_first_line.txt', 'inbound/corpus/imsweb-bad-first-line.txt', false, ['.ta1'], '*R*011~'],
  ] as const)('%s dropped in as %s: its outputs under their prefixes, report.json last', async (path, key, accepted, expected, says) => {
    // The key's space and plus reach the step URL-encoded, as S3 sends them, and are decoded back.
    const { detail, written, outputs, name } = await deliver(key, path);
    const keys = expected.map((what) => (what.startsWith('.') ? `acks/${name}${what}` : `${what}/${name}`));
    expect([...outputs.keys()].sort()).toEqual([...keys, `reports/${name}.report.html`, `reports/${name}.report.json`].sort());
    expect(written.at(-1)).toBe(`reports/${name}.report.json`);
    expect([...written].sort()).toEqual([...outputs.keys()].sort());
    expect(detail).toMatchObject({ bucket: 'claims', key, accepted, outputs: written });
    expect([...outputs].filter(([k]) => k.startsWith('acks/')).map(([, bytes]) => bytes.toString('latin1')).join('')).toContain(says);
    // The hand-off copy is the corrected file, and only for a file accepted whole.
    if (accepted) expect(outputs.get(`outbound/${name}`)).toEqual(outputs.get(`corrected/${name}`));
    expect(report(outputs, name)).toMatchObject({ file: key, accepted, summary: detail.summary, asOf: '2026-12-04' });
    // The input stays where it was, unchanged.
    expect((await stack.objects(key)).get(key)).toEqual(file(path));
  });

  it('writes report.json as UTF-8, as the CLI does', async () => {
    const { outputs, name } = await deliver('inbound/utf8/coding-errors.837', 'examples/coding-errors.837');
    // Rule sources cite "§": written as Latin-1 it would be the one byte 0xA7, not UTF-8.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(outputs.get(`reports/${name}.report.json`))).toContain('§');
  });

  it('counts the two ledger batches in DynamoDB: the fifth lumbar ESI session is rejected', async () => {
    const first = await deliver('inbound/ledger/ledger-batch-1.837', 'examples/ledger-batch-1.837');
    expect(first.detail).toMatchObject({ accepted: true, summary: { claims: 3, acceptedClaims: 3 } });
    const second = await deliver('inbound/ledger/ledger-batch-2.837', 'examples/ledger-batch-2.837');
    expect(second.detail).toMatchObject({ accepted: false, summary: { claims: 2, acceptedClaims: 1, rejectedClaims: 1 } });
    expect(text(second.outputs, `acks/${second.name}.277ca`)).toContain('STC*A7:732');
    const rejected = (report(second.outputs, second.name).claims as Array<{ status: string; findings: Array<{ rule: string; message: string }> }>).find((c) => c.status === 'rejected');
    expect(rejected?.findings.find((f) => f.rule === 'pm/frequency')?.message).toContain('5th lumbar ESI session in 365 days');

    const items = await stack.ledger();
    expect(ledgerPatientEsi(items).map((item) => item.dos)).toEqual(LEDGER_PATIENT_ESI_DATES);
    // One transaction per recorded session raised the optimistic-lock counter.
    expect(items.find((item) => item.PK === ledgerPatientEsi(items)[0]!.PK && item.SK === 'CTR#FAM#ESI#REG#LS')?.version).toBe(4);
    // Keyed hashes, codes and dates only: no name, member id or birth date of the batches.
    const ledgerText = JSON.stringify(items);
    for (const path of ['examples/ledger-batch-1.837', 'examples/ledger-batch-2.837']) {
      for (const value of phiOf(file(path).toString('latin1'))) expect(ledgerText, value).not.toContain(value);
    }
  });

  it('handles the same event delivered twice once: identical outputs, the ledger counted once', async () => {
    await deliver('inbound/twice/ledger-batch-1.837', 'examples/ledger-batch-1.837');
    const { event, outputs, name } = await deliver('inbound/twice/ledger-batch-2.837', 'examples/ledger-batch-2.837');
    const ledger = await stack.ledger();
    const validations = stack.published.length;

    // Redelivered while the idempotency record lives: the stored result, nothing validated again.
    const step = await stack.step();
    expect(await step.handle(event)).toEqual([expect.objectContaining({ key: `inbound/${name}`, accepted: false })]);
    expect(stack.published).toHaveLength(validations);
    expect(outputsOf(await stack.objects(), name)).toEqual(outputs);

    // Redelivered after the record expired (a DLQ redrive a week later): validated again, to the same bytes.
    await stack.forgetDeliveries();
    await step.handle(event);
    expect(stack.published).toHaveLength(validations + 1);
    expect(outputsOf(await stack.objects(), name)).toEqual(outputs);
    expect(await stack.ledger()).toEqual(ledger);
  });

  // The acknowledgments are dated by the S3 event time and numbered from a hash of bucket, key
  // and version (functions/shared/run.ts), so a Lambda retry or a DLQ redrive writes the same bytes.
  it('writes the same bytes when a retry comes three minutes later', async () => {
    const { event, outputs, name } = await deliver('inbound/later/clean-facet-rfa.837', 'examples/clean-facet-rfa.837');
    await stack.forgetDeliveries();
    const frozen = new Date();
    vi.setSystemTime(frozen.getTime() + 3 * 60_000);
    try {
      await (await stack.step()).handle(event);
    } finally {
      vi.setSystemTime(frozen);
    }
    expect(outputsOf(await stack.objects(), name)).toEqual(outputs);
  });

  it.each([
    // [what fails, which key, when, the outputs the crashed attempt leaves]
    ['the corrected 837, after its first chunk', (key: string) => key.startsWith('corrected/'), 'first-chunk', ['acks/<name>.277ca']],
    ['report.json, after its last chunk', (key: string) => key.endsWith('.report.json'), 'end', ['acks/<name>.277ca', 'acks/<name>.999', 'corrected/<name>', 'rejected/<name>', 'reports/<name>.report.html']],
  ] as const)('recovers from a crash mid-batch (a failed write of %s): the retry writes what an uninterrupted run writes', async (_what, matches, when, leftBehind) => {
    const prefix = `crash-${when}`;
    await deliver(`inbound/${prefix}/ledger-batch-1.837`, 'examples/ledger-batch-1.837');
    const key = `inbound/${prefix}/ledger-batch-2.837`;
    const name = key.slice('inbound/'.length);
    const event = await stack.upload(key, file('examples/ledger-batch-2.837'));

    const step = await stack.step({ wrapBucket: failingOnce(matches, when) });
    await expect(step.handle(event)).rejects.toThrow('connection reset by peer (injected)');
    const ledger = await stack.ledger();
    const afterCrash = outputsOf(await stack.objects(), name);
    // No commit marker (report.json), so no consumer takes the set as complete.
    expect(afterCrash.has(`reports/${name}.report.json`)).toBe(false);
    // Outputs completed before the failure stay (S3 has no multi-object commit); the failed one is absent, not torn.
    expect([...afterCrash.keys()].sort()).toEqual(leftBehind.map((k) => k.replace('<name>', name)));

    // Lambda retries the same event.
    await step.handle(event);
    const retried = outputsOf(await stack.objects(), name);
    expect((await stack.objects(key)).get(key)).toEqual(file('examples/ledger-batch-2.837'));
    // Whatever the crashed attempt left is what the retry wrote: nothing torn, nothing stale.
    for (const [k, bytes] of afterCrash) expect(retried.get(k), k).toEqual(bytes);

    // The same outputs as the batch delivered without a crash (under another name, so with its
    // own event time and control numbers: compare the files written and the verdicts).
    const reference = await deliver(`inbound/${prefix}-reference/ledger-batch-2.837`, 'examples/ledger-batch-2.837');
    expect([...renamed(retried, name, reference.name).keys()].sort()).toEqual([...reference.outputs.keys()].sort());
    expect(report(retried, name).claims).toEqual(report(reference.outputs, reference.name).claims);
    expect(report(retried, name)).toMatchObject({ accepted: false, summary: { acceptedClaims: 1, rejectedClaims: 1 } });
    // The crashed attempt had recorded the accepted claim's session: neither the retry nor the reference counted it again.
    expect(await stack.ledger()).toEqual(ledger);
    expect(ledgerPatientEsi(ledger).map((item) => item.dos)).toEqual(LEDGER_PATIENT_ESI_DATES);
  });
});

/** The ledger batches' patient: four lumbar ESI sessions recorded, the fifth (2026-11-17) rejected. */
const LEDGER_PATIENT_ESI_DATES = ['2026-01-13', '2026-04-14', '2026-07-14', '2026-10-13'];

/** The lumbar ESI session items of the ledger batches' patient (the one with a session on 2026-01-13). */
function ledgerPatientEsi(items: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const esi = items.filter((item) => String(item.SK).startsWith('FAM#ESI#REG#LS#'));
  const patient = esi.find((item) => item.dos === LEDGER_PATIENT_ESI_DATES[0])?.PK;
  return esi.filter((item) => item.PK === patient);
}

/** The outputs of `from` as they would read for `to`: keys, and the input key inside the reports. */
function renamed(outputs: ReadonlyMap<string, Buffer>, from: string, to: string): Map<string, Buffer> {
  return new Map(
    [...outputs].map(([key, bytes]) => [key.replace(from, to), key.startsWith('reports/') ? Buffer.from(bytes.toString('latin1').replaceAll(from, to), 'latin1') : bytes]),
  );
}
