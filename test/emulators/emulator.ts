/** An emulator started by a test (or `npm start`) on this machine. */
export interface Emulator {
  /** http://127.0.0.1:<port>, for createS3Client / createDynamoClient({ endpoint }). */
  readonly endpoint: string;
  /** Stops it and removes what it stored; safe to call in afterAll even after a failed test. */
  stop(): Promise<void>;
}
