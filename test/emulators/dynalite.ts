import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
import type { Emulator } from './emulator.ts';

type DynaliteFactory = (options: { createTableMs: number; deleteTableMs: number; updateTableMs: number }) => Server;

/**
 * Starts dynalite (DynamoDB in Node.js, in memory) on a free loopback port. It starts in
 * milliseconds but has no transactions: the ledger's tests need DynamoDB Local.
 */
export async function startDynalite(): Promise<Emulator> {
  const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;
  // Tables are ACTIVE at once instead of after dynalite's default 500 ms in CREATING.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
