import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClaimValidatorStack } from '../../infra/stacks/claim-validator-stack.ts';
import { testApp } from './synth.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

/** Synthesized once for the file: bundling the two functions is the slow part. */
let template: Template;
let configured: Template;
let resources: Resources;
let assemblyDir: string;

beforeAll(() => {
  const app = testApp();
  const stack = new ClaimValidatorStack(app, 'Claimcheck');
  // A second stack reuses the bundles (CDK caches them by source and options).
  const other = new ClaimValidatorStack(app, 'Configured', { nightlyCron: 'cron(30 3 * * ? *)', outboundPolicy: 'always' });
  template = Template.fromStack(stack);
  configured = Template.fromStack(other);
  // The assembly those templates came from (synth is done once and cached by the App).
  assemblyDir = app.synth().directory;
  resources = template.toJSON().Resources as Resources;
});

const logicalId = (type: string, idPart: string): string => {
  const ids = Object.keys(resources).filter((id) => resources[id]!.Type === type && id.includes(idPart));
  expect(ids, `${type} ${idPart}`).toHaveLength(1);
  return ids[0]!;
};
const keyRef = () => ({ 'Fn::GetAtt': [logicalId('AWS::KMS::Key', 'Key'), 'Arn'] });

/** Every statement of the policies on a function's role; resources rendered as text, the claim bucket as BUCKET. */
function statements(fn: 'Validate837' | 'Nightly'): Array<{ actions: string[]; resources: string[]; condition?: unknown }> {
  const role = logicalId('AWS::IAM::Role', `${fn}Role`);
  const bucketArn = JSON.stringify({ 'Fn::GetAtt': [logicalId('AWS::S3::Bucket', 'Claims'), 'Arn'] });
  const render = (r: unknown): string => {
    if (typeof r === 'string') return r;
    if (JSON.stringify(r) === bucketArn) return 'BUCKET';
    const join = (r as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
    return join === undefined ? JSON.stringify(r) : join[1].map(render).join(join[0]);
  };
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> }).Statement)
    .map((s) => ({ actions: [s.Action].flat(), resources: [s.Resource].flat().map(render), ...(s.Condition === undefined ? {} : { condition: s.Condition }) }));
}

/** The function's S3 permissions as sorted "action resource" lines (CDK may merge statements). */
const s3Grants = (fn: 'Validate837' | 'Nightly'): string[] =>
  statements(fn)
    .filter((s) => s.actions.some((a) => a.startsWith('s3:')))
    .flatMap((s) => s.actions.flatMap((a) => s.resources.map((r) => `${a} ${r}${s.condition === undefined ? '' : ` if ${JSON.stringify(s.condition)}`}`)))
    .sort();

describe('claim bucket', () => {
  it('is encrypted with the customer key (rotated), versioned, private and logged', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyRef() }, BucketKeyEnabled: true }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId('AWS::S3::Bucket', 'AccessLogs') }, LogFilePrefix: 'claims/' },
    });
  });

  it('refuses requests without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId('AWS::S3::Bucket', 'Claims') },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('keeps acks/ and reports/ with a lifecycle and expires old versions', () => {
    const rules = (resources[logicalId('AWS::S3::Bucket', 'Claims')]!.Properties.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
    expect(rules.map((r) => r.Prefix ?? null)).toEqual(['acks/', 'reports/', null]);
    expect(rules[0]).toMatchObject({ ExpirationInDays: 2555, Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }] });
    expect(rules[2]).toMatchObject({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } });
  });

  it('notifies validate-837 of created objects under inbound/ only', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [{
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbound/' }] } },
          LambdaFunctionArn: { 'Fn::GetAtt': [logicalId('AWS::Lambda::Function', 'Validate837'), 'Arn'] },
        }],
      },
    });
  });
});

