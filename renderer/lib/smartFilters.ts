import type { SearchFilters } from '../../shared/schemas/library';

export type SmartFilterId = 'kicks' | 'loops' | 'favourites' | 'recent' | 'untagged' | 'duplicates';

export interface SmartFilter {
  id: SmartFilterId;
  label: string;
  /** Filters this smart filter adds to the query (`now` for time-relative ones). */
  filters(now: number): SearchFilters;
  /** Shown under the list when the filter depends on analysis that may not have run yet. */
  needsAnalysis?: boolean;
}

const WEEK_MS = 7 * 86_400_000;

export const SMART_FILTERS: readonly SmartFilter[] = [
  { id: 'kicks', label: 'Kicks', filters: () => ({ classes: ['kick'] }), needsAnalysis: true },
  { id: 'loops', label: 'Loops', filters: () => ({ kind: 'loop' }) },
  { id: 'favourites', label: 'Favourites', filters: () => ({ favorite: true }) },
  { id: 'recent', label: 'Recently added', filters: (now) => ({ addedSinceMs: now - WEEK_MS }) },
  { id: 'untagged', label: 'Untagged', filters: () => ({ untagged: true }) },
  { id: 'duplicates', label: 'Duplicates', filters: () => ({ duplicates: true }) },
];

export function smartFilter(id: SmartFilterId): SmartFilter {
  const found = SMART_FILTERS.find((f) => f.id === id);
  if (!found) throw new RangeError(`unknown smart filter ${id}`);
  return found;
}
