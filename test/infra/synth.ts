import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';

/** An App with cdk.json's feature flags, so the tests synthesize what `cdk synth` does. */
export function testApp(): App {
  const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return new App({ context: cdkJson.context });
}
