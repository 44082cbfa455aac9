import { FIRST_PAGE_ELEMENT_ID, FIRST_PAGE_QUERY } from '../../shared/firstPage';
import { parseFirstPage } from '../api/firstPage';
import { storedColumns, storedWidths } from '../lib/storedWidths';
import { STATIC_ROW_HEIGHT, staticScreenHtml } from './staticScreen';

const THEME_KEY = 'samplemind.theme';

function localStore(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Web mode: draws the rows the server put in the page as plain markup, before the app's code
 * has loaded (React replaces them on its first render). Leaves the data block for the app.
 * Returns whether it drew anything (not in the desktop app, nor when the block is missing,
 * broken, empty or answers another query).
 */
export function paintFirstScreen(doc: Document, now = Date.now()): boolean {
  const root = doc.getElementById('root');
  const block = doc.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!root || !block || root.firstChild) return false;
  const page = parseFirstPage(block.textContent, FIRST_PAGE_QUERY);
  if (!page || page.items.length === 0) return false;
  const win = doc.defaultView;
  const storage = win ? localStore(win) : undefined;
  doc.documentElement.dataset.theme = storage?.getItem(THEME_KEY) === 'light' ? 'light' : 'dark';
  root.innerHTML = staticScreenHtml({
    rows: page.items,
    total: page.total ?? page.items.length,
    widths: storedWidths(storage),
    columns: storedColumns(storage),
    // The window less the sidebar, its border and the list's scrollbar.
    tableWidth: Math.max(
      200,
      (win?.innerWidth ?? 1440) - (win && win.innerWidth <= 1280 ? 184 : 220) - 16,
    ),
    // The list starts below the top bar, search bar and header (some 160 px), above the player.
    visibleRows: Math.ceil(((win?.innerHeight ?? 1080) - 160) / STATIC_ROW_HEIGHT) + 1,
    now,
  });
  return true;
}
