import { bpmRanges, keyCode, parseKey, relatedKeys } from '../../../shared/music';
import { AppError } from '../../../shared/result';
import type { SearchFilters } from '../../../shared/schemas';
import { Bitset } from './bitset';
import { ANALYSIS, FORMATS, KINDS } from './columns';
import type { LibraryIndex } from './libraryIndex';

/** Keeps the ids of `ids[0..length)` that pass; returns the new length. */
export type Pass = (ids: Int32Array, length: number) => number;

function keepIf(test: (id: number) => boolean): Pass {
  return (ids, length) => {
    let w = 0;
    for (let r = 0; r < length; r++) {
      const id = ids[r]!;
      if (test(id)) ids[w++] = id;
    }
    return w;
  };
}

function inRange(values: Float64Array, min: number | undefined, max: number | undefined): Pass {
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  // NaN (NULL) fails both comparisons, as in SQL.
  return keepIf((id) => values[id]! >= lo && values[id]! <= hi);
}

/** The in-memory twin of filterSql: one pass per filter, same semantics. */
export function filterPasses(index: LibraryIndex, filters: SearchFilters | undefined): Pass[] {
  const c = index.columns;
  const f = filters ?? {};
  const passes: Pass[] = [];

  if (f.ids && f.ids.length > 0) {
    const set = Bitset.fromIds(f.ids, c.maxId + 1);
    passes.push(keepIf((id) => set.has(id)));
  }
  if (f.collectionId !== undefined) {
    const members = index.collectionMembers(f.collectionId);
    passes.push(keepIf((id) => members.has(id)));
  }
  for (const tag of f.tags ?? []) {
    const tagId = index.tagIdByName.get(tag.toLowerCase());
    const members = tagId === undefined ? undefined : index.tagMembers.get(tagId);
    passes.push(members ? keepIf((id) => members.has(id)) : () => 0);
  }
  if (f.kind) {
    const code = KINDS.indexOf(f.kind);
    passes.push(keepIf((id) => c.kind[id] === code));
  }
  if (f.classes && f.classes.length > 0) {
    const codes = new Set(
      f.classes.map((n) => c.classCodes.get(n)).filter((x): x is number => x !== undefined),
    );
    passes.push(keepIf((id) => codes.has(c.cls[id]!)));
  }
  if (f.bpm) {
    const ranges = bpmRanges(f.bpm.min, f.bpm.max, f.bpm.halfDouble ?? false);
    passes.push(
      keepIf((id) => {
        const v = c.bpm[id]!;
        for (const [lo, hi] of ranges) if (v >= lo && v <= hi) return true;
        return false;
      }),
    );
  }
  if (f.key) {
    const key = parseKey(f.key.key);
    if (!key)
      throw new AppError('BAD_INPUT', `"${f.key.key}" is not a key (try "A minor" or "F#m")`);
    const codes = new Set(relatedKeys(key, f.key.relation ?? 'exact').map(keyCode));
    passes.push(keepIf((id) => codes.has(c.keyCode[id]!)));
  }
  if (f.durationSec) passes.push(inRange(c.duration, f.durationSec.min, f.durationSec.max));
  if (f.lufs) passes.push(inRange(c.lufs, f.lufs.min, f.lufs.max));
  if (f.favorite !== undefined) {
    const v = f.favorite ? 1 : 0;
    passes.push(keepIf((id) => c.favorite[id] === v));
  }
  if (f.minRating !== undefined && f.minRating > 0) {
    const min = f.minRating;
    passes.push(keepIf((id) => c.rating[id]! >= min));
  }
  if (f.folderId !== undefined) {
    const folderId = f.folderId;
    passes.push(keepIf((id) => c.folderId[id] === folderId));
  }
  if (f.dir !== undefined && f.dir !== '') {
    const dir = f.dir.replace(/\/+$/, '');
    const below = `${dir}/`;
    const flags = new Uint8Array(c.dirs.length);
    c.dirs.forEach((d, i) => {
      if (d.dir === dir || d.dir.startsWith(below)) flags[i] = 1;
    });
    passes.push(keepIf((id) => flags[c.dirId[id]!] === 1));
  }
  if (f.formats && f.formats.length > 0) {
    const codes = new Set(f.formats.map((x) => FORMATS.indexOf(x)));
    passes.push(keepIf((id) => codes.has(c.format[id]!)));
  }
  if (f.analysis) {
    const code = ANALYSIS.indexOf(f.analysis);
    passes.push(keepIf((id) => c.analysis[id] === code));
  }
  if (f.untagged) passes.push(keepIf((id) => c.userTags[id] === 0));
  if (f.addedSinceMs !== undefined) {
    const since = f.addedSinceMs;
    passes.push(keepIf((id) => c.addedAt[id]! >= since));
  }
  if (f.duplicates) {
    const flags = index.duplicateFlags();
    passes.push(keepIf((id) => flags[id] === 1));
  }
  return passes;
}
