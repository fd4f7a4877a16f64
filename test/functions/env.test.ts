import { describe, expect, it } from 'vitest';
import { readEnv } from '../../functions/shared/env.ts';

const VARS = {
  BUCKET_NAME: 'claims',
  CODE_TABLE_NAME: 'codes',
  LEDGER_TABLE_NAME: 'ledger',
  IDEMPOTENCY_TABLE_NAME: 'idempotency',
  PATIENT_KEY_SECRET_ID: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:patient-key',
  EVENT_BUS_NAME: 'claimcheck',
};

describe('readEnv', () => {
  it('reads the stack-set variables, with defaults for the policy and the nightly bound', () => {
    expect(readEnv(VARS)).toEqual({
      bucketName: 'claims', codeTableName: 'codes', ledgerTableName: 'ledger', idempotencyTableName: 'idempotency',
      patientKeySecretId: VARS.PATIENT_KEY_SECRET_ID, eventBusName: 'claimcheck', outboundPolicy: 'clean-only', nightlyMaxObjects: 200,
    });
  });

  it('takes the outbound policy, the nightly bound and local emulator endpoints', () => {
    const env = readEnv({ ...VARS, OUTBOUND_POLICY: 'always', NIGHTLY_MAX_OBJECTS: '25', S3_ENDPOINT: 'http://127.0.0.1:4568', DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' });
    expect(env).toMatchObject({ outboundPolicy: 'always', nightlyMaxObjects: 25, s3Endpoint: 'http://127.0.0.1:4568', dynamodbEndpoint: 'http://127.0.0.1:4567' });
  });

  it.each([
    [{ ...VARS, BUCKET_NAME: undefined }, /BUCKET_NAME is not set/],
    [{ ...VARS, EVENT_BUS_NAME: '' }, /EVENT_BUS_NAME is not set/],
    [{ ...VARS, OUTBOUND_POLICY: 'sometimes' }, /OUTBOUND_POLICY must be one of clean-only, always, never, not "sometimes"/],
    [{ ...VARS, NIGHTLY_MAX_OBJECTS: '0' }, /NIGHTLY_MAX_OBJECTS must be a whole number/],
    [{ ...VARS, NIGHTLY_MAX_OBJECTS: '12abc' }, /NIGHTLY_MAX_OBJECTS must be a whole number/],
  ])('fails at cold start on a missing or malformed variable (%#)', (vars, message) => {
    expect(() => readEnv(vars)).toThrow(message);
  });
});
