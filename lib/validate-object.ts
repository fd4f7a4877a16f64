import type { AckContext } from './ack/envelope-writer.ts';
import type { HtmlReportWriter } from './ack/write-report-html.ts';
import { reportClaim, reportClosing, reportOpening } from './ack/report-json.ts';
import { write999 } from './ack/write-999.ts';
import { ta1Due, writeTa1 } from './ack/write-ta1.ts';
import type { Hasher, ObjectStore } from './ports.ts';
import type { ClaimStreamWriter } from './rules/claim-outcome.ts';
import { openStreamedObject, type StreamedObject } from './stream/streamed-object.ts';
import { validateStream, type FileValidation, type ValidateOptions } from './validate-stream.ts';

export interface ValidateObjectDeps {
  readonly outputs: ObjectStore;
  readonly hasher: Hasher;
  readonly ack: AckContext;
}

/** An output built from the claim stream, written to `<name><suffix>` when it has content. */
export interface ClaimOutput {
  readonly suffix: string;
  readonly writer: ClaimStreamWriter;
  /**
   * A copy of the same bytes under another suffix, kept only when `keep` says so once the whole
   * file is judged (the clearinghouse hand-off: the corrected file, when nothing was rejected).
   */
  readonly copy?: { readonly suffix: string; readonly keep: (validation: FileValidation) => boolean };
}

export interface ValidateObjectRequest {
  /** The input's bytes, streamed. */
  readonly input: AsyncIterable<Uint8Array>;
  /** Shown in the report as `file`. */
  readonly file: string;
  /** Output key prefix: `<name>.999`, `<name>.ta1`, `<name>.report.json` … */
  readonly name: string;
  readonly options?: ValidateOptions;
  /** Outputs fed claim by claim (277CA, corrected and rejected 837). */
  readonly claimOutputs?: readonly ClaimOutput[];
  /** The billing lead's page, `<name>.report.html`: always written, closed with the totals. */
  readonly htmlReport?: HtmlReportWriter;
  /** A newline after each acknowledgment segment, for people reading the files. */
  readonly lineBreaks?: boolean;
}

export interface ObjectValidation extends FileValidation {
  readonly sha256: string;
  /** Keys written, in the order they were completed (the report is always last). */
  readonly written: readonly string[];
}

/**
 * Validates one input and writes its outputs. Claim outputs and the report are streamed while
 * claims are checked; the report is completed last, so its presence says every other output
 * is already there.
 */
export async function validateObject(deps: ValidateObjectDeps, request: ValidateObjectRequest): Promise<ObjectValidation> {
  const report = openStreamedObject(deps.outputs, `${request.name}.report.json`, false, 'utf8');
  const outputs = (request.claimOutputs ?? []).map((o) => ({
    writer: o.writer,
    object: openStreamedObject(deps.outputs, `${request.name}${o.suffix}`, true),
    copy: o.copy === undefined ? null : { keep: o.copy.keep, object: openStreamedObject(deps.outputs, `${request.name}${o.copy.suffix}`, true) },
  }));
  const write = async (o: (typeof outputs)[number], text: string): Promise<void> => {
    await o.object.write(text);
    await o.copy?.object.write(text);
  };
  const html = request.htmlReport === undefined ? null : { writer: request.htmlReport, object: openStreamedObject(deps.outputs, `${request.name}.report.html`, false, 'utf8') };
  const all: StreamedObject[] = [...outputs.flatMap((o) => (o.copy === null ? [o.object] : [o.object, o.copy.object])), ...(html === null ? [] : [html.object]), report];
  try {
    await report.write(reportOpening(request.file));
    let first = true;
    const validation = await validateStream(
      hashing(request.input, deps.hasher),
      {
        claim: async (outcome) => {
          for (const o of outputs) await write(o, o.writer.claim(outcome));
          if (html !== null) await html.object.write(html.writer.claim(outcome));
          await report.write(reportClaim(outcome.report, first));
          first = false;
        },
        setEnd: async (set) => {
          for (const o of outputs) await write(o, o.writer.setEnd(set));
          if (html !== null) await html.object.write(html.writer.setEnd(set));
        },
      },
      request.options,
    );
    const sha256 = deps.hasher.digest();
    const written: string[] = [];
    for (const o of outputs) {
      await write(o, o.writer.end());
      if (await o.object.finish()) written.push(o.object.key);
      if (o.copy === null) continue;
      if (o.copy.keep(validation) && (await o.copy.object.finish())) written.push(o.copy.object.key);
      else await o.copy.object.abort(new Error('copy not kept'));
    }
    written.push(...(await writeAcks(deps, request, validation)));
    if (html !== null) {
      await html.object.write(html.writer.end({ summary: validation.summary, accepted: validation.accepted, envelopeFindings: validation.envelopeFindings, sha256 }));
      await html.object.finish();
      written.push(html.object.key);
    }
    await report.write(reportClosing({ sha256, asOf: request.options?.asOf ?? null, accepted: validation.accepted, summary: validation.summary, envelopeFindings: validation.envelopeFindings, anyClaims: !first }));
    await report.finish();
    written.push(report.key);
    return { ...validation, sha256, written };
  } catch (error) {
    // The input or an output failed: discard partial outputs so no stale file is left.
    for (const o of all) await o.abort(error);
    throw error;
  }
}

/** TA1 and 999: small, written whole once the file has been read. */
async function writeAcks(deps: ValidateObjectDeps, request: ValidateObjectRequest, validation: FileValidation): Promise<string[]> {
  const format = { lineBreaks: request.lineBreaks ?? false };
  const ta1s = validation.interchanges.filter(ta1Due).map((ic) => writeTa1(ic, deps.ack, ic.delimiters, format));
  // A rejected envelope gets no 999 for its groups (brief §1.7).
  const acks999 = validation.interchanges.filter((ic) => ic.ta1.ack !== 'R').map((ic) => write999(ic, deps.ack, ic.delimiters, format));
  const written: string[] = [];
  for (const [key, text] of [[`${request.name}.ta1`, ta1s.join('')], [`${request.name}.999`, acks999.filter((t): t is string => t !== null).join('')]] as const) {
    if (text === '') continue;
    await deps.outputs.write(key, text);
    written.push(key);
  }
  return written;
}

async function* hashing(source: AsyncIterable<Uint8Array>, hasher: Hasher): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    hasher.update(chunk);
    yield chunk;
  }
}
