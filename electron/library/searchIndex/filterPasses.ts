import { bpmRanges, keyCode, parseKey, relatedKeys } from '../../../shared/music';
import { AppError } from '../../../shared/result';
import type { SearchFilters } from '../../../shared/schemas';
import { Bitset } from './bitset';
import { ANALYSIS, FORMATS, KINDS } from './columns';
import type { LibraryIndex } from './libraryIndex';

/**
 * Keeps the ids of `ids[0..length)` that pass; returns the new length. Each pass is one tight
 * loop without a branch on the data: every id is written and the write position advances by
 * 0 or 1, so a filter that keeps a random half of the rows costs no mispredicted branches
 * (about three times faster at 1M rows than `if (…) ids[w++] = id`).
 */
export type Pass = (ids: Int32Array, length: number) => number;

type Column = ArrayLike<number>;

function equals(values: Column, wanted: number): Pass {
  return (ids, length) => {
    let w = 0;
    for (let r = 0; r < length; r++) {
      const id = ids[r]!;
      ids[w] = id;
      w += Number(values[id] === wanted);
    }
    return w;
  };
}

/** Keeps ids whose code (−1 = NULL, never kept) is flagged in `table`. */
function inTable(values: Column, codes: Iterable<number>): Pass {
  const list = [...codes].filter((c) => c >= 0);
  // table[code + 1]: slot 0 is NULL (and any code past the table), never kept
  const size = Math.max(0, ...list) + 2;
  const table = new Uint8Array(size);
  for (const c of list) table[c + 1] = 1;
  return (ids, length) => {
    let w = 0;
    for (let r = 0; r < length; r++) {
      const id = ids[r]!;
      const slot = values[id]! + 1;
      ids[w] = id;
      w += table[slot >= 0 && slot < size ? slot : 0]!;
    }
    return w;
  };
}

/** lo ≤ value ≤ hi for one of the ranges; NaN (NULL) fails, as in SQL. */
function between(values: Float64Array, ranges: ReadonlyArray<readonly [number, number]>): Pass {
  if (ranges.length === 1) {
    const [lo, hi] = ranges[0]!;
    return (ids, length) => {
      let w = 0;
      for (let r = 0; r < length; r++) {
        const id = ids[r]!;
        const v = values[id]!;
        ids[w] = id;
        w += Number(v >= lo) & Number(v <= hi);
      }
      return w;
    };
  }
  const bounds = Float64Array.from(ranges.flat());
  const n = bounds.length;
  return (ids, length) => {
    let w = 0;
    for (let r = 0; r < length; r++) {
      const id = ids[r]!;
      const v = values[id]!;
      let ok = 0;
      for (let b = 0; b < n; b += 2) ok |= Number(v >= bounds[b]!) & Number(v <= bounds[b + 1]!);
      ids[w] = id;
      w += ok;
    }
    return w;
  };
}

function atLeast(values: Column, min: number): Pass {
  return (ids, length) => {
    let w = 0;
    for (let r = 0; r < length; r++) {
      const id = ids[r]!;
      ids[w] = id;
      w += Number(values[id]! >= min);
    }
    return w;
  };
}

function inSet(set: Bitset): Pass {
  return (ids, length) => {
    let w = 0;
    for (let r = 0; r < length; r++) {
      const id = ids[r]!;
      ids[w] = id;
      w += set.bit(id);
    }
    return w;
  };
}

const none: Pass = () => 0;

/** The in-memory twin of filterSql: one pass per filter, same semantics. */
export function filterPasses(index: LibraryIndex, filters: SearchFilters | undefined): Pass[] {
  const c = index.columns;
  const f = filters ?? {};
  const passes: Pass[] = [];

  if (f.ids && f.ids.length > 0) passes.push(inSet(Bitset.fromIds(f.ids, c.maxId + 1)));
  if (f.collectionId !== undefined) passes.push(inSet(index.collectionMembers(f.collectionId)));
  for (const tag of f.tags ?? []) {
    const tagId = index.tagIdByName.get(tag.toLowerCase());
    const members = tagId === undefined ? undefined : index.tagMembers.get(tagId);
    passes.push(members ? inSet(members) : none);
  }
  if (f.kind) passes.push(equals(c.kind, KINDS.indexOf(f.kind)));
  if (f.classes && f.classes.length > 0) {
    passes.push(
      inTable(
        c.cls,
        f.classes.map((n) => c.classCodes.get(n) ?? -1),
      ),
    );
    if (f.includeGuesses !== true) passes.push(equals(c.classGuess, 0));
  }
  if (f.bpm)
    passes.push(between(c.bpm, bpmRanges(f.bpm.min, f.bpm.max, f.bpm.halfDouble ?? false)));
  if (f.key) {
    const key = parseKey(f.key.key);
    if (!key)
      throw new AppError('BAD_INPUT', `"${f.key.key}" is not a key (try "A minor" or "F#m")`);
    passes.push(inTable(c.keyCode, relatedKeys(key, f.key.relation ?? 'exact').map(keyCode)));
  }
  if (f.durationSec)
    passes.push(
      between(c.duration, [[f.durationSec.min ?? -Infinity, f.durationSec.max ?? Infinity]]),
    );
  if (f.lufs) passes.push(between(c.lufs, [[f.lufs.min ?? -Infinity, f.lufs.max ?? Infinity]]));
  if (f.favorite !== undefined) passes.push(equals(c.favorite, f.favorite ? 1 : 0));
  if (f.minRating !== undefined && f.minRating > 0) passes.push(atLeast(c.rating, f.minRating));
  if (f.folderId !== undefined) passes.push(equals(c.folderId, f.folderId));
  if (f.dir !== undefined && f.dir !== '') {
    const dir = f.dir.replace(/\/+$/, '');
    const below = `${dir}/`;
    const dirs: number[] = [];
    c.dirs.forEach((d, i) => {
      if (d.dir === dir || d.dir.startsWith(below)) dirs.push(i);
    });
    passes.push(inTable(c.dirId, dirs));
  }
  if (f.formats && f.formats.length > 0)
    passes.push(
      inTable(
        c.format,
        f.formats.map((x) => FORMATS.indexOf(x)),
      ),
    );
  if (f.analysis) passes.push(equals(c.analysis, ANALYSIS.indexOf(f.analysis)));
  if (f.untagged) passes.push(equals(c.userTags, 0));
  if (f.addedSinceMs !== undefined) passes.push(between(c.addedAt, [[f.addedSinceMs, Infinity]]));
  if (f.duplicates) passes.push(equals(index.duplicateFlags(), 1));
  if (f.hideDuplicates) passes.push(equals(index.extraCopyFlags(), 0));
  return passes;
}
