import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../shared/schemas';
import { expandQuery } from '../../../shared/search/expandQuery';
import { openDatabase, type Db } from '../db';
import { fillSyntheticLibrary } from '../fixtures/syntheticLibrary';
import { searchSamples } from '../search/search';
import { SearchService } from '../search/searchService';
import { applyTags } from '../tags';
import { compareAsciiNoCase } from './columns';
import { indexWords } from './indexWords';
import { LibraryIndex } from './libraryIndex';
import { matchTerms, termScore } from './textMatch';

/**
 * Relevance order on a seeded SQLite library, page by page through the service, against the
 * order it stands for computed the slow way: every matching row (the SQL path's set) scored
 * term by term and fully sorted — score high to low, then name (ASCII case folded), then id.
 */
let db: Db;
let index: LibraryIndex;
let service: SearchService;

function pages(query: SearchQuery): number[] {
  const out: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 2000; guard++) {
    const page = service.search({ ...query, cursor });
    out.push(...page.items.map((s) => s.id));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

function fullySorted(query: SearchQuery): number[] {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = searchSamples(db, {
      ...query,
      sort: { by: 'name', dir: 'asc' },
      limit: 1000,
      cursor,
    });
    ids.push(...page.items.map((s) => s.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const words = matchTerms(index, expandQuery(query.text ?? '', indexWords(index)), true);
  const c = index.columns;
  const score = (id: number): number =>
    words.reduce((s, t) => s + termScore(t, id, c.dirId[id]!), 0);
  return ids
    .map((id) => ({ id, s: score(id), name: c.names[id]! }))
    .sort((a, b) => b.s - a.s || compareAsciiNoCase(a.name, b.name) || a.id - b.id)
    .map((r) => r.id);
}

beforeAll(() => {
  db = openDatabase(':memory:');
  fillSyntheticLibrary(db, { count: 4000, seed: 11, batch: 1000 });
  db.prepare('UPDATE samples SET missing = 1 WHERE id % 89 = 0').run();
  // whole-word hits in tags, and names that differ only in case (the name tie-break)
  applyTags(db, [3, 4, 5, 6, 7], ['loop'], []);
  db.prepare("UPDATE samples SET name = 'LOOP kick.wav' WHERE id IN (40, 41)").run();
  db.prepare("UPDATE samples SET name = 'loop Kick.wav' WHERE id IN (42, 43)").run();
  index = new LibraryIndex(db);
  index.loadSync();
  service = new SearchService(db, index);
});

describe('relevance order (index) equals the full sort by score, name and id', () => {
  const relevance = { sort: { by: 'relevance', dir: 'asc' } } as const;
  const cases: Array<[string, SearchQuery]> = [
    ['a very common word', { text: 'loop', ...relevance, limit: 50 }],
    ['a common word, pages of 1', { text: 'loop kick', ...relevance, limit: 1 }],
    ['a word with synonyms', { text: 'kick', ...relevance, limit: 37 }],
    ['a word with narrower words', { text: 'bass', ...relevance, limit: 200 }],
    ['two words', { text: 'dark pad', ...relevance, limit: 9 }],
    ['an abbreviation', { text: 'hh', ...relevance, limit: 64 }],
    ['a typo', { text: 'snaer', ...relevance, limit: 25 }],
    ['a prefix as typed', { text: 'lo', ...relevance, limit: 300 }],
    [
      'a word and filters',
      { text: 'loop', filters: { kind: 'loop', bpm: { min: 90, max: 140 } }, ...relevance },
    ],
  ];
  it.each(cases)('%s', (_name, query) => {
    const expected = fullySorted(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(pages(query)).toEqual(expected);
    expect(service.search(query).total).toBe(expected.length);
  });
});
