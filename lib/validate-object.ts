import type { AckContext } from './ack/envelope-writer.ts';
import { reportClaim, reportClosing, reportOpening } from './ack/report-json.ts';
import { write999 } from './ack/write-999.ts';
import { ta1Due, writeTa1 } from './ack/write-ta1.ts';
import type { Hasher, ObjectStore } from './ports.ts';
import { createChannel } from './stream/channel.ts';
import { validateStream, type FileValidation, type ValidateOptions } from './validate-stream.ts';

export interface ValidateObjectDeps {
  readonly outputs: ObjectStore;
  readonly hasher: Hasher;
  readonly ack: AckContext;
}

export interface ValidateObjectRequest {
  /** The input's bytes, streamed. */
  readonly input: AsyncIterable<Uint8Array>;
  /** Shown in the report as `file`. */
  readonly file: string;
  /** Output key prefix: `<name>.999`, `<name>.ta1`, `<name>.report.json`. */
  readonly name: string;
  readonly options?: ValidateOptions;
  /** A newline after each acknowledgment segment, for people reading the files. */
  readonly lineBreaks?: boolean;
}

export interface ObjectValidation extends FileValidation {
  readonly sha256: string;
  /** Keys written, in the order they were completed (the report is always last). */
  readonly written: readonly string[];
}

/**
 * Validates one input and writes its outputs. The report is streamed while claims are checked
 * and completed last: its presence says every other output is already there.
 */
export async function validateObject(deps: ValidateObjectDeps, request: ValidateObjectRequest): Promise<ObjectValidation> {
  const reportKey = `${request.name}.report.json`;
  const channel = createChannel();
  const reportWritten = deps.outputs.write(reportKey, channel.chunks);
  // If the report cannot be written, stop feeding it; the error surfaces when awaited below.
  reportWritten.catch(() => channel.close());

  try {
    await channel.push(reportOpening(request.file));
    let first = true;
    const validation = await validateStream(hashing(request.input, deps.hasher), async (claim) => {
      await channel.push(reportClaim(claim, first));
      first = false;
    }, request.options);
    const sha256 = deps.hasher.digest();

    const written: string[] = [];
    const format = { lineBreaks: request.lineBreaks ?? false };
    const ta1s = validation.interchanges.filter(ta1Due).map((ic) => writeTa1(ic, deps.ack, ic.delimiters, format));
    // A rejected envelope gets no 999 for its groups (brief §1.7).
    const acks999 = validation.interchanges.filter((ic) => ic.ta1.ack !== 'R').map((ic) => write999(ic, deps.ack, ic.delimiters, format));
    const text999 = acks999.filter((t): t is string => t !== null).join('');
    for (const [key, text] of [[`${request.name}.ta1`, ta1s.join('')], [`${request.name}.999`, text999]] as const) {
      if (text === '') continue;
      await deps.outputs.write(key, text);
      written.push(key);
    }

    await channel.push(reportClosing({ sha256, asOf: request.options?.asOf ?? null, accepted: validation.accepted, summary: validation.summary, envelopeFindings: validation.envelopeFindings, anyClaims: !first }));
    channel.close();
    await reportWritten;
    written.push(reportKey);
    return { ...validation, sha256, written };
  } catch (error) {
    // The input or an output failed: discard the partial report so no stale file is left.
    channel.abort(error);
    await reportWritten.catch(() => undefined);
    throw error;
  }
}

async function* hashing(source: AsyncIterable<Uint8Array>, hasher: Hasher): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    hasher.update(chunk);
    yield chunk;
  }
}
