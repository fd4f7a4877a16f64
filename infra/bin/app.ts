import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { OUTBOUND_POLICIES, type OutboundPolicy } from '../../functions/shared/env.ts';
import { ClaimValidatorStack } from '../stacks/claim-validator-stack.ts';

/**
 * `npx cdk synth` (cdk.json runs this with tsx). Settings come from context, e.g.
 * `-c nightlyCron="cron(30 3 * * ? *)" -c outboundPolicy=always`.
 */
const app = new App();
const nightlyCron: unknown = app.node.tryGetContext('nightlyCron');
const outboundPolicy: unknown = app.node.tryGetContext('outboundPolicy');
if (nightlyCron !== undefined && (typeof nightlyCron !== 'string' || !/^cron\(.+\)$/.test(nightlyCron))) throw new Error(`context nightlyCron must be an EventBridge cron expression such as "cron(0 2 * * ? *)", not ${JSON.stringify(nightlyCron)}`);
if (outboundPolicy !== undefined && !OUTBOUND_POLICIES.includes(outboundPolicy as OutboundPolicy)) throw new Error(`context outboundPolicy must be one of ${OUTBOUND_POLICIES.join(', ')}`);

new ClaimValidatorStack(app, 'Claimcheck', {
  ...(nightlyCron === undefined ? {} : { nightlyCron: nightlyCron as string }),
  ...(outboundPolicy === undefined ? {} : { outboundPolicy: outboundPolicy as OutboundPolicy }),
});

// Every finding of both packs fails synth unless suppressed in code with a reason.
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
Aspects.of(app).add(new HIPAASecurityChecks({ verbose: true }));
