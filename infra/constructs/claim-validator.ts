import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, TableEncryptionV2, TableV2, type CfnGlobalTable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { DEFAULT_NIGHTLY_MAX_OBJECTS, ENV_NAMES, type OutboundPolicy } from '../../functions/shared/env.ts';
import { ValidatorFunction } from './validator-function.ts';

export interface ClaimValidatorProps {
  /** When the nightly run validates pending/. Default: 02:00 UTC every day. */
  readonly nightlySchedule?: Schedule;
  /** Which validated batches are copied to outbound/. Default: clean-only (whole file accepted). */
  readonly outboundPolicy?: OutboundPolicy;
  /** Objects per nightly run; the rest waits a night. Default 200. */
  readonly nightlyMaxObjects?: number;
  /** Concurrent validations of uploads at most (reserved concurrency). Default 10. */
  readonly maxConcurrentValidations?: number;
  /** How long function logs and S3 access logs are kept. Default one year. */
  readonly logRetention?: RetentionDays;
  /** How long acknowledgments and reports are kept. Default 7 years (HIPAA keeps 6). */
  readonly outputRetention?: Duration;
}

/** Prefixes of the one claim bucket (serverless-design.md, "Bucket layout"). */
export const PREFIXES = {
  inbound: 'inbound/',
  pending: 'pending/',
  processed: 'inbound/processed/',
  outputs: ['acks/', 'reports/', 'corrected/', 'rejected/', 'outbound/'],
} as const;

/**
 * The serverless claim validator: the claim bucket with its prefixes, the code table, the
 * frequency ledger and the idempotency table, the patient-key secret, the validate-837 and
 * nightly functions, the batch-event bus, a DLQ for failed invocations and the alarms on it.
 * One customer-managed key (rotated yearly) encrypts all of it.
 */
