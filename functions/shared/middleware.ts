import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { BatchOutcome } from '../validate-837/process.ts';

/**
 * The one middleware stack of both handlers (conventions §12). Service name and log level come
 * from POWERTOOLS_* variables the house construct sets per function.
 */
export const logger = new Logger();
export const metrics = new Metrics({ namespace: 'claimcheck' });

/**
 * Logs the failure with the invocation's context, then lets it propagate: Lambda retries the
 * asynchronous event and finally hands it to the failure destination (the DLQ).
 */
const logFailure: MiddlewareObj = {
  onError: async (request) => {
    logger.error('invocation failed; the event will be retried, then sent to the dead-letter queue', request.error as Error);
  },
};

export function withMiddleware<TEvent, TResult>(handler: (event: TEvent, context: Context) => Promise<TResult>) {
  // middy runs `before` in this order and `onError` in reverse: the failure is logged while
  // the Lambda context is still on the logger, and metrics are flushed even on failure.
  return middy(handler)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(logFailure);
}

/**
 * Logs one validated batch and counts it. Only keys, control numbers, counts and rule ids:
 * never names, member ids, dates of birth or claim ids (CLM01), which are PHI.
 */
export function observeBatch(outcome: BatchOutcome): void {
  const { detail } = outcome;
  logger.info('batch validated', {
    key: detail.key,
    accepted: detail.accepted,
    summary: detail.summary,
    interchangeControlNumbers: outcome.interchangeControlNumbers,
    ruleCounts: outcome.ruleCounts,
    outputs: detail.outputs,
  });
  metrics.addMetric('BatchesValidated', MetricUnit.Count, 1);
  metrics.addMetric('ClaimsRejected', MetricUnit.Count, detail.summary.rejectedClaims);
}
