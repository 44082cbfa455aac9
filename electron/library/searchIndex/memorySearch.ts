import type { SearchQuery } from '../../../shared/schemas';
import { filterPasses } from './filterPasses';
import type { SampleColumns } from './columns';
import type { LibraryIndex } from './libraryIndex';
import { sortOrder, type SortPoint } from './sortOrder';
import { expandQuery } from '../../../shared/search/expandQuery';
import { indexWords } from './indexWords';
import { matchTerms, termBit, termMatchSet, type TermMatch, type WordMatch } from './textMatch';
import { relevanceKeys } from './relevanceKeys';
import { selectPage } from './selectPage';

export interface MemoryPage {
  ids: number[];
  total: number;
  next: SortPoint | null;
}

let scratch = new Int32Array(0);
let scores = new Float64Array(0);

/** The term with the fewest hits: its hits are the only rows worth looking at. */
function leadWord(words: TermMatch[]): TermMatch {
  let best = words[0]!;
  for (const m of words) if (m.bound < best.bound) best = m;
  return best;
}

const NO_WORDS = new Uint32Array(0);

/**
 * Every present id (missing or not, as asked) that one word matches, in one pass over the
 * columns with the word's name and tag sets read a 32-bit word at a time: for a word in much
 * of the library ("loop"), cheaper than gathering its folders' members.
 */
function walkOneWord(
  c: SampleColumns,
  m: WordMatch,
  filterMissing: boolean,
  wantMissing: number,
  ids: Int32Array,
): number {
  const names = m.names.raw;
  const tags = m.tags ? m.tags.raw : NO_WORDS;
  const dirs = m.dirs;
  const { present, missing, dirId } = c;
  let length = 0;
  for (let id = 1; id <= c.maxId; id++) {
    const w = id >>> 5;
    const bits = (w < names.length ? names[w]! : 0) | (w < tags.length ? tags[w]! : 0);
    const hit = ((bits >>> (id & 31)) & 1) | dirs[dirId[id]!]!;
    ids[length] = id;
    length += present[id]! & (filterMissing ? Number(missing[id] === wantMissing) : 1) & hit;
  }
  return length;
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
    // No branch on the data (see filterPasses.ts): every id is written, the end moves by 0 or 1.
    if (filterMissing) {
      for (let id = 1; id <= c.maxId; id++) {
        ids[length] = id;
        length += present[id]! & Number(missing[id] === wantMissing);
      }
    } else {
      for (let id = 1; id <= c.maxId; id++) {
        ids[length] = id;
        length += present[id]!;
      }
    }
  } else {
    // When one word has few hits (names, folders, tags), walk only those (set bits, ascending),
    // checking the other words on each; else every id. Gathering a hit costs a few times what
    // checking an id in a pass over all of them does (folder members are scattered writes).
    // A typed compound's words apart put only their rarest word in the set: such a lead is
    // checked again.
    const lead = leadWord(words);
    const walkLead = lead.bound * 4 < c.maxId;
    if (!walkLead && words.length === 1 && lead.together.length === 0 && lead.any !== null) {
      length = walkOneWord(c, lead.any, filterMissing, wantMissing, ids);
    } else {
      const others = walkLead ? words.filter((m) => m !== lead || m.together.length > 0) : words;
      const n = walkLead ? termMatchSet(index, lead).writeIds(ids) : c.maxId;
      const dirId = c.dirId;
      for (let r = 0; r < n; r++) {
        const id = walkLead ? ids[r]! : r + 1;
        let ok = present[id]! & (filterMissing ? Number(missing[id] === wantMissing) : 1);
        for (const t of others) ok &= termBit(t, id, dirId[id]!);
        ids[length] = id;
        length += ok;
      }
    }
  }
  for (const pass of filterPasses(index, query.filters)) length = pass(ids, length);

  const total = length;
  let order;
  if (relevance) {
    if (scores.length < c.maxId + 1)
      scores = new Float64Array(Math.max(c.maxId + 1, scores.length * 2));
    length = relevanceKeys(c, words, ids, length, limit + 1, after, scores);
    order = sortOrder(c, 'score', 'asc', scores);
  } else {
    order = sortOrder(c, sortBy === 'relevance' ? 'name' : sortBy, query.sort?.dir ?? 'asc');
  }
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
