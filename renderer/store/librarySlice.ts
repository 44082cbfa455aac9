import type { InvokeOptions, SampleSummary } from '../../shared/contract';
import { api } from '../api/client';
import { takeFirstPage } from '../api/firstPage';
import { SEARCH_TEXT_MAX } from '../../shared/limits';
import { ok } from '../../shared/result';
import {
  buildSearchQuery,
  EMPTY_FILTERS,
  queryKey,
  type FilterState,
  type QueryInput,
  type Scope,
  type SortState,
} from '../lib/searchQuery';
import {
  DEFAULT_WIDTHS,
  parseChosenColumns,
  resizeColumn,
  toggleColumn,
  type ColumnId,
  type ColumnWidths,
} from '../lib/columns';
import { mergeRows, reuseRows } from './mergeRows';
import { typedChips } from '../features/search/typedChips';
import { COLUMNS_KEY, storedColumns, storedWidths, WIDTHS_KEY } from '../lib/storedWidths';
import { afterNewRows } from '../lib/selection';
import { measureSearch } from '../lib/userTiming';
import type { SliceCreator } from './types';

/**
 * First page of the opening query (the rows the web page comes with, shared/firstPage) and of
 * refreshes: a screenful and some (more pages load as the list scrolls).
 */
export const PAGE_SIZE = 120;
/** Rows on screen are 32 px high (features/browser); a new query asks for a screenful and this many more. */
const ROW_PX = 32;
const SCREEN_MARGIN_ROWS = 16;
const MIN_TYPED_PAGE = 40;

/**
 * First page of a new query (each keystroke): the rows that fit the window and some, not
 * PAGE_SIZE. The server hydrates, the wire carries and the page parses every row of it while
 * the user waits: 48 rows instead of 120 took the server's search and JSON from 5.7 to 1.9 ms
 * (p50, 100k rows, loaded machine). The next page follows once typing pauses (BrowserTable).
 */
export function typedPageSize(windowHeight: number): number {
  const rows = Math.ceil(windowHeight / ROW_PX) + SCREEN_MARGIN_ROWS;
  return Math.min(PAGE_SIZE, Math.max(MIN_TYPED_PAGE, rows));
}
/**
 * Rows per further page. A page arrives while the list is scrolling and is handled in one task
 * (receive, JSON.parse, render): 1000 rows (~570 KB) took 40-50 ms on an idle 2-core machine,
 * more under load; 250 keep each such task well under 50 ms.
 */
export const MORE_PAGE_SIZE = 250;

export interface LibrarySlice {
  text: string;
  filters: FilterState;
  scope: Scope;
  sort: SortState | null;
  /** Loaded rows of the current query, in order (more pages load on scroll). */
  rows: SampleSummary[];
  total: number | null;
  nextCursor: string | null;
  loading: boolean;
  searchError: string | null;
  /** Server time of the last page (ms). */
  tookMs: number | null;
  /** Increments whenever a new query's results replace the rows (not on refreshes). */
  resultVersion: number;
  /** When the current results arrived (ms since the epoch): "added 3 min ago" counts from it. */
  resultAt: number;
  widths: ColumnWidths;
  /** The columns the user chose to show (the name always; kept between sessions). */
  columns: ColumnId[];
  setText(text: string): void;
  setFilters(filters: FilterState): void;
  setScope(scope: Scope): void;
  setSort(sort: SortState | null): void;
  setWidth(id: ColumnId, width: number): void;
  setColumnShown(id: ColumnId, shown: boolean): void;
  /** Runs the query again; a new query starts the keyboard cursor over (keepCursor: a refresh). */
  search(opts?: { keepCursor?: boolean; background?: boolean }): Promise<void>;
  loadMore(): Promise<void>;
  /** Re-reads the rows shown (after tags/ratings changed) without losing the scroll. */
  refreshRows(ids?: readonly number[], options?: InvokeOptions): Promise<void>;
  patchRows(ids: readonly number[], patch: Partial<SampleSummary>): void;
}

function localWidths(): ColumnWidths {
  try {
    return storedWidths(localStorage);
  } catch {
    return { ...DEFAULT_WIDTHS };
  }
}

function localColumns(): ColumnId[] {
  try {
    return storedColumns(localStorage);
  } catch {
    return parseChosenColumns(null);
  }
}

function remember(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* private mode: kept for the session */
  }
}

let searchSeq = 0;
/** The search request now on the wire (settles, never rejects), or null. */
let searchInFlight: Promise<void> | null = null;

