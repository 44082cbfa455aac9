import type { SearchPage } from '../../shared/contract';
import { FIRST_PAGE_ELEMENT_ID } from '../../shared/firstPage';
import type { SearchQuery } from '../../shared/schemas/library';

/** Same JSON value (object key order ignored). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * The page of rows in a first-page data block, when it answers `query`; null when the block
 * is missing, broken or answers another query (then the page asks the server itself).
 */
export function parseFirstPage(
  text: string | null | undefined,
  query: SearchQuery,
): SearchPage | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { query: answered, page } = data as { query?: unknown; page?: Partial<SearchPage> };
  if (!sameValue(answered, query) || typeof page !== 'object' || page === null) return null;
  if (!Array.isArray(page.items) || typeof page.tookMs !== 'number') return null;
  return {
    items: page.items,
    nextCursor: typeof page.nextCursor === 'string' ? page.nextCursor : null,
    total: typeof page.total === 'number' ? page.total : null,
    tookMs: page.tookMs,
  };
}

/**
 * Web mode: the first rows the server put in the page (once — the block is removed), if they
 * answer `query`.
 */
export function takeFirstPage(
  query: SearchQuery,
  doc: Document | undefined = globalThis.document,
): SearchPage | null {
  const el = doc?.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!el) return null;
  el.remove();
  return parseFirstPage(el.textContent, query);
}
