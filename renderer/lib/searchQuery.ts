import type { AudioFormat } from '../../shared/contract';
import type { KeyRelation } from '../../shared/music';
import type { SearchFilters, SearchQuery, SortColumn } from '../../shared/schemas/library';
import type { SampleKind } from '../../shared/taxonomy';
import { smartFilter, type SmartFilterId } from './smartFilters';
import { formatBpm, shortKey } from './format';

/** What the filter chips hold (UI state; turned into the backend's SearchFilters below). */
export interface FilterState {
  classes: string[];
  /** The class filter matches the model's guesses too (by default only sure and likely classes). */
  classGuesses: boolean;
  kind: SampleKind | null;
  bpm: { min: number; max: number; halfDouble: boolean } | null;
  key: { key: string; relation: KeyRelation } | null;
  duration: { min?: number; max?: number } | null;
  lufs: { min?: number; max?: number } | null;
  tags: string[];
  minRating: number;
  favorite: boolean;
  formats: AudioFormat[];
  /** Of each group of exact duplicates, only the copy the Duplicates view suggests keeping. */
  hideDuplicates: boolean;
}

export type FilterId = keyof FilterState;

export const EMPTY_FILTERS: FilterState = {
  classes: [],
  classGuesses: false,
  kind: null,
  bpm: null,
  key: null,
  duration: null,
  lufs: null,
  tags: [],
  minRating: 0,
  favorite: false,
  formats: [],
  hideDuplicates: false,
};

/** Which part of the library the list shows (sidebar selection). */
export type Scope =
  | { type: 'all' }
  | { type: 'folder'; folderId: number; dir: string }
  | { type: 'collection'; collectionId: number }
  | { type: 'smart'; id: SmartFilterId };

export interface SortState {
  by: SortColumn;
  dir: 'asc' | 'desc';
}

export interface QueryInput {
  text: string;
  filters: FilterState;
  scope: Scope;
  /** null: relevance while there is text, else name order. */
  sort: SortState | null;
  now: number;
}

export function effectiveSort(text: string, sort: SortState | null): SortState {
  if (sort) return sort;
  return text.trim() ? { by: 'relevance', dir: 'asc' } : { by: 'name', dir: 'asc' };
}

function rangeOf(r: { min?: number; max?: number } | null): { min?: number; max?: number } | null {
  if (!r) return null;
  const out: { min?: number; max?: number } = {};
  if (r.min !== undefined && Number.isFinite(r.min)) out.min = r.min;
  if (r.max !== undefined && Number.isFinite(r.max)) out.max = r.max;
  return out.min === undefined && out.max === undefined ? null : out;
}

/** The backend filters for chips + scope. Smart-filter classes and chip classes intersect. */
export function toSearchFilters(input: Omit<QueryInput, 'text' | 'sort'>): SearchFilters {
  const f = input.filters;
  const out: SearchFilters = {};
  const scope = input.scope;
  if (scope.type === 'folder') {
    out.folderId = scope.folderId;
    if (scope.dir) out.dir = scope.dir;
  } else if (scope.type === 'collection') {
    out.collectionId = scope.collectionId;
  } else if (scope.type === 'smart') {
    Object.assign(out, smartFilter(scope.id).filters(input.now));
  }
  if (f.classes.length > 0) {
    out.classes = out.classes ? out.classes.filter((c) => f.classes.includes(c)) : [...f.classes];
    // An empty intersection must match nothing, not everything.
    if (out.classes.length === 0) out.classes = ['\u0000none'];
  }
  if (out.classes && f.classGuesses) out.includeGuesses = true;
  if (f.kind) out.kind = f.kind;
  if (f.bpm) {
    out.bpm = {
      min: Math.min(f.bpm.min, f.bpm.max),
      max: Math.max(f.bpm.min, f.bpm.max),
      ...(f.bpm.halfDouble ? { halfDouble: true } : {}),
    };
  }
  if (f.key) out.key = { key: f.key.key, relation: f.key.relation };
  const duration = rangeOf(f.duration);
  if (duration) out.durationSec = duration;
  const lufs = rangeOf(f.lufs);
  if (lufs) out.lufs = lufs;
  if (f.tags.length > 0) out.tags = [...f.tags];
  if (f.minRating > 0) out.minRating = f.minRating;
  if (f.favorite) out.favorite = true;
  if (f.formats.length > 0) out.formats = [...f.formats];
  if (f.hideDuplicates) out.hideDuplicates = true;
  return out;
}

