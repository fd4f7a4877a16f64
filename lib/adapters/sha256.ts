import { createHash } from 'node:crypto';
import type { Hasher } from '../ports.ts';

export function createSha256(): Hasher {
  const hash = createHash('sha256');
  return {
    update: (bytes) => void hash.update(bytes),
    digest: () => hash.digest('hex'),
  };
}
