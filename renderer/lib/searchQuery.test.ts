import { describe, expect, it } from 'vitest';
import { searchQuerySchema } from '../../shared/schemas/library';
import {
  activeFilterCount,
  buildSearchQuery,
  chipLabel,
  clearFilter,
  effectiveSort,
  EMPTY_FILTERS,
  queryKey,
  toSearchFilters,
  type FilterState,
  type QueryInput,
} from './searchQuery';

const NOW = 1_700_000_000_000;
const base: QueryInput = {
  text: '',
  filters: EMPTY_FILTERS,
  scope: { type: 'all' },
  sort: null,
  now: NOW,
};

describe('search query building', () => {
  it('asks for name order without text and relevance with text', () => {
    expect(effectiveSort('', null)).toEqual({ by: 'name', dir: 'asc' });
    expect(effectiveSort(' kick ', null)).toEqual({ by: 'relevance', dir: 'asc' });
    expect(effectiveSort('kick', { by: 'bpm', dir: 'desc' })).toEqual({ by: 'bpm', dir: 'desc' });
  });

  it('builds a query the backend schema accepts, with every chip', () => {
    const filters: FilterState = {
      classes: ['kick', 'snare'],
      classGuesses: true,
      kind: 'one-shot',
      bpm: { min: 128, max: 120, halfDouble: true },
      key: { key: 'A minor', relation: 'compatible' },
      duration: { min: 0.1, max: 2 },
      lufs: { max: -10 },
      tags: ['dark'],
      minRating: 3,
      favorite: true,
      formats: ['wav'],
      hideDuplicates: true,
    };
    const q = buildSearchQuery(
      {
        ...base,
        text: ' big kick ',
        filters,
        scope: { type: 'folder', folderId: 3, dir: 'Drums' },
      },
      { limit: 100, cursor: 'abc', count: false },
    );
    expect(searchQuerySchema.safeParse(q).success).toBe(true);
    expect(q).toEqual({
      text: 'big kick',
      limit: 100,
      cursor: 'abc',
      count: false,
      sort: { by: 'relevance', dir: 'asc' },
      filters: {
        folderId: 3,
        dir: 'Drums',
        classes: ['kick', 'snare'],
        includeGuesses: true,
        kind: 'one-shot',
        bpm: { min: 120, max: 128, halfDouble: true },
        key: { key: 'A minor', relation: 'compatible' },
        durationSec: { min: 0.1, max: 2 },
        lufs: { max: -10 },
        tags: ['dark'],
        minRating: 3,
        favorite: true,
        formats: ['wav'],
        hideDuplicates: true,
      },
    });
  });

  it('adds scope filters: collections and smart filters', () => {
    expect(toSearchFilters({ ...base, scope: { type: 'collection', collectionId: 7 } })).toEqual({
      collectionId: 7,
    });
    expect(toSearchFilters({ ...base, scope: { type: 'smart', id: 'recent' } })).toEqual({
      addedSinceMs: NOW - 7 * 86_400_000,
    });
    expect(toSearchFilters({ ...base, scope: { type: 'smart', id: 'loops' } })).toEqual({
      kind: 'loop',
    });
    expect(toSearchFilters({ ...base, scope: { type: 'folder', folderId: 2, dir: '' } })).toEqual({
      folderId: 2,
    });
    expect(
      toSearchFilters({ ...base, scope: { type: 'folder', folderId: 2, dir: 'Kit A/Kicks' } }),
    ).toEqual({ folderId: 2, dir: 'Kit A/Kicks' });
  });

  it('hides duplicate copies when asked, in any scope', () => {
    const hide = { ...EMPTY_FILTERS, hideDuplicates: true };
    expect(toSearchFilters({ ...base, filters: hide })).toEqual({ hideDuplicates: true });
    expect(
      toSearchFilters({ ...base, filters: hide, scope: { type: 'collection', collectionId: 3 } }),
    ).toEqual({ collectionId: 3, hideDuplicates: true });
    expect(chipLabel(hide, 'hideDuplicates')).toBe('Duplicates hidden');
    expect(activeFilterCount(hide)).toBe(1);
    expect(toSearchFilters(base).hideDuplicates).toBeUndefined();
  });

  it('intersects smart-filter classes with chip classes, matching nothing when disjoint', () => {
    const kicks = { ...base, scope: { type: 'smart', id: 'kicks' } as const };
    expect(
      toSearchFilters({ ...kicks, filters: { ...EMPTY_FILTERS, classes: ['kick', 'snare'] } })
        .classes,
    ).toEqual(['kick']);
    const none = toSearchFilters({ ...kicks, filters: { ...EMPTY_FILTERS, classes: ['snare'] } });
    expect(none.classes).toHaveLength(1);
    expect(none.classes?.[0]).not.toBe('snare');
  });

  it('drops empty ranges', () => {
    expect(toSearchFilters({ ...base, filters: { ...EMPTY_FILTERS, duration: {} } })).toEqual({});
    expect(
      toSearchFilters({ ...base, filters: { ...EMPTY_FILTERS, lufs: { min: Number.NaN } } }),
    ).toEqual({});
  });

  it('labels chips and counts the active ones', () => {
    const f: FilterState = {
      ...EMPTY_FILTERS,
      bpm: { min: 120, max: 128, halfDouble: true },
      key: { key: 'A minor', relation: 'relative' },
      minRating: 4,
      duration: { max: 1.5 },
      lufs: { min: -20, max: -8 },
      kind: 'loop',
      tags: ['dark', 'wide'],
      favorite: true,
      formats: ['wav', 'flac'],
      classes: ['kick'],
    };
    expect(chipLabel(f, 'bpm')).toBe('120–128 BPM ½×2');
    expect(chipLabel({ ...f, bpm: { min: 90, max: 90, halfDouble: false } }, 'bpm')).toBe('90 BPM');
    expect(chipLabel(f, 'key')).toBe('Am + relative');
    expect(chipLabel({ ...f, key: { key: 'C major', relation: 'exact' } }, 'key')).toBe('C');
    expect(chipLabel({ ...f, key: { key: 'C major', relation: 'compatible' } }, 'key')).toBe(
      'C + compatible',
    );
    expect(chipLabel(f, 'minRating')).toBe('★★★★+');
    expect(chipLabel(f, 'duration')).toBe('≤ 1.5 s');
    expect(chipLabel({ ...f, duration: { min: 2 } }, 'duration')).toBe('≥ 2.0 s');
    expect(chipLabel(f, 'lufs')).toBe('-20–-8 LUFS');
    expect(chipLabel(f, 'kind')).toBe('Loops');
    expect(chipLabel({ ...f, kind: 'one-shot' }, 'kind')).toBe('One-shots');
    expect(chipLabel(f, 'tags')).toBe('#dark #wide');
    expect(chipLabel(f, 'favorite')).toBe('Favourites');
    expect(chipLabel(f, 'formats')).toBe('WAV, FLAC');
    expect(chipLabel(f, 'classes')).toBe('kick');
    // guesses widen the class chip; they are no filter of their own
    const guesses = { ...f, classGuesses: true };
    expect(chipLabel(guesses, 'classes')).toBe('kick + guesses');
    expect(activeFilterCount(guesses)).toBe(10);
    expect(clearFilter(guesses, 'classes')).toMatchObject({ classes: [], classGuesses: false });
    expect(toSearchFilters({ ...base, filters: guesses }).includeGuesses).toBe(true);
    expect(toSearchFilters({ ...base, filters: f }).includeGuesses).toBeUndefined();
    // without a class filter the switch means nothing
    expect(
      toSearchFilters({ ...base, filters: { ...EMPTY_FILTERS, classGuesses: true } }),
    ).not.toHaveProperty('includeGuesses');
    expect(chipLabel(EMPTY_FILTERS, 'bpm')).toBeNull();
    expect(activeFilterCount(f)).toBe(10);
    expect(activeFilterCount(clearFilter(f, 'bpm'))).toBe(9);
  });

  it('gives equal keys to equal queries and different keys otherwise', () => {
    expect(queryKey({ ...base, text: 'kick ' })).toBe(queryKey({ ...base, text: ' kick' }));
    expect(queryKey({ ...base, text: 'kick' })).not.toBe(queryKey({ ...base, text: 'kic' }));
    expect(queryKey({ ...base, sort: { by: 'bpm', dir: 'asc' } })).not.toBe(
      queryKey({ ...base, sort: { by: 'bpm', dir: 'desc' } }),
    );
  });
});
