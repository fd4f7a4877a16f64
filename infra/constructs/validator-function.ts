import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, type CfnElement } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, type IDestination } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';

/** The repository root: entries, package-lock.json and node_modules (for the local esbuild). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ValidatorFunctionProps {
  /** The handler file, relative to the repository root (it exports `handler`). */
  readonly entry: string;
  readonly description: string;
  /** POWERTOOLS_SERVICE_NAME: the `service` of every log line and metric. */
  readonly serviceName: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly reservedConcurrentExecutions: number;
  readonly logRetention: RetentionDays;
  /** Encrypts the log group (its key policy must admit CloudWatch Logs). */
  readonly logKey: IKey;
  /** Where an asynchronous event goes once its retries are spent. */
  readonly onFailure: IDestination;
  readonly retryAttempts?: number;
}

/** Which prefixes of a bucket a function may read, write, list or delete (each `<prefix>*`). */
export interface BucketAccess {
  readonly read?: readonly string[];
  readonly write?: readonly string[];
  readonly list?: readonly string[];
  readonly delete?: readonly string[];
}

/**
 * The house Lambda (conventions §14): Node.js 22 on ARM64, an ESM bundle built by the local
 * esbuild, source maps, its own encrypted log group with a retention, and a role that starts
 * empty. Each `bind*` sets the environment variable and grants exactly what the code does with
 * that resource, so configuration and permission cannot drift apart.
 */
export class ValidatorFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ValidatorFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention, encryptionKey: props.logKey, removalPolicy: RemovalPolicy.RETAIN });
    // Our own role instead of the default one with AWSLambdaBasicExecutionRole: logs go to this
    // one group only, and every other permission comes from a bind* call.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `${props.description} (execution role)` });
    super(scope, id, {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role,
      logGroup,
      onFailure: props.onFailure,
      retryAttempts: props.retryAttempts ?? 2,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      bundling: {
        // The esbuild in node_modules: synth works offline, without Docker.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        // Some bundled CommonJS dependencies call require(); ESM has none without this.
        banner: 'import { createRequire } from "node:module";const require = createRequire(import.meta.url);',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle the SDK too: the versions tested here, not the runtime's.
        externalModules: [],
      },
    });
    logGroup.grantWrite(role);
    NagSuppressions.addResourceSuppressions(this, [
      { id: 'AwsSolutions-L1', reason: 'nodejs22.x is the deployment target the bundle (esbuild target node22), middy 6 and Powertools 2 are tested on; moving to a newer runtime is a deliberate, tested change, not a silent default.' },
      { id: 'HIPAA.Security-LambdaDLQ', reason: 'Failed asynchronous invocations go to an SQS on-failure destination (EventInvokeConfig), which records the event with the error and request context; a DeadLetterConfig as well would deliver every failure twice.' },
      { id: 'HIPAA.Security-LambdaInsideVPC', reason: 'The function reaches only S3, DynamoDB, Secrets Manager, EventBridge, SQS and CloudWatch, over TLS with IAM-scoped credentials, and opens no inbound port; there is no VPC resource to reach, so a VPC would add NAT or endpoints without narrowing access.' },
    ]);
    NagSuppressions.addResourceSuppressions(role, [
      { id: 'HIPAA.Security-IAMNoInlinePolicy', reason: "The function role's own policy, created and deleted with it and scoped to this function's resources by the bind* grants; a managed policy would be a shareable object that narrows nothing." },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'The grant aws-cdk-lib makes for sending to the KMS-encrypted on-failure queue (SqsDestination): these KMS actions on that one key only.',
        appliesTo: ['Action::kms:ReEncrypt*', 'Action::kms:GenerateDataKey*'],
      },
    ], true);
  }

  /**
   * The bucket's name in `envName`, and object-level actions on the given prefixes only:
   * GetObject (HeadObject too), PutObject (multipart parts too) with AbortMultipartUpload,
   * DeleteObject, and ListBucket restricted by `s3:prefix`. The bucket key is granted what
   * SSE-KMS needs for those actions.
   */
  bindBucket(bucket: IBucket, envName: string, access: BucketAccess): void {
    this.addEnvironment(envName, bucket.bucketName);
    const objects = (prefixes: readonly string[]): string[] => prefixes.map((p) => bucket.arnForObjects(`${p}*`));
    const allow = (actions: string[], prefixes: readonly string[] | undefined): void => {
      if (prefixes !== undefined && prefixes.length > 0) this.addToRolePolicy(new PolicyStatement({ actions, resources: objects(prefixes) }));
    };
    allow(['s3:GetObject'], access.read);
    allow(['s3:PutObject', 's3:AbortMultipartUpload'], access.write);
    allow(['s3:DeleteObject'], access.delete);
    if (access.list !== undefined && access.list.length > 0) {
      this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': access.list.map((p) => `${p}*`) } } }));
    }
    // Decrypt to read (and to complete a multipart upload); GenerateDataKey to write.
    const writes = (access.write?.length ?? 0) > 0;
    bucket.encryptionKey?.grant(this, 'kms:Decrypt', ...(writes ? ['kms:GenerateDataKey'] : []));
    const cfnBucket = bucket.node.defaultChild as CfnElement | undefined;
    if (cfnBucket === undefined || this.role === undefined) return;
    const bucketArn = `<${Stack.of(bucket).getLogicalId(cfnBucket)}.Arn>`;
    const prefixes = [...new Set([...(access.read ?? []), ...(access.write ?? []), ...(access.delete ?? [])])];
    NagSuppressions.addResourceSuppressions(this.role, [{
      id: 'AwsSolutions-IAM5',
      reason: 'Object actions must name objects: each wildcard is one prefix of the claim bucket (serverless-design.md, bucket layout) that this function reads, writes or deletes, never the whole bucket.',
      appliesTo: prefixes.map((p) => `Resource::${bucketArn}/${p}*`),
    }], true);
  }

  /**
   * The table's name in `envName`; read-only or read-write data access (never table admin).
   * `key` is the table's customer key when the table does not know it itself (see
   * ClaimValidator.table): the same KMS actions TableV2's grants would add for it.
   */
  bindTable(table: ITableV2, envName: string, mode: 'read' | 'readWrite', key?: IKey): void {
    this.addEnvironment(envName, table.tableName);
    if (mode === 'read') table.grantReadData(this);
    else table.grantReadWriteData(this);
    // Spelled out rather than CDK's `kms:ReEncrypt*` and `kms:GenerateDataKey*`: no wildcard.
    const writes = ['kms:Encrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'];
    if (table.encryptionKey === undefined) key?.grant(this, 'kms:Decrypt', 'kms:DescribeKey', ...(mode === 'read' ? [] : writes));
  }

  /** The secret's ARN in `envName`; GetSecretValue on that secret only. */
  bindSecret(secret: ISecret, envName: string): void {
    this.addEnvironment(envName, secret.secretArn);
    secret.grantRead(this);
  }

  /** The bus name in `envName`; PutEvents on that bus only. */
  bindEventBus(bus: IEventBus, envName: string): void {
    this.addEnvironment(envName, bus.eventBusName);
    bus.grantPutEventsTo(this);
  }
}