describe('tables', () => {
  it.each([['CodeTable', 'PK', 'SK'], ['LedgerTable', 'PK', 'SK'], ['IdempotencyTable', 'id', null]])('%s: string keys, on demand, PITR, customer key', (id, pk, sk) => {
    const table = resources[logicalId('AWS::DynamoDB::GlobalTable', id)]!.Properties;
    expect(table.KeySchema).toEqual([{ AttributeName: pk, KeyType: 'HASH' }, ...(sk === null ? [] : [{ AttributeName: sk, KeyType: 'RANGE' }])]);
    expect(table.AttributeDefinitions).toEqual([pk, ...(sk === null ? [] : [sk])].map((name) => ({ AttributeName: name, AttributeType: 'S' })));
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    expect(table.Replicas).toEqual([expect.objectContaining({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { KMSMasterKeyId: keyRef() },
      DeletionProtectionEnabled: true,
    })]);
  });

  it('expires idempotency records by the expiration attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true } });
  });
});

describe('functions', () => {
  it.each(['Validate837', 'Nightly'])('%s: Node.js 22 on ARM64, sized for 50 MB batches, with its env and an encrypted log group', (fn) => {
    const props = resources[logicalId('AWS::Lambda::Function', fn)]!.Properties;
    expect(props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler', MemorySize: 2048, Timeout: 900 });
    const env = (props.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(env).sort((a, b) => (a < b ? -1 : 1))).toEqual([
      'BUCKET_NAME', 'CODE_TABLE_NAME', 'EVENT_BUS_NAME', 'IDEMPOTENCY_TABLE_NAME', 'LEDGER_TABLE_NAME',
      ...(fn === 'Nightly' ? ['NIGHTLY_MAX_OBJECTS'] : []), 'NODE_OPTIONS', 'OUTBOUND_POLICY', 'PATIENT_KEY_SECRET_ID', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME',
    ]);
    expect(env).toMatchObject({ BUCKET_NAME: { Ref: logicalId('AWS::S3::Bucket', 'Claims') }, OUTBOUND_POLICY: 'clean-only', NODE_OPTIONS: '--enable-source-maps' });
    const logGroup = logicalId('AWS::Logs::LogGroup', `${fn}Logs`);
    expect(props.LoggingConfig).toEqual({ LogGroup: { Ref: logGroup } });
    expect(resources[logGroup]!.Properties).toMatchObject({ RetentionInDays: 365, KmsKeyId: keyRef() });
  });

  it('reserves concurrency: 10 validations, one nightly run', () => {
    expect(resources[logicalId('AWS::Lambda::Function', 'Validate837')]!.Properties.ReservedConcurrentExecutions).toBe(10);
    expect(resources[logicalId('AWS::Lambda::Function', 'Nightly')]!.Properties.ReservedConcurrentExecutions).toBe(1);
  });

  it('sends failed asynchronous events to the encrypted, TLS-only DLQ after two retries', () => {
    const queue = logicalId('AWS::SQS::Queue', 'DeadLetters');
    expect(resources[queue]!.Properties).toMatchObject({ KmsMasterKeyId: keyRef(), MessageRetentionPeriod: 1_209_600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    for (const fn of ['Validate837', 'Nightly']) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalId('AWS::Lambda::Function', fn) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
      });
    }
  });

  it.each(['Validate837', 'Nightly'])('%s is bundled by esbuild as minified ESM with the createRequire banner and a source map', (fn) => {
    const code = resources[logicalId('AWS::Lambda::Function', fn)]!.Properties.Code as { S3Key: string };
    const asset = join(assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    expect(readdirSync(asset).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const bundle = readFileSync(join(asset, 'index.mjs'), 'utf8');
    expect(bundle.startsWith('import { createRequire } from "node:module";const require = createRequire(import.meta.url);')).toBe(true);
    // Minified: a few hundred very long lines for ~800 kB, not tens of thousands.
    expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(1000);
    expect(bundle).toMatch(/export\s*\{[^}]*as handler\s*\}/);
  });

  it.each(['Validate837', 'Nightly'])('%s bundle loads on its own in Node with the environment the stack gives it', (fn) => {
    const props = resources[logicalId('AWS::Lambda::Function', fn)]!.Properties as { Code: { S3Key: string }; Environment: { Variables: Record<string, unknown> } };
    const bundle = join(assemblyDir, `asset.${props.Code.S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
    // Token values (table names, ARNs) are only known at deploy time: any string stands in.
    const env = Object.fromEntries(Object.keys(props.Environment.Variables).map((k) => [k, k === 'OUTBOUND_POLICY' ? 'clean-only' : k === 'NIGHTLY_MAX_OBJECTS' ? '10' : `test-${k.toLowerCase()}`]));
    delete env.NODE_OPTIONS;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(typeof m.handler);`], {
      env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(out.trim()).toBe('function');
  });
});

describe('schedule, events and alarms', () => {
  it('runs nightly at 02:00 UTC by default, or at the configured cron', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId('AWS::Lambda::Function', 'Nightly'), 'Arn'] } })],
    });
    configured.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(30 3 * * ? *)' });
    configured.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ OUTBOUND_POLICY: 'always' }) } });
  });

  it('has a bus for claimcheck.batch.validated that the functions may put events on', () => {
    const bus = logicalId('AWS::Events::EventBus', 'Events');
    for (const fn of ['Validate837', 'Nightly'] as const) {
      expect(statements(fn)).toContainEqual({ actions: ['events:PutEvents'], resources: [JSON.stringify({ 'Fn::GetAtt': [bus, 'Arn'] })] });
      expect(statements(fn).flatMap((s) => s.actions).filter((a) => a.startsWith('events:'))).toEqual(['events:PutEvents']);
    }
  });

  it('alarms on the DLQ depth and on function errors, to the encrypted topic', () => {
    const topic = { Ref: logicalId('AWS::SNS::Topic', 'Alarms') };
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyRef() });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId('AWS::SQS::Queue', 'DeadLetters'), 'QueueName'] } }],
      AlarmActions: [topic],
    });
    for (const fn of ['Validate837', 'Nightly']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda', MetricName: 'Errors', Threshold: 1,
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId('AWS::Lambda::Function', fn) } }],
        AlarmActions: [topic],
      });
    }
  });

  it('keeps the patient key as a generated 64-character hex secret under the customer key', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: keyRef(),
      GenerateSecretString: { PasswordLength: 64, ExcludeUppercase: true, ExcludePunctuation: true, IncludeSpace: false, ExcludeCharacters: 'ghijklmnopqrstuvwxyz' },
    });
  });
});

