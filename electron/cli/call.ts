import type { HandlerName, InputOf, OutputOf } from '../../shared/contract';
import type { SearchQuery } from '../../shared/schemas';
import { AppError } from '../../shared/result';
import type { Backend } from '../library/backend';
import { UsageError } from './command';

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

/** Parses "1,2,3" into ids (a usage error for anything that is not an id). */
export function parseIds(text: string | undefined): number[] {
  if (!text) return [];
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((t) => {
      const n = /^\d+$/.test(t) ? Number(t) : NaN;
      if (!Number.isSafeInteger(n) || n <= 0)
        throw new UsageError(`--ids takes sample ids like 1,2,3; "${t}" is not one`);
      return n;
    });
}

const PAGE = 1000;

/** Every id that a search matches, page by page (not only the first 1,000). */
export async function searchAllIds(app: Backend, query: SearchQuery): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page: OutputOf<'library.search'> = await call(app, 'library.search', {
      ...query,
      limit: PAGE,
      count: false,
      ...(cursor ? { cursor } : {}),
    });
    for (const s of page.items) ids.push(s.id);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Throws NOT_FOUND naming every id that is not a sample in the library (missing files count as samples). */
export async function requireSamples(app: Backend, ids: readonly number[]): Promise<void> {
  const unknown: number[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const chunk = ids.slice(i, i + PAGE);
    const page = await call(app, 'library.search', {
      filters: { ids: chunk, missing: 'include' },
      limit: PAGE,
      count: false,
    });
    const found = new Set(page.items.map((s) => s.id));
    for (const id of chunk) if (!found.has(id)) unknown.push(id);
  }
  if (unknown.length > 0)
    throw new AppError(
      'NOT_FOUND',
      `no sample with id ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''} (nothing was changed)`,
    );
}