let moreInFlight: string | null = null;

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => {
  const input = (): QueryInput => {
    const s = get();
    return { text: s.text, filters: s.filters, scope: s.scope, sort: s.sort, now: Date.now() };
  };
  return {
    text: '',
    filters: EMPTY_FILTERS,
    scope: { type: 'all' },
    sort: null,
    rows: [],
    total: null,
    nextCursor: null,
    loading: false,
    searchError: null,
    tookMs: null,
    resultVersion: 0,
    resultAt: Date.now(),
    widths: localWidths(),
    columns: localColumns(),
    setText(text) {
      // A paste of megabytes must not travel anywhere: the search takes SEARCH_TEXT_MAX characters.
      // "120 bpm", "C minor", "loop " typed in the box become filter chips at once.
      const typed = typedChips(text.slice(0, SEARCH_TEXT_MAX));
      if (Object.keys(typed.patch).length > 0)
        set({ text: typed.text, filters: { ...get().filters, ...typed.patch } });
      else set({ text: typed.text });
      void get().search();
    },
    setFilters(filters) {
      set({ filters });
      void get().search();
    },
    setScope(scope) {
      set({ scope, view: 'browser' });
      void get().search();
    },
    setSort(sort) {
      set({ sort });
      void get().search();
    },
    setWidth(id, width) {
      const widths = resizeColumn(get().widths, id, width);
      set({ widths });
      remember(WIDTHS_KEY, widths);
    },
    setColumnShown(id, shown) {
      const columns = toggleColumn(get().columns, id, shown);
      set({ columns });
      remember(COLUMNS_KEY, columns);
    },
    async search(opts) {
      const seq = ++searchSeq;
      moreInFlight = null;
      if (!get().loading) set({ loading: true });
      // One search on the wire at a time: while one is in flight, only the newest call waits
      // and sends after it, so fast typing never queues stale searches on the server.
      while (searchInFlight) {
        await searchInFlight;
        if (seq !== searchSeq) return; // a newer keystroke will send instead
      }
      const t0 = performance.now();
      const opening = buildSearchQuery(input(), { limit: PAGE_SIZE });
      // Web mode: the opening query's rows came with the page. They are checked against the
      // server once the WebSocket is up (changes made meanwhile sent no event to this page).
      const fromPage = takeFirstPage(opening);
      const query =
        fromPage || opts?.keepCursor
          ? opening
          : buildSearchQuery(input(), {
              limit: typedPageSize(typeof window === 'undefined' ? 0 : window.innerHeight),
            });
      const request = fromPage
        ? Promise.resolve(ok(fromPage))
        : api.invoke('library.search', query, opts?.background ? { background: true } : undefined);
      const done = request.then(
        () => undefined,
        () => undefined,
      );
      searchInFlight = done;
      const r = await request.finally(() => {
        if (searchInFlight === done) searchInFlight = null;
      });
      if (r.ok && !fromPage) measureSearch(t0, { serverMs: r.value.tookMs });
      if (seq !== searchSeq) return; // a newer keystroke won
      if (!r.ok) {
        set({ loading: false, searchError: r.error.message });
        return;
      }
      const fresh = r.value.items;
      set((s) => {
        // A refresh that finds the same rows keeps the row objects (nothing re-renders).
        const rows =
          opts?.keepCursor &&
          s.rows.length === fresh.length &&
          s.rows.every((row, i) => row.id === fresh[i]!.id)
            ? mergeRows(s.rows, fresh)
            : reuseRows(s.rows, fresh);
        return {
          rows,
          total: r.value.total ?? rows.length,
          nextCursor: r.value.nextCursor,
          loading: false,
          searchError: null,
          tookMs: r.value.tookMs,
          resultVersion: opts?.keepCursor ? s.resultVersion : s.resultVersion + 1,
          resultAt: opts?.keepCursor ? s.resultAt : Date.now(),
          // Results that land after the user moved (late answers while typing) keep the
          // keyboard cursor on the row it was on.
          selection: afterNewRows(
            s.selection,
            s.selection.cursor === null ? undefined : s.rows[s.selection.cursor]?.id,
            (i) => rows[i]?.id,
            rows.length,
            !opts?.keepCursor,
          ),
        };
      });
      if (fromPage) void get().search({ keepCursor: true });
    },
    async loadMore() {
      const { nextCursor } = get();
      if (!nextCursor || moreInFlight === nextCursor) return;
      moreInFlight = nextCursor;
      const seq = searchSeq;
      const key = queryKey(input());
      const r = await api.invoke(
        'library.search',
        buildSearchQuery(input(), { limit: MORE_PAGE_SIZE, cursor: nextCursor, count: false }),
      );
      if (seq !== searchSeq || key !== queryKey(input())) return;
      moreInFlight = null;
      if (!r.ok) {
        set({ searchError: r.error.message });
        return;
      }
      set((s) => ({ rows: s.rows.concat(r.value.items), nextCursor: r.value.nextCursor }));
    },
    async refreshRows(ids, options) {
      const wanted =
        ids ??
        get()
          .rows.slice(0, 1000)
          .map((r) => r.id);
      if (wanted.length === 0) return;
      const r = await api.invoke(
        'library.search',
        {
          filters: { ids: wanted.slice(0, 10_000), missing: 'include' },
          limit: Math.min(1000, wanted.length),
        },
        options,
      );
      if (!r.ok) return;
      // Unchanged rows keep their objects: a refresh during analysis re-renders only what changed.
      const rows = mergeRows(get().rows, r.value.items);
      if (rows !== get().rows) set({ rows });
    },
    patchRows(ids, patch) {
      const want = new Set(ids);
      set((s) => ({ rows: s.rows.map((row) => (want.has(row.id) ? { ...row, ...patch } : row)) }));
    },
  };
};