export function buildSearchQuery(
  input: QueryInput,
  page: { limit: number; cursor?: string | null; count?: boolean },
): SearchQuery {
  const q: SearchQuery = {
    filters: toSearchFilters(input),
    sort: effectiveSort(input.text, input.sort),
    limit: page.limit,
  };
  const text = input.text.trim();
  if (text) q.text = text;
  if (page.cursor) q.cursor = page.cursor;
  if (page.count === false) q.count = false;
  return q;
}

export function isFilterActive(f: FilterState, id: FilterId): boolean {
  // a modifier of the class filter, not a filter of its own
  if (id === 'classGuesses') return false;
  const v = f[id];
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number') return v > 0;
  if (typeof v === 'boolean') return v;
  return v !== null;
}

export function activeFilterCount(f: FilterState): number {
  return (Object.keys(f) as FilterId[]).filter((id) => isFilterActive(f, id)).length;
}

function rangeLabel(r: { min?: number; max?: number }, unit: string, digits: number): string {
  const fmt = (n: number) => n.toFixed(digits);
  if (r.min !== undefined && r.max !== undefined) return `${fmt(r.min)}–${fmt(r.max)} ${unit}`;
  if (r.min !== undefined) return `≥ ${fmt(r.min)} ${unit}`;
  return `≤ ${fmt(r.max ?? 0)} ${unit}`;
}

/** The label an active chip shows ("120–128 BPM ×½×2", "Am + compatible"), or null when off. */
export function chipLabel(f: FilterState, id: FilterId): string | null {
  if (!isFilterActive(f, id)) return null;
  switch (id) {
    case 'classes':
      return f.classGuesses ? `${f.classes.join(', ')} + guesses` : f.classes.join(', ');
    case 'classGuesses':
      return null;
    case 'kind':
      return f.kind === 'loop' ? 'Loops' : 'One-shots';
    case 'bpm': {
      const b = f.bpm!;
      const range =
        b.min === b.max ? `${formatBpm(b.min)} BPM` : `${formatBpm(b.min)}–${formatBpm(b.max)} BPM`;
      return b.halfDouble ? `${range} ½×2` : range;
    }
    case 'key': {
      const k = f.key!;
      const rel =
        k.relation === 'exact' ? '' : k.relation === 'relative' ? ' + relative' : ' + compatible';
      return `${shortKey(k.key)}${rel}`;
    }
    case 'duration':
      return rangeLabel(f.duration!, 's', 1);
    case 'lufs':
      return rangeLabel(f.lufs!, 'LUFS', 0);
    case 'tags':
      return f.tags.map((t) => `#${t}`).join(' ');
    case 'minRating':
      return `${'★'.repeat(f.minRating)}+`;
    case 'favorite':
      return 'Favourites';
    case 'formats':
      return f.formats.map((x) => x.toUpperCase()).join(', ');
    case 'hideDuplicates':
      return 'Duplicates hidden';
  }
}

export function clearFilter(f: FilterState, id: FilterId): FilterState {
  if (id === 'classes') return { ...f, classes: [], classGuesses: false };
  return { ...f, [id]: EMPTY_FILTERS[id] };
}

/** Stable identity of a query (for caches and for telling stale answers apart). */
export function queryKey(input: QueryInput): string {
  return JSON.stringify([
    input.text.trim(),
    toSearchFilters(input),
    effectiveSort(input.text, input.sort),
  ]);
}
