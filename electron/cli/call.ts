import type { HandlerName, InputOf, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Backend } from '../library/backend';

/** Calls a handler through the same validating dispatcher as IPC and WebSocket; throws AppError on failure. */
export async function call<K extends HandlerName>(
  app: Backend,
  name: K,
  input: InputOf<K>,
): Promise<OutputOf<K>> {
  const result = await app.dispatch(name, input, { origin: 'cli' });
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.value as OutputOf<K>;
}

/** Parses "1,2,3" into ids. */
export function parseIds(text: string | undefined): number[] {
  if (!text) return [];
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((t) => {
      const n = Number(t);
      if (!Number.isSafeInteger(n) || n <= 0)
        throw new AppError('BAD_INPUT', `"${t}" is not a sample id`);
      return n;
    });
}
