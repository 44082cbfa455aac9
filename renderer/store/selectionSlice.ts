import type { AnalysisStatus } from '../../shared/contract';
import {
  clickRow,
  EMPTY_SELECTION,
  moveCursor,
  selectAll,
  type ClickModifiers,
  type Selection,
} from '../lib/selection';
import { api } from '../api/client';
import { buildSearchQuery } from '../lib/searchQuery';
import { AnalysisPrioritizer } from './prioritize';
import type { SliceCreator } from './types';

const prioritizer = new AnalysisPrioritizer();

/** The file the user looks at jumps the analysis queue when it has not been analysed yet. */
function prioritize(row: { id: number; analysis: AnalysisStatus } | undefined): void {
  if (!row || !prioritizer.shouldPrioritize(row.id, row.analysis, Date.now())) return;
  void api.invoke('analysis.prioritize', { sampleIds: [row.id] });
}

export interface SelectionSlice {
  selection: Selection;
  click(index: number, mods: ClickModifiers): void;
  move(delta: number, extend: boolean): void;
  selectAllRows(): void;
  clearSelection(): void;
  /**
   * Ids of the selected samples (what bulk actions act on). After "select all" that is every
   * match of the query, loaded or not: the backend lists them.
   */
  selectedIds(): Promise<number[]>;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  click(index, mods) {
    const { rows, selection } = get();
    const row = rows[index];
    if (!row) return;
    const next = clickRow(selection, index, row.id, mods, (i) => rows[i]?.id, rows.length);
    set({ selection: next });
    if (!mods.shift && !mods.toggle) get().audition(row.id);
    prioritize(row);
  },
  move(delta, extend) {
    const { rows, selection } = get();
    const next = moveCursor(selection, delta, rows.length, (i) => rows[i]?.id, extend);
    set({ selection: next });
    const id = next.cursor === null ? undefined : rows[next.cursor]?.id;
    if (id !== undefined && !extend) get().audition(id);
    if (next.cursor !== null) prioritize(rows[next.cursor]);
    if (next.cursor !== null && next.cursor > rows.length - 50) void get().loadMore();
  },
  selectAllRows() {
    set({ selection: selectAll(get().selection) });
  },
  clearSelection() {
    set({ selection: EMPTY_SELECTION });
  },
  async selectedIds() {
    const s = get();
    if (!s.selection.all) return [...s.selection.ids];
    if (s.nextCursor === null) return s.rows.map((r) => r.id);
    const q = buildSearchQuery(
      { text: s.text, filters: s.filters, scope: s.scope, sort: s.sort, now: Date.now() },
      { limit: 1 },
    );
    const r = await api.invoke('library.matchIds', {
      ...(q.text ? { text: q.text } : {}),
      ...(q.filters ? { filters: q.filters } : {}),
    });
    if (!r.ok) {
      s.say(`Could not list the selected samples: ${r.error.message}`, 'error');
      return [];
    }
    return r.value.ids;
  },
});
