import { Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClaimValidatorStack } from '../../infra/stacks/claim-validator-stack.ts';
import { testApp } from './synth.ts';

/**
 * Both rule packs on a fresh stack, as infra/bin/app.ts applies them: any finding not
 * suppressed in code with a reason is an error or warning annotation, and fails here.
 */
let annotations: Annotations;
let template: Template;

beforeAll(() => {
  const app = testApp();
  const stack = new ClaimValidatorStack(app, 'NagCheck');
  Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  Aspects.of(stack).add(new HIPAASecurityChecks({ verbose: true }));
  annotations = Annotations.fromStack(stack);
  template = Template.fromStack(stack);
});

describe('cdk-nag (AwsSolutions and HIPAA Security)', () => {
  it('leaves no unsuppressed error', () => {
    expect(annotations.findError('*', Match.anyValue()).map((a) => `${a.id}: ${String(a.entry.data)}`)).toEqual([]);
  });

  it('leaves no unsuppressed warning', () => {
    expect(annotations.findWarning('*', Match.anyValue()).map((a) => `${a.id}: ${String(a.entry.data)}`)).toEqual([]);
  });

  it('gives every suppression a written reason and scopes wildcard ones to named findings', () => {
    const suppressions = Object.values(template.toJSON().Resources as Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress: Array<{ id: string; reason: string; applies_to?: unknown[] }> } } }>)
      .flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    expect(suppressions.length).toBeGreaterThan(0);
    for (const s of suppressions) {
      expect(s.reason.length, s.id).toBeGreaterThan(60);
      if (s.id === 'AwsSolutions-IAM5' || s.id === 'AwsSolutions-IAM4') expect(s.applies_to, s.id).toBeDefined();
    }
  });
});
