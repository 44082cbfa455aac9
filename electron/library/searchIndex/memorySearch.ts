import type { SearchQuery } from '../../../shared/schemas';
import { filterPasses } from './filterPasses';
import type { LibraryIndex } from './libraryIndex';
import { sortOrder, type SortPoint } from './sortOrder';
import { expandQuery } from '../../../shared/search/expandQuery';
import { indexWords } from './indexWords';
import {
  matchTerms,
  MAX_TERM_SCORE,
  refineBound,
  termHits,
  termMatchSet,
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

/** The term with the fewest hits: its hits are the only rows worth looking at. */
function leadWord(words: TermMatch[]): TermMatch {
  let best = words[0]!;
  for (const m of words) if (m.bound < best.bound) best = m;
  return best;
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
  const words = query.text
    ? matchTerms(index, expandQuery(query.text, indexWords(index)), sortBy === 'relevance')
    : [];
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
  if (words.length === 0) {
    for (let id = 1; id <= c.maxId; id++) {
      if (present[id] === 1 && (!filterMissing || missing[id] === wantMissing)) ids[length++] = id;
    }
  } else {
    // When one word has few hits (names, folders, tags), walk only those (set bits, ascending)
    // instead of every id, checking the other words on each.
    const lead = leadWord(words);
    if (lead.bound * 8 >= c.maxId) refineBound(index, lead);
    const walkLead = lead.bound * 8 < c.maxId;
    const others = walkLead ? words.filter((m) => m !== lead) : words;
    const n = walkLead ? termMatchSet(index, lead).writeIds(ids) : c.maxId;
    const dirId = c.dirId;
    for (let r = 0; r < n; r++) {
      const id = walkLead ? ids[r]! : r + 1;
      if (present[id] !== 1 || (filterMissing && missing[id] !== wantMissing)) continue;
      let ok = true;
      for (const t of others) {
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
    const dirId = c.dirId;
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
