import type { SortColumn } from '../../../shared/schemas';
import { asciiLower, type SampleColumns } from './columns';

/** A position in a sort order: the primary key (NaN = NULL), an optional text tie-breaker, the id. */
export interface SortPoint {
  key: number;
  tie?: string;
  id: number;
}

export interface SortOrder {
  /** Direction-adjusted primary key: smaller comes first; NULL is +Infinity (last). */
  sortKey(id: number): number;
  /** Whether equal keys are ordered by text (name) before id. */
  hasTie: boolean;
  /** Sign of the id tie-break: 1 ascending, -1 descending. */
  idSign: number;
  compare(a: number, b: number): number;
  point(id: number): SortPoint;
  /** > 0 when `id` comes after `p` in this order. */
  compareToPoint(id: number, p: SortPoint): number;
}

/**
 * The in-memory twin of the SQL ORDER BY: NULLs last in both directions, ties broken
 * by (ASCII-case-folded) name for text columns, then by id in the same direction.
 */
export function sortOrder(
  columns: SampleColumns,
  by: Exclude<SortColumn, 'relevance' | 'path'> | 'score',
  dir: 'asc' | 'desc',
  score?: Float64Array,
): SortOrder {
  const sign = dir === 'asc' ? 1 : -1;
  const c = columns;
  let keyOf: (id: number) => number;
  let tieOf: ((id: number) => string) | undefined;
  switch (by) {
    case 'name':
      keyOf = (id) => c.nameKey[id]!;
      tieOf = (id) => asciiLower(c.names[id]!);
      break;
    case 'class': {
      const ranks = c.classRanks();
      keyOf = (id) => (c.cls[id]! < 0 ? Number.NaN : ranks[c.cls[id]!]!);
      break;
    }
    case 'kind':
      keyOf = (id) => (c.kind[id]! < 0 ? Number.NaN : c.kind[id]!);
      break;
    case 'key':
      keyOf = (id) => (c.keyCode[id]! < 0 ? Number.NaN : c.keyCode[id]!);
      break;
    case 'bpm':
      keyOf = (id) => c.bpm[id]!;
      break;
    case 'duration':
      keyOf = (id) => c.duration[id]!;
      break;
    case 'lufs':
      keyOf = (id) => c.lufs[id]!;
      break;
    case 'rating':
      keyOf = (id) => c.rating[id]!;
      break;
    case 'added':
      keyOf = (id) => c.addedAt[id]!;
      break;
    case 'size':
      keyOf = (id) => c.size[id]!;
      break;
    case 'score': {
      const s = score ?? new Float64Array(0);
      // Higher score first (call with dir 'asc'), then name.
      keyOf = (id) => -s[id]!;
      tieOf = (id) => asciiLower(c.names[id]!);
      break;
    }
  }

  const nullsAndKeys = (ka: number, kb: number): number => {
    const na = ka !== ka;
    const nb = kb !== kb;
    if (na !== nb) return na ? 1 : -1;
    if (!na && ka !== kb) return ka < kb ? -sign : sign;
    return 0;
  };

  return {
    sortKey(id) {
      const k = keyOf(id);
      return k !== k ? Infinity : k * sign;
    },
    hasTie: tieOf !== undefined,
    idSign: sign,
    compare(a, b) {
      const r = nullsAndKeys(keyOf(a), keyOf(b));
      if (r !== 0) return r;
      if (tieOf) {
        const x = tieOf(a);
        const y = tieOf(b);
        if (x !== y) return x < y ? -sign : sign;
      }
      return a === b ? 0 : a < b ? -sign : sign;
    },
    point: (id) => (tieOf ? { key: keyOf(id), tie: tieOf(id), id } : { key: keyOf(id), id }),
    compareToPoint(id, p) {
      const r = nullsAndKeys(keyOf(id), p.key);
      if (r !== 0) return r;
      if (tieOf && p.tie !== undefined) {
        const x = tieOf(id);
        if (x !== p.tie) return x < p.tie ? -sign : sign;
      }
      return id === p.id ? 0 : id < p.id ? -sign : sign;
    },
  };
}
