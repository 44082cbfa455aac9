import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../shared/schemas';
import { openDatabase, type Db } from './db';
import { exactDuplicates } from './duplicates';
import { extraCopyIds } from './extraCopies';
import { fillSyntheticLibrary } from './fixtures/syntheticLibrary';
import { matchingIds } from './search/matchingIds';
import { searchSamples } from './search/search';
import { SearchService } from './search/searchService';
import { LibraryIndex } from './searchIndex/libraryIndex';
import { rememberSameAudio } from './sameAudio';
import { applyTags } from './tags';

/** Every id of a query, page by page. */
function allIds(
  run: (q: SearchQuery) => { items: Array<{ id: number }>; nextCursor: string | null },
  query: SearchQuery,
): number[] {
  const out: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = run({ ...query, cursor, limit: 97 });
    out.push(...page.items.map((s) => s.id));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

/** What the Duplicates view would let go: every copy of every group but its keeper. */
function extrasOfTheView(db: Db): number[] {
  return exactDuplicates(db, 100_000)
    .flatMap((g) => g.samples.filter((s) => s.id !== g.keeperId).map((s) => s.id))
    .sort((a, b) => a - b);
}

describe('hide duplicates: only the suggested copy of each group stays', () => {
  let db: Db;
  let index: LibraryIndex;
  let service: SearchService;
  const hide: SearchQuery = { filters: { hideDuplicates: true } };

  beforeAll(() => {
    db = openDatabase(':memory:');
    fillSyntheticLibrary(db, { count: 1200, seed: 11, batch: 400 });
    // Groups of 2, 3 and 4 copies spread over the library (same content hash).
    const share = db.prepare(
      'UPDATE samples SET content_hash = (SELECT content_hash FROM samples WHERE id = ?) WHERE id = ?',
    );
    for (let g = 0; g < 60; g++) {
      const first = 1 + g * 17;
      for (let k = 1; k <= 1 + (g % 3); k++) share.run(first, first + k * 5);
    }
    // Copies that differ in what decides the keeper: format, rating, favourite, tags.
    db.prepare("UPDATE samples SET format = 'mp3', bit_depth = NULL WHERE id % 7 = 0").run();
    db.prepare('UPDATE samples SET rating = 4 WHERE id % 11 = 0').run();
    db.prepare('UPDATE samples SET favorite = 1 WHERE id % 13 = 0').run();
    // A missing copy neither counts in its group nor hides anything.
    db.prepare('UPDATE samples SET missing = 1 WHERE id = 6').run();
    index = new LibraryIndex(db);
    index.loadSync();
    service = new SearchService(db, index);
  });

  it('leaves out exactly the copies the Duplicates view does not keep', () => {
    const extras = extraCopyIds(db);
    expect(extras.length).toBeGreaterThan(80);
    expect(extras).toEqual(extrasOfTheView(db));
    const everything = allIds((q) => searchSamples(db, q), {});
    const kept = allIds((q) => searchSamples(db, q), hide);
    const gone = new Set(extras);
    expect(kept).toEqual(everything.filter((id) => !gone.has(id)));
    // every group still shows its keeper
    for (const g of exactDuplicates(db, 100_000)) expect(kept).toContain(g.keeperId);
  });

  it('gives the same rows and totals from SQL, the in-memory index and select-all', () => {
    expect(service.usesIndex).toBe(true);
    for (const query of [
      hide,
      { ...hide, text: 'kick' },
      { filters: { hideDuplicates: true, kind: 'one-shot' }, sort: { by: 'bpm', dir: 'desc' } },
      { filters: { hideDuplicates: true, duplicates: true } },
    ] as SearchQuery[]) {
      const sql = allIds((q) => searchSamples(db, q), query);
      expect(allIds((q) => service.search(q), query)).toEqual(sql);
      expect(service.search(query).total).toBe(searchSamples(db, query).total);
      expect(matchingIds(db, query)).toEqual([...sql].sort((a, b) => a - b));
    }
    // "duplicates" and "hide duplicates" together: the keeper of each group (and samples
    // whose only other copy is missing, which the duplicates filter counts and no group has)
    const both = allIds((q) => searchSamples(db, q), {
      filters: { hideDuplicates: true, duplicates: true },
    });
    const groups = exactDuplicates(db, 100_000);
    const keepers = groups.map((g) => g.keeperId);
    const grouped = new Set(groups.flatMap((g) => g.samples.map((s) => s.id)));
    expect(both).toEqual(expect.arrayContaining(keepers));
    expect(both.filter((id) => grouped.has(id)).sort((a, b) => a - b)).toEqual(
      [...keepers].sort((a, b) => a - b),
    );
    expect(both.filter((id) => !grouped.has(id))).toEqual([1]);
  });

  it('follows the keeper when the user invests in another copy', () => {
    const group = exactDuplicates(db, 100_000).find((g) => g.samples.length >= 3)!;
    const other = group.samples.find((s) => s.id !== group.keeperId)!;
    expect(allIds((q) => service.search(q), hide)).not.toContain(other.id);
    // favourite + rating + a tag: worth more than the keeper now (if the format allows)
    db.prepare(
      "UPDATE samples SET favorite = 1, rating = 5, format = 'wav', bit_depth = 32 WHERE id = ?",
    ).run(other.id);
    index.refreshSamples([other.id]);
    applyTags(db, [other.id], ['keep-me'], []);
    index.refreshTags([other.id]);
    const after = exactDuplicates(db, 100_000).find((g) => g.contentHash === group.contentHash)!;
    expect(after.keeperId).toBe(other.id);
    const mem = allIds((q) => service.search(q), hide);
    expect(mem).toContain(other.id);
    expect(mem).not.toContain(group.keeperId);
    expect(mem).toEqual(allIds((q) => searchSamples(db, q), hide));
  });

  it('hides the same audio in another container once the duplicates report found it, keeping the suggested copy', () => {
    // Two samples with their own content hash (a WAV and the FLAC of it, say): not hidden
    // until the report decodes them and finds one PCM.
    const [a, b] = db
      .prepare(
        `SELECT id FROM samples WHERE missing = 0 AND content_hash IN (
           SELECT content_hash FROM samples GROUP BY content_hash HAVING count(*) = 1)
         ORDER BY id LIMIT 2`,
      )
      .pluck()
      .all() as number[];
    db.prepare(
      "UPDATE samples SET format = 'flac', bit_depth = 16, rating = 0, favorite = 0 WHERE id = ?",
    ).run(a!);
    db.prepare(
      "UPDATE samples SET format = 'wav', bit_depth = 24, rating = 0, favorite = 0 WHERE id = ?",
    ).run(b!);
    index.refreshSamples([a!, b!]);
    expect(allIds((q) => service.search(q), hide)).toEqual(expect.arrayContaining([a, b]));
    const changed = rememberSameAudio(db, [{ pcmHash: 'p1', ids: [a!, b!] }]);
    expect(changed.sort()).toEqual([a, b].sort());
    // Found again: nothing new.
    expect(rememberSameAudio(db, [{ pcmHash: 'p1', ids: [a!, b!] }])).toEqual([]);
    index.refreshSamples(changed);
    // The 24-bit WAV is the one the view suggests keeping.
    expect(extraCopyIds(db)).toContain(a);
    expect(extraCopyIds(db)).not.toContain(b);
    const mem = allIds((q) => service.search(q), hide);
    expect(mem).toContain(b);
    expect(mem).not.toContain(a);
    expect(mem).toEqual(allIds((q) => searchSamples(db, q), hide));
    expect(matchingIds(db, hide)).toEqual([...mem].sort((x, y) => x - y));
    // A file that changed since is no longer known to hold that audio.
    db.prepare("UPDATE samples SET content_hash = 'changed' WHERE id = ?").run(a!);
    index.refreshSamples([a!]);
    expect(extraCopyIds(db)).not.toContain(a);
    expect(allIds((q) => service.search(q), hide)).toContain(a);
  });
});
