import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeBatch, withMiddleware } from '../../functions/shared/middleware.ts';
import type { BatchOutcome } from '../../functions/validate-837/process.ts';

const context = {
  functionName: 'claimcheck-validate-837', functionVersion: '$LATEST', memoryLimitInMB: '2048',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:claimcheck-validate-837',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', getRemainingTimeInMillis: () => 900_000,
} as unknown as Context;

const OUTCOME: BatchOutcome = {
  detail: {
    bucket: 'claims', key: 'inbound/b.837', version: 'v1', accepted: false, sha256: 'ab'.repeat(32),
    summary: { interchanges: 1, transactions: 1, claims: 3, acceptedClaims: 1, rejectedClaims: 2, serviceLines: 4 },
    outputs: ['acks/b.837.999', 'reports/b.837.report.json'],
  },
  interchangeControlNumbers: ['000004103'],
  ruleCounts: { 'x12/syntax': 2 },
};

/** Powertools writes log lines and EMF metrics as JSON lines on stdout. */
let lines: Array<Record<string, unknown>>;
beforeEach(() => {
  lines = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    for (const line of String(chunk).split('\n')) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

describe('withMiddleware', () => {
  it('logs a batch with the Lambda context and emits BatchesValidated and ClaimsRejected', async () => {
    await withMiddleware(async () => observeBatch(OUTCOME))({}, context);
    const log = lines.find((l) => l.message === 'batch validated');
    expect(log).toMatchObject({ key: 'inbound/b.837', function_request_id: context.awsRequestId, interchangeControlNumbers: ['000004103'], ruleCounts: { 'x12/syntax': 2 } });
    const emf = lines.find((l) => '_aws' in l);
    expect(emf).toMatchObject({ BatchesValidated: 1, ClaimsRejected: 2 });
  });

  it('logs a failure, then rethrows it so Lambda retries and dead-letters the event', async () => {
    const failing = withMiddleware(async () => {
      throw new Error('s3: connection reset');
    });
    await expect(failing({}, context)).rejects.toThrow('s3: connection reset');
    expect(lines.find((l) => l.level === 'ERROR')).toMatchObject({ function_request_id: context.awsRequestId, error: { message: 's3: connection reset' } });
  });
});