describe('least privilege', () => {
  it('validate-837 reads inbound/ and writes the output prefixes, nothing else in the bucket', () => {
    const outputs = ['acks', 'corrected', 'outbound', 'rejected', 'reports'];
    expect(s3Grants('Validate837')).toEqual([
      ...outputs.map((p) => `s3:AbortMultipartUpload BUCKET/${p}/*`),
      's3:GetObject BUCKET/inbound/*',
      ...outputs.map((p) => `s3:PutObject BUCKET/${p}/*`),
    ]);
  });

  it('nightly reads, lists and deletes pending/ and writes the outputs and inbound/processed/', () => {
    const outputs = ['acks', 'corrected', 'inbound/processed', 'outbound', 'rejected', 'reports'];
    expect(s3Grants('Nightly')).toEqual([
      ...outputs.map((p) => `s3:AbortMultipartUpload BUCKET/${p}/*`),
      's3:DeleteObject BUCKET/pending/*',
      's3:GetObject BUCKET/pending/*',
      's3:ListBucket BUCKET if {"StringLike":{"s3:prefix":["pending/*"]}}',
      ...outputs.map((p) => `s3:PutObject BUCKET/${p}/*`),
    ]);
  });

  it('grants no service-wide wildcard and no resource "*" to the functions', () => {
    for (const fn of ['Validate837', 'Nightly'] as const) {
      for (const s of statements(fn)) {
        expect(s.actions.filter((a) => a === '*' || a.endsWith(':*')), fn).toEqual([]);
        expect(s.resources, fn).not.toContain('*');
      }
    }
  });

  it('reads the code table only; writes the ledger and idempotency tables', () => {
    const grants = statements('Validate837').filter((s) => s.actions.some((a) => a.startsWith('dynamodb:')));
    const code = grants.find((s) => s.resources.some((r) => r.includes(logicalId('AWS::DynamoDB::GlobalTable', 'CodeTable'))))!;
    expect(code.actions.filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
    const ledger = grants.find((s) => s.resources.some((r) => r.includes(logicalId('AWS::DynamoDB::GlobalTable', 'LedgerTable'))))!;
    expect(ledger.actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
  });
});