export class ClaimValidator extends Construct {
  readonly key: Key;
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  readonly codeTable: TableV2;
  readonly ledgerTable: TableV2;
  readonly idempotencyTable: TableV2;
  readonly patientKey: Secret;
  readonly events: EventBus;
  readonly deadLetters: Queue;
  readonly alarmTopic: Topic;
  readonly validate837: ValidatorFunction;
  readonly nightly: ValidatorFunction;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: ClaimValidatorProps = {}) {
    super(scope, id);
    const logRetention = props.logRetention ?? RetentionDays.ONE_YEAR;
    this.key = new Key(this, 'Key', { enableKeyRotation: true, description: 'claimcheck: claim files, tables, secret, queues and logs', removalPolicy: RemovalPolicy.RETAIN });
    this.admitServices();

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      // S3 delivers server access logs only to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(retentionDays(logRetention)), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const outputRetention = props.outputRetention ?? Duration.days(7 * 365);
    this.bucket = new Bucket(this, 'Claims', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket, not per object: far fewer KMS calls for many small acks.
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'claims/',
      lifecycleRules: [
        ...(['acks/', 'reports/'] as const).map((prefix) => ({
          id: `${prefix.slice(0, -1)}-retention`,
          prefix,
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
          expiration: outputRetention,
        })),
        // Versioning keeps overwritten outputs (a re-validation) and deleted inputs for a while.
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.codeTable = this.table('CodeTable', 'PK', 'SK');
    this.ledgerTable = this.table('LedgerTable', 'PK', 'SK');
    // Powertools idempotency's default layout: key `id`, expiry in `expiration` (TTL).
    this.idempotencyTable = this.table('IdempotencyTable', 'id', null, 'expiration');

    this.patientKey = new Secret(this, 'PatientKey', {
      description: 'claimcheck: HMAC key that turns payer + member id + birth date into the ledger patient key (hex)',
      encryptionKey: this.key,
      // 64 lower-case hex characters = 32 bytes, the form the CLI's secret file has.
      generateSecretString: { passwordLength: 64, excludeUppercase: true, excludePunctuation: true, includeSpace: false, excludeCharacters: 'ghijklmnopqrstuvwxyz' },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.events = new EventBus(this, 'Events', { description: 'claimcheck.batch.validated events (counts and keys, no PHI)' });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.alarmTopic = new Topic(this, 'Alarms', { masterKey: this.key, enforceSSL: true, displayName: 'claimcheck alarms' });

    const common = { logRetention, logKey: this.key, onFailure: new SqsDestination(this.deadLetters), memorySize: 2048, timeout: Duration.minutes(15) };
    // 2 GB gives more than one vCPU and room for the SDK's upload buffers; a 50 MB batch is
    // read once, streamed, in well under a minute, and 15 minutes covers the DynamoDB round trips.
    this.validate837 = new ValidatorFunction(this, 'Validate837', {
      ...common,
      entry: 'functions/validate-837/handler.ts',
      description: 'claimcheck: validates 837P batches uploaded to inbound/',
      serviceName: 'validate-837',
      reservedConcurrentExecutions: props.maxConcurrentValidations ?? 10,
    });
    this.nightly = new ValidatorFunction(this, 'Nightly', {
      ...common,
      entry: 'functions/nightly/handler.ts',
      description: 'claimcheck: validates pending/ every night, then moves it to inbound/processed/',
      serviceName: 'nightly',
      // One run at a time: two would validate and move the same pending objects.
      reservedConcurrentExecutions: 1,
    });
    for (const fn of [this.validate837, this.nightly]) {
      fn.bindTable(this.codeTable, ENV_NAMES.codeTableName, 'read', this.key);
      fn.bindTable(this.ledgerTable, ENV_NAMES.ledgerTableName, 'readWrite', this.key);
      fn.bindTable(this.idempotencyTable, ENV_NAMES.idempotencyTableName, 'readWrite', this.key);
      fn.bindSecret(this.patientKey, ENV_NAMES.patientKeySecretId);
      fn.bindEventBus(this.events, ENV_NAMES.eventBusName);
      fn.addEnvironment(ENV_NAMES.outboundPolicy, props.outboundPolicy ?? 'clean-only');
    }
    this.validate837.bindBucket(this.bucket, ENV_NAMES.bucketName, { read: [PREFIXES.inbound], write: PREFIXES.outputs });
    this.nightly.bindBucket(this.bucket, ENV_NAMES.bucketName, {
      read: [PREFIXES.pending],
      list: [PREFIXES.pending],
      write: [...PREFIXES.outputs, PREFIXES.processed],
      delete: [PREFIXES.pending],
    });
    this.nightly.addEnvironment(ENV_NAMES.nightlyMaxObjects, String(props.nightlyMaxObjects ?? DEFAULT_NIGHTLY_MAX_OBJECTS));

    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.validate837), { prefix: PREFIXES.inbound });
    new Rule(this, 'NightlySchedule', {
      description: 'claimcheck: nightly validation of pending/',
      schedule: props.nightlySchedule ?? Schedule.cron({ minute: '0', hour: '2' }),
      targets: [new LambdaFunction(this.nightly, { retryAttempts: 2 })],
    });

    this.suppressFindings();
    this.alarms = [
      this.alarm('DeadLettersAlarm', 'claimcheck: events gave up after retries are waiting in the DLQ', this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })),
      this.alarm('Validate837Errors', 'claimcheck: validate-837 invocations failed', this.validate837.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' })),
      this.alarm('NightlyErrors', 'claimcheck: the nightly run failed', this.nightly.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' })),
    ];
  }

  /** Findings of AwsSolutions and HIPAA Security that do not apply here, each with the reason. */
  private suppressFindings(): void {
    const notReplicated = {
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason: 'Cross-region replication needs a second region and key chosen by the covered entity; here versioning (90 days of old versions) and the 7-year output retention protect the objects, and inputs can be re-sent by the practice.',
    };
    NagSuppressions.addResourceSuppressions(this.accessLogs, [
      notReplicated,
      { id: 'HIPAA.Security-S3DefaultEncryptionKMS', reason: 'S3 server access logs can only be delivered to a bucket with SSE-S3 default encryption, not SSE-KMS; the logs hold request metadata (keys, callers), not claim content.' },
    ]);
    NagSuppressions.addResourceSuppressions(this.bucket, [notReplicated]);
    NagSuppressions.addResourceSuppressions(this.deadLetters, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue (the functions\' on-failure destination); messages that land here are watched by an alarm, not redriven to another queue.' },
    ]);
    const rotation = 'The secret is the HMAC key behind every patient key in the frequency ledger: rotating it would make every patient look new and silently disable the frequency limits. It is generated in AWS, never leaves Secrets Manager, and is readable only by the two functions.';
    NagSuppressions.addResourceSuppressions(this.patientKey, [
      { id: 'AwsSolutions-SMG4', reason: rotation },
      { id: 'HIPAA.Security-SecretsManagerRotationEnabled', reason: rotation },
    ]);
    // aws-cdk-lib's singleton that writes the bucket notification at deploy time (not our code).
    const notifications = Stack.of(this).node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'));
    if (notifications !== undefined) {
      NagSuppressions.addResourceSuppressions(notifications, [{
        id: 'AwsSolutions-IAM4',
        reason: "aws-cdk-lib's bucket-notification custom resource comes with the AWSLambdaBasicExecutionRole managed policy (logs only); it runs at deploy time and touches no claim data.",
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      }], true);
    }
    NagSuppressions.addResourceSuppressions(this.bucket, [
      { id: 'HIPAA.Security-IAMNoInlinePolicy', reason: "aws-cdk-lib's policy for its bucket-notification custom resource: s3:PutBucketNotification, created and deleted with it." },
    ], true);
  }

  /** On-demand (TableV2's default), point-in-time recovery, the customer key, kept on stack deletion. */
  private table(id: string, partitionKey: string, sortKey: string | null, timeToLiveAttribute?: string): TableV2 {
    const table = new TableV2(this, id, {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      ...(sortKey === null ? {} : { sortKey: { name: sortKey, type: AttributeType.STRING } }),
      ...(timeToLiveAttribute === undefined ? {} : { timeToLiveAttribute }),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // SSE with KMS; the key itself is set below.
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // TableV2.customerManagedKey() renders the key per replica region and so refuses a
    // region-agnostic stack; this table has one replica (the stack's region): give it our key.
    (table.node.defaultChild as CfnGlobalTable).addPropertyOverride('Replicas.0.SSESpecification.KMSMasterKeyId', this.key.keyArn);
    return table;
  }

  private alarm(id: string, description: string, metric: IMetric): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    return alarm;
  }

  /**
   * The services that use the key on their own behalf: CloudWatch Logs (the log groups) and
   * CloudWatch alarms (publishing to the encrypted topic). Scoped by encryption context or
   * source account.
   */
  private admitServices(): void {
    const { region, account, partition } = Stack.of(this);
    this.key.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` } },
    }));
    this.key.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }));
  }
}

function retentionDays(retention: RetentionDays): number {
  // RetentionDays.INFINITE is 9999: keep access logs ten years then.
  return Math.min(retention, 3650);
}
