import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { EventEmitter } from 'node:events';

/**
 * The s3rver child process started by startS3rver (s3rver.ts): argv[2] is the data folder, the
 * rest are bucket names. It reports `{ port }` when listening, forwards each S3 notification as
 * `{ event }`, and stops when the parent says 'stop' or goes away.
 */

/** What we use of s3rver 3.x (it ships no types). It is a Koa app: notifications arrive as 'event'. */
interface S3rverServer extends EventEmitter {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: readonly { name: string; configs: readonly string[] }[];
}) => S3rverServer;

const [directory, ...buckets] = process.argv.slice(2);
const send = (message: unknown): void => void process.send?.(message);
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: directory!,
  configureBuckets: buckets.map((name) => ({ name, configs: [] })),
});
server.on('event', (event: unknown) => send({ event }));
const stop = (): void => void server.close().finally(() => process.exit(0));
process.on('message', (message) => message === 'stop' && stop());
process.on('disconnect', stop);
const { port } = await server.run();
send({ port });
