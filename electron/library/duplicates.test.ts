import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SampleSummary } from '../../shared/contract';
import { openDatabase, type Db } from './db';
import { exactDuplicates, pickKeeper } from './duplicates';
import { fillSyntheticLibrary } from './fixtures/syntheticLibrary';
import { sampleSummary } from '../../shared/test-support/sampleSummary';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  fillSyntheticLibrary(db, { count: 50, seed: 2 });
});
afterEach(() => db.close());

function summary(over: Partial<SampleSummary>): SampleSummary {
  return sampleSummary(over.id ?? 1, { path: '/a.wav', name: 'a.wav', sizeBytes: 1, ...over });
}

describe('exact duplicates', () => {
  it('groups samples by content hash, largest group first, skipping missing files', () => {
    const hash = (id: number) =>
      db.prepare('SELECT content_hash FROM samples WHERE id = ?').pluck().get(id);
    const set = db.prepare('UPDATE samples SET content_hash = ? WHERE id = ?');
    set.run(hash(1), 2);
    set.run(hash(1), 3);
    set.run(hash(10), 11);
    set.run(hash(40), 5); // a pair whose lowest id (5) is below the other pair's (10)
    set.run(hash(20), 21);
    db.prepare('UPDATE samples SET missing = 1 WHERE id = 21').run();
    const groups = exactDuplicates(db);
    expect(groups.map((g) => g.samples.map((s) => s.id))).toEqual([
      [1, 2, 3],
      [5, 40],
      [10, 11],
    ]);
    expect(groups[0]!.contentHash).toBe(hash(1));
    expect(exactDuplicates(db, 1)).toHaveLength(1);
  });

  it('suggests keeping lossless, higher resolution, then the copy the user invested in, then the oldest', () => {
    expect(
      pickKeeper([summary({ id: 1, format: 'mp3' }), summary({ id: 2, format: 'flac' })]),
    ).toBe(2);
    expect(pickKeeper([summary({ id: 1, bitDepth: 16 }), summary({ id: 2, bitDepth: 24 })])).toBe(
      2,
    );
    expect(pickKeeper([summary({ id: 1 }), summary({ id: 2, favorite: true })])).toBe(2);
    expect(pickKeeper([summary({ id: 1, addedAt: 5 }), summary({ id: 2, addedAt: 3 })])).toBe(2);
  });
});
