import { useSyncExternalStore } from 'react';
import type { PeaksState } from './peaksCache';
import { peaksCache } from './peaksStore';

/** The peaks of a sample (requesting them), undefined while loading. */
export function usePeaks(id: number | null): PeaksState | undefined {
  return useSyncExternalStore(
    (notify) => (id === null ? () => {} : peaksCache.subscribe(id, notify)),
    () => {
      if (id === null) return undefined;
      const v = peaksCache.get(id);
      if (v === undefined) peaksCache.request(id);
      return v;
    },
  );
}
