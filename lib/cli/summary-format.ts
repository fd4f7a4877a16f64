import type { ObjectValidation } from '../validate-object.ts';

export interface FileOutcome {
  readonly file: string;
  readonly result: ObjectValidation;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per file with its counts (and the first envelope error, which is usually the cause). */
export function formatText(outcomes: readonly FileOutcome[]): string {
  return outcomes
    .map(({ file, result: r }) => {
      const s = r.summary;
      const counts = `${plural(s.interchanges, 'interchange')}, ${plural(s.transactions, 'transaction')}, ${plural(s.claims, 'claim')} (${s.acceptedClaims} accepted, ${s.rejectedClaims} rejected), ${plural(s.serviceLines, 'service line')}`;
      const firstError = r.envelopeFindings.find((f) => f.severity === 'error');
      const cause = firstError === undefined ? '' : `; ${firstError.message}${firstError.ack === null ? '' : ` [${firstError.ack}]`}`;
      return `${file}: ${r.accepted ? 'accepted' : 'REJECTED'}: ${counts}${cause}\n`;
    })
    .join('');
}

export function formatJson(outcomes: readonly FileOutcome[], outDir: string): string {
  const files = outcomes.map(({ file, result: r }) => ({ file, accepted: r.accepted, sha256: r.sha256, summary: r.summary, outputs: r.written.map((k) => `${outDir}/${k}`) }));
  return `${JSON.stringify({ accepted: outcomes.every((o) => o.result.accepted), files }, null, 2)}\n`;
}
