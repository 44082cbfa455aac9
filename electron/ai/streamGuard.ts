/**
 * Watches a provider stream: no first event within `firstEventMs` → timeout; a gap
 * longer than `idleMs` between events → stalled. Either way the request is aborted
 * (the SDKs end their iterators quietly on abort, so the guard throws itself).
 */
import { ProviderError } from './errors';
import type { AiProviderId } from './types';

export interface StreamGuardOptions {
  provider: AiProviderId;
  firstEventMs: number;
  idleMs: number;
  /** Aborts the underlying request. */
  abort: () => void;
}

export async function* guardStream<T>(
  source: AsyncIterable<T>,
  options: StreamGuardOptions,
): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let first = true;
  let finished = false;
  try {
    for (;;) {
      const limit = first ? options.firstEventMs : options.idleMs;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), limit);
      });
      let result: IteratorResult<T> | 'timeout';
      try {
        result = await Promise.race([it.next(), timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (result === 'timeout') {
        options.abort();
        throw first
          ? new ProviderError(options.provider, 'timeout', `no response within ${limit} ms`)
          : new ProviderError(options.provider, 'stalled', `stream stalled for ${limit} ms`);
      }
      if (result.done) {
        finished = true;
        return;
      }
      first = false;
      yield result.value;
    }
  } finally {
    if (!finished) {
      // Stop the source (closes the HTTP stream); ignore what it says while closing.
      void Promise.resolve(it.return?.()).catch(() => {});
    }
  }
}
