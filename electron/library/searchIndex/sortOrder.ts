import type { SortColumn } from '../../../shared/schemas';
import { asciiLower, compareAsciiNoCase, type SampleColumns } from './columns';

/** A position in a sort order: the primary key (NaN = NULL), an optional text tie-breaker, the id. */
export interface SortPoint {
  key: number;
  tie?: string;
  id: number;
}

export type SortBy = Exclude<SortColumn, 'relevance' | 'path'> | 'score';

export interface SortOrder {
  /** Writes the direction-adjusted primary key of `ids[i]` into `out[i]`: smaller first, NULL = +Infinity. */
  fillKeys(ids: Int32Array, length: number, out: Float64Array): void;
  /**
   * Copies the ids of `ids[0..length)` whose key is at most `max` to `outIds` (order kept)
   * and their keys to `outKeys`; returns how many.
   */
  keysAtMost(
    ids: Int32Array,
    length: number,
    max: number,
    outIds: Int32Array,
    outKeys: Float64Array,
  ): number;
  /** Direction-adjusted primary key of one id. */
  sortKey(id: number): number;
  /** Whether equal primary keys are ordered by name before id. */
  hasTie: boolean;
  /** Sign of the id tie-break: 1 ascending, -1 descending. */
  idSign: number;
  compare(a: number, b: number): number;
  point(id: number): SortPoint;
  /** > 0 when `id` comes after `p` in this order. */
  compareToPoint(id: number, p: SortPoint): number;
}

type Source = { values: ArrayLike<number>; nullBelowZero: boolean; map?: ArrayLike<number> };

/** The column each plain sort reads (class and score are special: ranked, resp. passed in). */
const COLUMN_OF = {
  name: 'nameKey',
  kind: 'kind',
  key: 'keyCode',
  bpm: 'bpm',
  duration: 'duration',
  lufs: 'lufs',
  rating: 'rating',
  added: 'addedAt',
  size: 'size',
} as const satisfies Record<Exclude<SortBy, 'class' | 'score'>, keyof SampleColumns>;

/** Sorts whose integer column stores NULL as -1 (the others store NaN or have no NULLs). */
const NULL_AS_MINUS_ONE: ReadonlySet<SortBy> = new Set<SortBy>(['kind', 'key']);

/**
 * The in-memory twin of the SQL ORDER BY: NULLs last in both directions, ties broken
 * by (ASCII-case-folded) name for name and relevance order, then by id in the same
 * direction. Keys are read straight from the typed-array columns in tight loops.
 */
export function sortOrder(
  columns: SampleColumns,
  by: SortBy,
  dir: 'asc' | 'desc',
  score?: Float64Array,
): SortOrder {
  const c = columns;
  // Relevance is always "best first": callers pass dir 'asc' and the key is -score.
  const sign = dir === 'asc' ? 1 : -1;
  const src: Source =
    by === 'score'
      ? { values: score ?? new Float64Array(0), nullBelowZero: false }
      : by === 'class'
        ? { values: c.cls, nullBelowZero: true, map: c.classRanks() }
        : { values: c[COLUMN_OF[by]], nullBelowZero: NULL_AS_MINUS_ONE.has(by) };
  const { values, nullBelowZero, map } = src;
  const negate = by === 'score' ? -1 : sign;
  const hasTie = by === 'name' || by === 'score';
  const nameKey = c.nameKey;

  const sortKey = (id: number): number => {
    const v = values[id]!;
    if (v !== v || (nullBelowZero && v < 0)) return Infinity;
    return (map ? map[v]! : v) * negate;
  };
  const tieOf = (id: number): string => asciiLower(c.names[id]!);

  const afterKeys = (a: number, b: number, ka: number, kb: number): number => {
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (hasTie) {
      if (by === 'score' && nameKey[a] !== nameKey[b]) return nameKey[a]! < nameKey[b]! ? -1 : 1;
      const names = compareAsciiNoCase(c.names[a]!, c.names[b]!);
      if (names !== 0) return names * sign;
    }
    return a === b ? 0 : a < b ? -sign : sign;
  };

  return {
    fillKeys(ids, length, out) {
      if (!map && !nullBelowZero && negate === 1) {
        for (let i = 0; i < length; i++) {
          const v = values[ids[i]!]!;
          out[i] = v !== v ? Infinity : v;
        }
      } else if (!map && !nullBelowZero) {
        for (let i = 0; i < length; i++) {
          const v = values[ids[i]!]!;
          out[i] = v !== v ? Infinity : v * negate;
        }
      } else if (!map && negate === 1) {
        for (let i = 0; i < length; i++) {
          const v = values[ids[i]!]!;
          out[i] = v < 0 ? Infinity : v;
        }
      } else {
        for (let i = 0; i < length; i++) out[i] = sortKey(ids[i]!);
      }
    },
    keysAtMost(ids, length, max, outIds, outKeys) {
      let w = 0;
      if (!map && !nullBelowZero) {
        for (let i = 0; i < length; i++) {
          const id = ids[i]!;
          const v = values[id]!;
          const key = v !== v ? Infinity : v * negate;
          if (key <= max) {
            outIds[w] = id;
            outKeys[w++] = key;
          }
        }
      } else if (!map) {
        // NULL stored as -1 (kind, key)
        for (let i = 0; i < length; i++) {
          const id = ids[i]!;
          const v = values[id]!;
          const key = v < 0 ? Infinity : v * negate;
          if (key <= max) {
            outIds[w] = id;
            outKeys[w++] = key;
          }
        }
      } else {
        for (let i = 0; i < length; i++) {
          const id = ids[i]!;
          const key = sortKey(id);
          if (key <= max) {
            outIds[w] = id;
            outKeys[w++] = key;
          }
        }
      }
      return w;
    },
    sortKey,
    hasTie,
    idSign: sign,
    compare: (a, b) => afterKeys(a, b, sortKey(a), sortKey(b)),
    point: (id) => (hasTie ? { key: sortKey(id), tie: tieOf(id), id } : { key: sortKey(id), id }),
    compareToPoint(id, p) {
      const k = sortKey(id);
      if (k !== p.key) return k < p.key ? -1 : 1;
      if (hasTie && p.tie !== undefined) {
        const names = compareAsciiNoCase(c.names[id]!, p.tie);
        if (names !== 0) return names * sign;
      }
      return id === p.id ? 0 : id < p.id ? -sign : sign;
    },
  };
}
