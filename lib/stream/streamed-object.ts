import type { ObjectStore, TextEncoding } from '../ports.ts';
import { createChannel, type Channel } from './channel.ts';

/**
 * An output object written while it is produced. A lazy one is only created when its first
 * non-empty chunk arrives (a 277CA with nothing to say is no file at all).
 */
export interface StreamedObject {
  readonly key: string;
  write(text: string): Promise<void>;
  /** Completes the object; true when it was written. Rejects when the store failed. */
  finish(): Promise<boolean>;
  /** Discards a partly written object. */
  abort(error: unknown): Promise<void>;
}

export function openStreamedObject(store: ObjectStore, key: string, lazy: boolean, encoding: TextEncoding = 'latin1'): StreamedObject {
  let channel: Channel | null = null;
  let written: Promise<void> | null = null;
  const start = (): Channel => {
    const ch = createChannel();
    written = store.write(key, ch.chunks, encoding);
    // If the store fails, stop feeding it; the error surfaces in finish().
    written.catch(() => ch.close());
    channel = ch;
    return ch;
  };
  if (!lazy) start();
  return {
    key,
    async write(text) {
      if (text === '') return;
      await (channel ?? start()).push(text);
    },
    async finish() {
      if (channel === null) return false;
      channel.close();
      await written;
      return true;
    },
    async abort(error) {
      channel?.abort(error);
      await written?.catch(() => undefined);
    },
  };
}
