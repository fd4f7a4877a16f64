/**
 * A one-producer, one-consumer async queue of text chunks with backpressure: the producer
 * waits while more than `highWater` chunks are unread. It lets a report be streamed into an
 * object while validation is still producing it, so no report is ever held whole in memory.
 */
export interface Channel {
  push(chunk: string): Promise<void>;
  close(): void;
  /** Ends the stream with an error: the consumer's iteration throws it (so a writer discards its partial object). */
  abort(error: unknown): void;
  readonly chunks: AsyncIterable<string>;
}

export function createChannel(highWater = 64): Channel {
  const queue: string[] = [];
  let closed = false;
  let failure: { readonly error: unknown } | null = null;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;

  const notifyConsumer = (): void => {
    const wake = wakeConsumer;
    wakeConsumer = null;
    wake?.();
  };

  return {
    async push(chunk) {
      // After close (the consumer failed or the producer finished) chunks have nowhere to go.
      if (closed) return;
      queue.push(chunk);
      notifyConsumer();
      if (queue.length > highWater) await new Promise<void>((resolve) => (wakeProducer = resolve));
    },
    close() {
      closed = true;
      notifyConsumer();
      const wake = wakeProducer;
      wakeProducer = null;
      wake?.();
    },
    abort(error) {
      failure = { error };
      queue.length = 0;
      this.close();
    },
    chunks: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          if (failure !== null) throw failure.error;
          if (queue.length > 0) {
            yield queue.shift()!;
            if (queue.length <= highWater) {
              const wake = wakeProducer;
              wakeProducer = null;
              wake?.();
            }
            continue;
          }
          if (closed) return;
          await new Promise<void>((resolve) => (wakeConsumer = resolve));
        }
      },
    },
  };
}
