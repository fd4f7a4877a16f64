import type { AckContext } from './ack/envelope-writer.ts';
import type { Clock } from './ack/clock.ts';
import { create277caWriter, type Ack277Options } from './ack/write-277ca.ts';
import { createCorrected837Writer } from './ack/write-corrected-837.ts';
import { createRejected837Writer } from './ack/write-rejected-837.ts';
import { createHtmlReportWriter } from './ack/write-report-html.ts';
import type { Day, PayerProfileId } from './codesets/types.ts';
import { loadHistory } from './ledger/history.ts';
import type { CodeTables, FrequencyLedger, PatientKeyer } from './ports.ts';
import type { Rule } from './rules/define-rule.ts';
import { createRuleEngine } from './rules/engine.ts';
import type { ValidateObjectRequest } from './validate-object.ts';

export interface PipelineDeps {
  readonly tables: CodeTables;
  readonly ledger: FrequencyLedger;
  readonly keyer: PatientKeyer;
  readonly rules: readonly Rule[];
  /** "Today" for date rules. */
  readonly asOf: Day;
  /** Judge every claim by this profile instead of its SBR09. */
  readonly profile?: PayerProfileId;
  readonly ack: AckContext;
  readonly clock: Clock;
  /** Newlines after segment terminators in the files we write, for people reading them. */
  readonly lineBreaks?: boolean;
  readonly ack277?: Ack277Options;
}

/** What `validateObject` needs besides the input: options, the claim outputs and the HTML report. */
export type PipelineRequest = Pick<ValidateObjectRequest, 'options' | 'claimOutputs' | 'htmlReport' | 'lineBreaks'>;

/**
 * The whole validation as the CLI and the Lambda handlers run it: one rule engine for a run
 * (its ledger sees every claim in order), fresh output writers for each file.
 */
export function createPipeline(deps: PipelineDeps): (file: string) => PipelineRequest {
  const { tables, ledger, keyer } = deps;
  const engine = createRuleEngine({
    tables,
    rules: deps.rules,
    asOf: deps.asOf,
    ...(deps.profile === undefined ? {} : { profile: deps.profile }),
    loadHistory: (view, profileId, isa13) => loadHistory(view, { ledger, tables, profileId, keyer, isa13 }),
    recordSessions: (history) => ledger.record(history.current),
  });
  const format = { lineBreaks: deps.lineBreaks ?? false };
  return (file) => ({
    options: { asOf: deps.asOf, engine },
    lineBreaks: format.lineBreaks,
    claimOutputs: [
      { suffix: '.277ca', writer: create277caWriter(deps.ack, { ...format, ...deps.ack277 }) },
      { suffix: '.corrected.837', writer: createCorrected837Writer(deps.ack, format) },
      { suffix: '.rejected.837', writer: createRejected837Writer(deps.ack, format) },
    ],
    htmlReport: createHtmlReportWriter({ file, generatedAt: deps.clock.now().toISOString(), asOf: deps.asOf }),
  });
}
