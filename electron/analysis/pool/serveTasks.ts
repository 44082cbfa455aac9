import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/result';
import { NativeSections } from './nativeSection';
import type { ReplyMessage, TaskMessage } from './types';

/** What a task handler may tell the pool while it runs. */
export interface TaskContext {
  /**
   * Says the task is progressing (call it as often as you like, e.g. per decoded block;
   * it posts at most every ALIVE_EVERY_MS): the pool's hang limit counts from the last one.
   */
  alive(): void;
  /**
   * Runs `fn` as a native section: the pool does not terminate the worker (cancel,
   * timeout, close) until it has left it. Wrap every call into a native addon that
   * builds JavaScript values (the ONNX runtime: loading and running the model).
   */
  native<T>(fn: () => Promise<T>): Promise<T>;
}

/** The section cell the pool gave this worker (none when started by other means). */
function sectionCell(): Int32Array | null {
  const data: unknown = workerData;
  if (typeof data !== 'object' || data === null || !('nativeSection' in data)) return null;
  const cell = data.nativeSection;
  return cell instanceof Int32Array ? cell : null;
}

const ALIVE_EVERY_MS = 250;

/**
 * Worker side of the pool: runs `handler` for each task message, one at a time, and
 * posts the result (errors become data). `transfer` lists buffers to move, not copy.
 */
export function serveTasks<I, O>(
  handler: (input: I, ctx: TaskContext) => Promise<O>,
  transfer?: (value: O) => ArrayBuffer[],
): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run in a worker thread');
  const sections = new NativeSections(sectionCell());
  const native = <T>(fn: () => Promise<T>): Promise<T> => sections.run(fn);
  let chain = Promise.resolve();
  port.on('message', (msg: TaskMessage<I>) => {
    if (msg?.type !== 'task') return;
    chain = chain.then(async () => {
      let reply: ReplyMessage<O>;
      let list: ArrayBuffer[] = [];
      let last = Date.now();
      const ctx: TaskContext = {
        alive: () => {
          const now = Date.now();
          if (now - last < ALIVE_EVERY_MS) return;
          last = now;
          port.postMessage({ type: 'alive', id: msg.id } satisfies ReplyMessage<O>);
        },
        native,
      };
      try {
        const value = await handler(msg.input, ctx);
        reply = { type: 'result', id: msg.id, ok: true, value };
        list = transfer ? transfer(value) : [];
      } catch (error) {
        const data =
          error instanceof AppError
            ? error.toData()
            : {
                code: 'INTERNAL' as const,
                message: error instanceof Error ? error.message : String(error),
              };
        reply = { type: 'result', id: msg.id, ok: false, error: data };
      }
      port.postMessage(reply, list);
    });
  });
  port.postMessage({ type: 'ready' } satisfies ReplyMessage<O>);
}
