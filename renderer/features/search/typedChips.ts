import { typedFilters } from '../../../shared/search/typedFilters';
import type { FilterState } from '../../lib/searchQuery';

export interface TypedChips {
  /** The text left for the name/tag search. */
  text: string;
  /** Filters the typed words became (only those found). */
  patch: Partial<FilterState>;
}

/**
 * Words typed in the search box that mean a filter become that filter at once: "120 bpm" (a
 * ±2 BPM range), "C minor" / "F# maj" (a key), "loop" / "one-shot" followed by a space (the
 * kind). The rest stays search text. Pure.
 */
export function typedChips(typed: string): TypedChips {
  const found = typedFilters(typed);
  const patch: Partial<FilterState> = {};
  if (found.bpm !== undefined) {
    const n = Math.round(found.bpm);
    patch.bpm = { min: Math.max(1, n - 2), max: n + 2, halfDouble: false };
  }
  if (found.key) patch.key = { key: found.key, relation: 'exact' };
  if (found.kind) patch.kind = found.kind;
  return { text: found.text, patch };
}
