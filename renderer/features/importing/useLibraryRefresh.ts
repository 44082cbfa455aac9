import { useEffect } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store';
import { peaksCache } from '../waveform/peaksStore';
import {
  LISTING_REASONS,
  RefreshScheduler,
  rowsToRefresh,
  type RefreshPlan,
} from './libraryRefresh';

// Requests sent after library events are the page's own: they do not count as the user
// browsing (the server keeps every analysis worker while nobody is at the screen).
const BACKGROUND = { background: true } as const;

function refresh({ reasons, changedIds }: RefreshPlan): void {
  const st = useStore.getState();
  // Files found to hold the same audio: the list changes where duplicates are hidden.
  const hidden = reasons.has('duplicates') && st.filters.hideDuplicates;
  if (hidden || LISTING_REASONS.some((r) => reasons.has(r))) {
    void st.search({ keepCursor: true, background: true });
    void st.loadFolders(BACKGROUND);
  } else if (reasons.has('analysis') || reasons.has('ratings') || reasons.has('tags')) {
    // Only the loaded rows that changed (analysis of rows further down sends nothing).
    const ids = rowsToRefresh(
      st.rows.map((r) => r.id),
      changedIds,
    );
    if (ids.length > 0) void st.refreshRows(ids.slice(0, 1000), BACKGROUND);
  }
  if (reasons.has('collections')) void st.loadCollections();
  if (reasons.has('tags')) void st.loadTags();
}

/** Keeps the list, folders and import problems current while imports and analysis run. */
export function useLibraryRefresh(): void {
  useEffect(() => {
    const scheduler = new RefreshScheduler(refresh);
    const offProgress = api.on('import.progress', (p) => {
      const st = useStore.getState();
      st.onJob(p.job);
      if (p.job.phase === 'done' || p.job.phase === 'failed' || p.job.phase === 'cancelled') {
        void st.loadFolders(BACKGROUND);
        void st.loadImportErrors(BACKGROUND);
      }
    });
    const offChanged = api.on('library.changed', (c) => {
      // Re-analysed samples have new peaks: forget what was cached (including "none").
      if (c.reason === 'analysis' && c.sampleIds) peaksCache.invalidate(c.sampleIds);
      scheduler.add(c);
    });
    return () => {
      offProgress();
      offChanged();
      scheduler.dispose();
    };
  }, []);
}
