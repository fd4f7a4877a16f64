import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Convention 1 (pure core): only lib/adapters, functions and infra may talk to AWS or the
 * filesystem. Everything else in lib/ must run anywhere, so a violation fails here.
 */
const ROOT = join(import.meta.dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const AWS = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]@aws-sdk\//;
const FILESYSTEM = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?fs(?:\/promises)?['"]/;

export function violations(files: readonly string[], read: (file: string) => string): string[] {
  const out: string[] = [];
  for (const file of files) {
    const rel = relative(ROOT, join(ROOT, file)).split('\\').join('/');
    if (rel.startsWith('lib/adapters/')) continue;
    const text = read(file);
    if (AWS.test(text)) out.push(`${rel} imports @aws-sdk`);
    if (FILESYSTEM.test(text)) out.push(`${rel} imports the filesystem`);
  }
  return out;
}

describe('import boundary', () => {
  it('keeps @aws-sdk and the filesystem out of lib/ outside lib/adapters', () => {
    expect(violations(tsFiles('lib'), (f) => readFileSync(join(ROOT, f), 'utf8'))).toEqual([]);
  });

  it('catches a violation (the check itself can fail)', () => {
    const fake: Record<string, string> = {
      'lib/rules/bad.ts': "import { S3Client } from '@aws-sdk/client-s3';",
      'lib/x12/bad.ts': "import { readFileSync } from 'node:fs';",
      'lib/adapters/s3.ts': "import { S3Client } from '@aws-sdk/client-s3';",
    };
    expect(violations(Object.keys(fake), (f) => fake[f]!)).toEqual(['lib/rules/bad.ts imports @aws-sdk', 'lib/x12/bad.ts imports the filesystem']);
  });
});
