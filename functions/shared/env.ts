/**
 * The handlers' configuration, read and checked once at cold start (conventions §12): a
 * missing or malformed variable fails the init, not the hundredth invocation. The stack sets
 * every variable through the `bind*` helpers of the house construct.
 */

/** Which validated files are also copied to outbound/ for the clearinghouse hand-off. */
export type OutboundPolicy = 'clean-only' | 'always' | 'never';

export interface Env {
  /** The claim bucket (nightly lists pending/ in it; S3 events name it too). */
  readonly bucketName: string;
  readonly codeTableName: string;
  readonly ledgerTableName: string;
  /** Powertools idempotency records (one per bucket + key + version). */
  readonly idempotencyTableName: string;
  /** Secrets Manager secret holding the patient-key HMAC secret as hex. */
  readonly patientKeySecretId: string;
  /** Where `claimcheck.batch.validated` events go. */
  readonly eventBusName: string;
  readonly outboundPolicy: OutboundPolicy;
  /** Objects the nightly run validates at most; the rest waits for the next night. */
  readonly nightlyMaxObjects: number;
  /** Local mode only (`npm start`): emulator endpoints instead of AWS. */
  readonly s3Endpoint?: string;
  readonly dynamodbEndpoint?: string;
}

const OUTBOUND_POLICIES: readonly OutboundPolicy[] = ['clean-only', 'always', 'never'];
const DEFAULT_NIGHTLY_MAX_OBJECTS = 200;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

export function readEnv(vars: Readonly<Record<string, string | undefined>>): Env {
  const required = (name: string): string => {
    const value = vars[name];
    if (value === undefined || value === '') throw new EnvError(`environment variable ${name} is not set`);
    return value;
  };
  const policy = vars.OUTBOUND_POLICY ?? 'clean-only';
  if (!OUTBOUND_POLICIES.includes(policy as OutboundPolicy)) throw new EnvError(`OUTBOUND_POLICY must be one of ${OUTBOUND_POLICIES.join(', ')}, not "${policy}"`);
  const max = vars.NIGHTLY_MAX_OBJECTS ?? String(DEFAULT_NIGHTLY_MAX_OBJECTS);
  if (!/^[1-9]\d{0,5}$/.test(max)) throw new EnvError(`NIGHTLY_MAX_OBJECTS must be a whole number from 1 to 999999, not "${max}"`);
  return {
    bucketName: required('BUCKET_NAME'),
    codeTableName: required('CODE_TABLE_NAME'),
    ledgerTableName: required('LEDGER_TABLE_NAME'),
    idempotencyTableName: required('IDEMPOTENCY_TABLE_NAME'),
    patientKeySecretId: required('PATIENT_KEY_SECRET_ID'),
    eventBusName: required('EVENT_BUS_NAME'),
    outboundPolicy: policy as OutboundPolicy,
    nightlyMaxObjects: Number(max),
    ...(vars.S3_ENDPOINT ? { s3Endpoint: vars.S3_ENDPOINT } : {}),
    ...(vars.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: vars.DYNAMODB_ENDPOINT } : {}),
  };
}
