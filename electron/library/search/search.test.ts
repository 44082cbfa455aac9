import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchQuery } from '../../../shared/schemas';
import { openDatabase, type Db } from '../db';
import { fillSyntheticLibrary } from '../fixtures/syntheticLibrary';
import { LibraryIndex } from '../searchIndex/libraryIndex';
import { applyTags } from '../tags';
import { addToCollection, createCollection } from '../collections';
import { searchSamples } from './search';
import { SearchService } from './searchService';

/** Every id of a query, page by page. */
function allIds(
  run: (q: SearchQuery) => { items: Array<{ id: number }>; nextCursor: string | null },
  query: SearchQuery,
): number[] {
  const out: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = run({ ...query, cursor });
    out.push(...page.items.map((s) => s.id));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

const QUERIES: SearchQuery[] = [
  {},
  { text: 'kick' },
  { text: 'dark pad' },
  { text: 'ki' },
  { text: 'loops drum' },
  { text: 'nothing-matches-this' },
  { text: 'punchy' },
  { sort: { by: 'bpm', dir: 'asc' } },
  { sort: { by: 'bpm', dir: 'desc' } },
  { sort: { by: 'key', dir: 'asc' } },
  { sort: { by: 'class', dir: 'desc' } },
  { sort: { by: 'kind', dir: 'asc' } },
  { sort: { by: 'lufs', dir: 'desc' } },
  { sort: { by: 'duration', dir: 'asc' } },
  { sort: { by: 'rating', dir: 'desc' } },
  { sort: { by: 'added', dir: 'desc' } },
  { sort: { by: 'size', dir: 'asc' } },
  { sort: { by: 'name', dir: 'desc' } },
  { sort: { by: 'path', dir: 'asc' } },
  { text: 'bass', sort: { by: 'bpm', dir: 'desc' } },
  { filters: { kind: 'loop', bpm: { min: 118, max: 126 } } },
  {
    filters: { kind: 'loop', bpm: { min: 118, max: 126, halfDouble: true } },
    sort: { by: 'bpm', dir: 'asc' },
  },
  { filters: { classes: ['kick', 'snare'] }, sort: { by: 'lufs', dir: 'asc' } },
  { filters: { classes: ['kick', 'pad'], includeGuesses: true } },
  {
    filters: { classes: ['kick', 'pad'], includeGuesses: false },
    sort: { by: 'class', dir: 'asc' },
  },
  { filters: { key: { key: 'A minor' } } },
  { filters: { key: { key: 'Am', relation: 'relative' } } },
  { filters: { key: { key: 'F#m', relation: 'compatible' } }, sort: { by: 'key', dir: 'asc' } },
  { filters: { durationSec: { min: 0.5, max: 2 } } },
  { filters: { lufs: { max: -20 } }, sort: { by: 'lufs', dir: 'asc' } },
  { filters: { tags: ['dark'] } },
  { filters: { tags: ['dark', 'mine'] } },
  { filters: { tags: ['no-such-tag'] } },
  { filters: { favorite: true } },
  { filters: { favorite: false }, limit: 500 },
  { filters: { minRating: 3 }, sort: { by: 'rating', dir: 'desc' } },
  { filters: { dir: 'Loopmasters - Techno Hard Vol 1/Drums' } },
  { filters: { formats: ['flac', 'ogg'] } },
  { filters: { analysis: 'pending' } },
  { filters: { untagged: true }, limit: 1000 },
  { filters: { missing: 'only' } },
  { filters: { missing: 'include' }, sort: { by: 'size', dir: 'desc' } },
  { filters: { duplicates: true } },
  { filters: { hideDuplicates: true } },
  { text: 'kick', filters: { hideDuplicates: true }, sort: { by: 'bpm', dir: 'asc' } },
  { filters: { ids: [5, 9, 77, 300] } },
  { filters: { addedSinceMs: Date.now() - 3e9 } },
  {
    text: 'hat',
    filters: { kind: 'one-shot', minRating: 1 },
    sort: { by: 'duration', dir: 'desc' },
    limit: 7,
  },
];

describe('search: SQL and in-memory index agree', () => {
  let db: Db;
  let index: LibraryIndex;
  let service: SearchService;

  beforeAll(() => {
    db = openDatabase(':memory:');
    fillSyntheticLibrary(db, { count: 3000, seed: 7, batch: 500 });
    db.prepare('UPDATE samples SET missing = 1 WHERE id % 97 = 0').run();
    // some classes are the model's guesses, some have no tier (stored before tiers)
    db.prepare(
      "UPDATE samples SET class_tier = CASE WHEN id % 3 = 0 THEN 'guess' WHEN id % 3 = 1 THEN 'sure' END WHERE class IS NOT NULL",
    ).run();
    db.prepare(
      'UPDATE samples SET content_hash = (SELECT content_hash FROM samples WHERE id = 1) WHERE id IN (2, 3)',
    ).run();
    applyTags(db, [10, 11, 12, 13], ['mine'], []);
    applyTags(db, [11, 12], ['dark'], []);
    const col = createCollection(db, 'Favs');
    addToCollection(db, col.id, [4, 8, 15, 16, 23, 42]);
    QUERIES.push({ filters: { collectionId: col.id } });
    index = new LibraryIndex(db);
    index.loadSync();
    service = new SearchService(db, index);
  });

  it('serves from the index when it is loaded', () => {
    expect(service.usesIndex).toBe(true);
  });

  it.each(QUERIES.map((q, i) => [i, q] as const))(
    'query %i gives the same rows and totals',
    (_i, query) => {
      const limit = query.limit ?? 53;
      const sqlIds = allIds((q) => searchSamples(db, q), { ...query, limit });
      const memIds = allIds((q) => service.search(q), { ...query, limit });
      expect(memIds).toEqual(sqlIds);
      expect(new Set(sqlIds).size).toBe(sqlIds.length);
      expect(service.search({ ...query, limit }).total).toBe(
        searchSamples(db, { ...query, limit }).total,
      );
    },
  );

  it('relevance order puts whole-word name hits first and matches the same set', () => {
    const q: SearchQuery = { text: 'kick', sort: { by: 'relevance', dir: 'asc' }, limit: 40 };
    const mem = allIds((x) => service.search(x), q);
    const sql = allIds((x) => searchSamples(db, x), q);
    expect(new Set(mem)).toEqual(new Set(sql));
    const first = service.search(q).items[0]!;
    expect(first.name.toLowerCase()).toMatch(/(^|[^a-z])kick([^a-z]|$)/);
  });

  it('stays in step after rows, tags and collections change', () => {
    db.prepare("UPDATE samples SET name = 'Zebra Kick Special.wav', bpm = 333 WHERE id = 20").run();
    db.prepare('DELETE FROM samples WHERE id IN (21, 22)').run();
    // moved to another folder: found by the new folder's words, no longer by the old one's
    const oldDir = (
      db.prepare('SELECT dir FROM samples WHERE id = 30').pluck().get() as string
    ).split(/[ /]/)[0]!; // the vendor: one word, only this pack's
    db.prepare(
      "UPDATE samples SET dir = 'Quokka Archive/One', path = '/synthetic/Quokka Archive/One/x.wav' WHERE id = 30",
    ).run();
    db.prepare(
      "INSERT INTO samples(id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (5000, 1, '/synthetic/new/Fresh Snare.wav', 'new', 'Fresh Snare.wav', 'wav', 10, 0, 0)",
    ).run();
    index.refreshSamples([20, 21, 22, 30, 5000]);
    applyTags(db, [20, 5000], ['zz-new'], []);
    applyTags(db, [11], [], ['dark']);
    index.refreshTags([20, 5000, 11]);
    for (const query of [
      { text: 'zebra' },
      { text: 'fresh' },
      { sort: { by: 'bpm', dir: 'desc' } },
      { filters: { tags: ['zz-new'] } },
      { filters: { tags: ['dark'] } },
      { text: 'zz' },
      { text: 'quokka' },
      { text: oldDir },
      { text: `${oldDir} quokka` },
    ] as SearchQuery[]) {
      expect(allIds((q) => service.search(q), query)).toEqual(
        allIds((q) => searchSamples(db, q), query),
      );
    }
    expect(service.search({ text: 'zebra' }).items.map((s) => s.id)).toEqual([20]);
    expect(service.search({ text: 'quokka' }).items.map((s) => s.id)).toEqual([30]);
    expect(service.search({ filters: { ids: [21, 22] } }).items).toEqual([]);
  });

  it('leaves guessed classes out of a class filter unless asked, in both paths', () => {
    const q = (includeGuesses?: boolean): SearchQuery => ({
      filters: { classes: ['kick'], ...(includeGuesses === undefined ? {} : { includeGuesses }) },
      limit: 500,
    });
    const tiers = (ids: number[]) =>
      db
        .prepare(
          `SELECT DISTINCT coalesce(class_tier, '-') FROM samples WHERE id IN (${ids.join(',') || 0})`,
        )
        .pluck()
        .all() as string[];
    const trusted = allIds((x) => service.search(x), q());
    const all = allIds((x) => service.search(x), q(true));
    expect(trusted.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(trusted.length);
    expect(tiers(trusted)).not.toContain('guess');
    expect(tiers(all)).toContain('guess');
    expect(allIds((x) => searchSamples(db, x), q(true))).toEqual(all);
    // a row that becomes a guess leaves the default filter after a refresh
    const id = trusted[0] as number;
    db.prepare("UPDATE samples SET class_tier = 'guess' WHERE id = ?").run(id);
    index.refreshSamples([id]);
    expect(allIds((x) => service.search(x), q())).not.toContain(id);
    expect(allIds((x) => service.search(x), q(true))).toContain(id);
  });

  it('rejects a malformed cursor with BAD_INPUT', () => {
    expect(() => service.search({ cursor: 'not-a-cursor' })).toThrow(/invalid cursor/);
  });

  it('marks itself stale when another connection writes, and falls back to SQL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-stale-'));
    try {
      const file = join(dir, 'lib.db');
      const mine = openDatabase(file);
      fillSyntheticLibrary(mine, { count: 50 });
      const idx = new LibraryIndex(mine);
      idx.loadSync();
      const svc = new SearchService(mine, idx);
      expect(svc.usesIndex).toBe(true);
      const theirs = openDatabase(file);
      theirs.prepare("UPDATE samples SET name = 'Changed Elsewhere.wav' WHERE id = 1").run();
      theirs.close();
      expect(svc.usesIndex).toBe(false);
      expect(svc.search({ text: 'elsewhere' }).items.map((s) => s.id)).toEqual([1]);
      idx.loadSync();
      expect(svc.usesIndex).toBe(true);
      expect(svc.search({ text: 'elsewhere' }).items.map((s) => s.id)).toEqual([1]);
      mine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
