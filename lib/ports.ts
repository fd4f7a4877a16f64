/**
 * What the pure core needs from the outside world. Implementations live in lib/adapters/
 * (filesystem for the CLI; S3 and DynamoDB for Lambda) so the same core runs everywhere.
 */

/** A place objects are read from and written to: a folder, an S3 bucket. */
export interface ObjectStore {
  /** Streams an object's bytes; rejects with {@link ObjectNotFoundError} when it is absent. */
  read(key: string): AsyncIterable<Uint8Array>;
  /**
   * Writes an object from text chunks (Latin-1: one character is one byte, so X12 bytes
   * round-trip). The object appears whole or not at all, when the chunks end.
   */
  write(key: string, body: string | AsyncIterable<string>): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  readonly code = 'OBJECT_NOT_FOUND';
  constructor(readonly key: string) {
    super(`${key}: no such file or object`);
    this.name = 'ObjectNotFoundError';
  }
}

/** An incremental SHA-256 (node:crypto lives in the adapters). */
export interface Hasher {
  update(bytes: Uint8Array): void;
  /** Lower-case hex digest. */
  digest(): string;
}
