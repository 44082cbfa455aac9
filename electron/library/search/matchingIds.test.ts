import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../shared/schemas';
import { openDatabase, type Db } from '../db';
import { fillSyntheticLibrary } from '../fixtures/syntheticLibrary';
import { applyTags } from '../tags';
import { matchingIds } from './matchingIds';
import { searchSamples } from './search';

/** Every id a search pages through, sorted. */
function pagedIds(db: Db, query: SearchQuery): number[] {
  const out: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = searchSamples(db, { ...query, cursor, limit: 1000 });
    out.push(...page.items.map((s) => s.id));
    if (!page.nextCursor) return out.sort((a, b) => a - b);
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('matchingIds (select all)', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
    fillSyntheticLibrary(db, { count: 2500, seed: 11, batch: 500 });
    db.prepare('UPDATE samples SET missing = 1 WHERE id % 89 = 0').run();
    applyTags(db, [3, 4, 5], ['mine'], []);
  });

  const queries: SearchQuery[] = [
    {},
    { text: 'kick' },
    { text: 'dark pad' },
    { filters: { kind: 'loop', bpm: { min: 100, max: 130 } } },
    { text: 'hat', filters: { classes: ['hihat', 'kick'] } },
    { filters: { tags: ['mine'] } },
    { filters: { missing: 'only' } },
    { text: 'nothing-matches-this' },
  ];

  it.each(queries.map((q) => [JSON.stringify(q), q] as const))(
    'finds exactly the rows the search pages through: %s',
    (_, q) => {
      const ids = matchingIds(db, { text: q.text, filters: q.filters });
      expect(ids).toEqual(pagedIds(db, q));
    },
  );

  it('reaches past the first pages', () => {
    const all = matchingIds(db, {});
    expect(all.length).toBeGreaterThan(2000);
  });
});
