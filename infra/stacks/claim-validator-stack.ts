import { Stack, type StackProps } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import type { OutboundPolicy } from '../../functions/shared/env.ts';
import { ClaimValidator } from '../constructs/claim-validator.ts';

export interface ClaimValidatorStackProps extends StackProps {
  /** An EventBridge cron expression for the nightly run, e.g. "cron(0 2 * * ? *)" (the default). */
  readonly nightlyCron?: string;
  readonly outboundPolicy?: OutboundPolicy;
}

/**
 * claimcheck in one account and region. Environment-agnostic (no `env`, no lookups), so
 * `cdk synth` runs offline without credentials; the account and region come at deploy time.
 */
export class ClaimValidatorStack extends Stack {
  readonly validator: ClaimValidator;

  constructor(scope: Construct, id: string, props: ClaimValidatorStackProps = {}) {
    super(scope, id, { description: 'claimcheck: pre-submission validation of 837P claim batches (S3, Lambda, DynamoDB)', ...props });
    this.validator = new ClaimValidator(this, 'ClaimValidator', {
      ...(props.nightlyCron === undefined ? {} : { nightlySchedule: Schedule.expression(props.nightlyCron) }),
      ...(props.outboundPolicy === undefined ? {} : { outboundPolicy: props.outboundPolicy }),
    });
  }
}
