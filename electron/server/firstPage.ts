import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { SearchPage } from '../../shared/contract';
import { FIRST_PAGE_ELEMENT_ID, FIRST_PAGE_QUERY, type FirstPage } from '../../shared/firstPage';
import type { Dispatch } from '../core/dispatch';

/** JSON that is safe inside a <script> element (no "</script>", "<!--" or line separators). */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The built page split where the data block goes (before </body>); null when it has none. */
export function splitPage(html: string): { head: string; tail: string } | null {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? null : { head: html.slice(0, at), tail: html.slice(at) };
}

/** The data block answering the opening query, or '' when the search fails (the page asks itself). */
export async function firstPageBlock(dispatch: Dispatch): Promise<string> {
  const result = await dispatch('library.search', FIRST_PAGE_QUERY, { origin: 'web' });
  if (!result.ok) return '';
  const data: FirstPage = { query: FIRST_PAGE_QUERY, page: result.value as SearchPage };
  return `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${jsonForHtml(data)}</script>\n`;
}

/**
 * Serves index.html with the first page of rows in it. The head (with the script and style
 * links) is sent at once so the browser fetches them while the search runs; the data block and
 * the rest follow. Returns false when there is no built page.
 */
export async function servePageWithFirstPage(
  staticDir: string,
  dispatch: Dispatch,
  res: ServerResponse,
  head: boolean,
): Promise<boolean> {
  let html: string;
  try {
    html = readFileSync(join(staticDir, 'index.html'), 'utf8');
  } catch {
    return false;
  }
  const parts = splitPage(html);
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  if (head || !parts) {
    res.end(head ? undefined : html);
    return true;
  }
  res.write(parts.head);
  const block = await firstPageBlock(dispatch).catch(() => '');
  res.end(block + parts.tail);
  return true;
}
