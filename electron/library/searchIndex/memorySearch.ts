import type { SearchQuery } from '../../../shared/schemas';
import { filterPasses } from './filterPasses';
import type { LibraryIndex } from './libraryIndex';
import { sortOrder, type SortPoint } from './sortOrder';
import { expandQuery } from '../../../shared/search/expandQuery';
import { Bitset } from './bitset';
import { indexWords } from './indexWords';
import {
  leadCandidates,
  matchTerms,
  MAX_TERM_SCORE,
  termHits,
  termScore,
  type TermMatch,
} from './textMatch';
import { selectPage } from './selectPage';

export interface MemoryPage {
  ids: number[];
  total: number;
  next: SortPoint | null;
}

/** 256^6: name keys pack six characters. */
const NAME_KEY_SPAN = 2 ** 48;

let scratch = new Int32Array(0);
let scores = new Float64Array(0);

/** The candidate sets of the term with the fewest name and tag hits among those no folder matches; null if none. */
function leadSets(terms: TermMatch[]): Bitset[] | null {
  let best: Bitset[] | null = null;
  let bestSize = Infinity;
  for (const t of terms) {
    const sets = leadCandidates(t);
    if (!sets) continue;
    let size = 0;
    for (const set of sets) size += set.size();
    if (size < bestSize) {
      best = sets;
      bestSize = size;
    }
  }
  return best;
}

/** Writes the ids of the union of `sets`, ascending, into `out`; returns how many. */
function writeUnion(sets: Bitset[], out: Int32Array): number {
  if (sets.length === 0) return 0;
  if (sets.length <= 2) return sets[0]!.writeUnionIds(sets[1] ?? null, out);
  const union = new Bitset(out.length);
  for (const set of sets) union.or(set);
  return union.writeUnionIds(null, out);
}

/**
 * Runs a search on the in-memory index: one pass builds the candidates (present,
 * not missing unless asked, every query word matched), each filter narrows them,
 * and a bounded heap picks the page. Returns null for orders it does not keep
 * (path), which the SQL path serves instead.
 */
export function memorySearch(
  index: LibraryIndex,
  query: SearchQuery,
  after: SortPoint | null,
): MemoryPage | null {
  const sortBy = query.sort?.by ?? 'name';
  if (sortBy === 'path') return null;
  const c = index.columns;
  const limit = query.limit ?? 100;
  const words = query.text ? matchTerms(index, expandQuery(query.text, indexWords(index))) : [];
  const relevance = sortBy === 'relevance' && words.length > 0;

  if (scratch.length < c.maxId + 1)
    scratch = new Int32Array(Math.max(c.maxId + 1, scratch.length * 2));
  const ids = scratch;
  let length = 0;
  const missingMode = query.filters?.missing ?? 'exclude';
  const wantMissing = missingMode === 'only' ? 1 : 0;
  const filterMissing = missingMode !== 'include';
  const present = c.present;
  const missing = c.missing;
  const dirId = c.dirId;
  if (words.length === 0) {
    for (let id = 1; id <= c.maxId; id++) {
      if (present[id] === 1 && (!filterMissing || missing[id] === wantMissing)) ids[length++] = id;
    }
  } else {
    // A term that matches no folder has all its hits in its name and tag sets: walking
    // those (the smallest) instead of every id is what makes a selective word cheap.
    const lead = leadSets(words);
    const n = lead ? writeUnion(lead, ids) : c.maxId;
    for (let r = 0; r < n; r++) {
      const id = lead ? ids[r]! : r + 1;
      if (present[id] !== 1 || (filterMissing && missing[id] !== wantMissing)) continue;
      let ok = true;
      for (const t of words) {
        if (!termHits(t, id, dirId[id]!)) {
          ok = false;
          break;
        }
      }
      if (ok) ids[length++] = id;
    }
  }
  for (const pass of filterPasses(index, query.filters)) length = pass(ids, length);

  let order;
  if (relevance) {
    if (scores.length < c.maxId + 1)
      scores = new Float64Array(Math.max(c.maxId + 1, scores.length * 2));
    // Scores are small integers (at most MAX_TERM_SCORE per term): while their sum stays
    // below 32 the name key (48 bits) fits below them in one exact double, so rows of equal
    // score come out in name order and only names sharing their first six letters need comparing.
    const nameKey = c.nameKey;
    const packName = words.length * MAX_TERM_SCORE < 32;
    for (let i = 0; i < length; i++) {
      const id = ids[i]!;
      let s = 0;
      for (const t of words) s += termScore(t, id, dirId[id]!);
      scores[id] = packName ? s * NAME_KEY_SPAN + (NAME_KEY_SPAN - 1 - nameKey[id]!) : s;
    }
    order = sortOrder(c, 'score', 'asc', scores);
  } else {
    order = sortOrder(c, sortBy === 'relevance' ? 'name' : sortBy, query.sort?.dir ?? 'asc');
  }
  const total = length;
  const page = selectPage(ids, length, limit + 1, order, after);
  const hasMore = page.length > limit;
  if (hasMore) page.length = limit;
  const last = page[page.length - 1];
  return {
    ids: page,
    total,
    next: hasMore && last !== undefined ? order.point(last) : null,
  };
}
