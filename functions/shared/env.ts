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

/** The variable names, shared with the stack (infra/) so the two cannot drift apart. */
export const ENV_NAMES = {
  bucketName: 'BUCKET_NAME',
  codeTableName: 'CODE_TABLE_NAME',
  ledgerTableName: 'LEDGER_TABLE_NAME',
  idempotencyTableName: 'IDEMPOTENCY_TABLE_NAME',
  patientKeySecretId: 'PATIENT_KEY_SECRET_ID',
  eventBusName: 'EVENT_BUS_NAME',
  outboundPolicy: 'OUTBOUND_POLICY',
  nightlyMaxObjects: 'NIGHTLY_MAX_OBJECTS',
  s3Endpoint: 'S3_ENDPOINT',
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
} as const satisfies Record<keyof Env, string>;

export const OUTBOUND_POLICIES: readonly OutboundPolicy[] = ['clean-only', 'always', 'never'];
export const DEFAULT_NIGHTLY_MAX_OBJECTS = 200;

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
  const optional = (field: 's3Endpoint' | 'dynamodbEndpoint') => {
    const value = vars[ENV_NAMES[field]];
    return value === undefined || value === '' ? {} : { [field]: value };
  };
  const policy = vars[ENV_NAMES.outboundPolicy] ?? 'clean-only';
  if (!OUTBOUND_POLICIES.includes(policy as OutboundPolicy)) throw new EnvError(`${ENV_NAMES.outboundPolicy} must be one of ${OUTBOUND_POLICIES.join(', ')}, not "${policy}"`);
  const max = vars[ENV_NAMES.nightlyMaxObjects] ?? String(DEFAULT_NIGHTLY_MAX_OBJECTS);
  if (!/^[1-9]\d{0,5}$/.test(max)) throw new EnvError(`${ENV_NAMES.nightlyMaxObjects} must be a whole number from 1 to 999999, not "${max}"`);
  return {
    bucketName: required(ENV_NAMES.bucketName),
    codeTableName: required(ENV_NAMES.codeTableName),
    ledgerTableName: required(ENV_NAMES.ledgerTableName),
    idempotencyTableName: required(ENV_NAMES.idempotencyTableName),
    patientKeySecretId: required(ENV_NAMES.patientKeySecretId),
    eventBusName: required(ENV_NAMES.eventBusName),
    outboundPolicy: policy as OutboundPolicy,
    nightlyMaxObjects: Number(max),
    ...optional('s3Endpoint'),
    ...optional('dynamodbEndpoint'),
  };
}
