import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { fillSyntheticLibrary } from './fixtures/syntheticLibrary';
import { applyTags } from './tags';
import { tagsOf } from './tagsOf';

describe('tagsOf', () => {
  it("lists the user's own tags first, then the automatic ones", () => {
    const db = openDatabase(':memory:');
    fillSyntheticLibrary(db, { count: 20, seed: 3 });
    const auto = (id: number, name: string) => {
      db.prepare('INSERT OR IGNORE INTO tags(name, created_at) VALUES (?, 0)').run(name);
      db.prepare(
        "INSERT OR REPLACE INTO sample_tags(sample_id, tag_id, source, added_at) SELECT ?, id, 'auto', 0 FROM tags WHERE name = ?",
      ).run(id, name);
    };
    db.prepare('DELETE FROM sample_tags').run();
    auto(1, 'airy');
    auto(1, 'bright');
    applyTags(db, [1], ['zzz mine', 'my kit'], []);
    auto(2, 'dark');
    const tags = tagsOf(db, [1, 2, 3]);
    expect(tags.get(1)).toEqual({ names: ['my kit', 'zzz mine', 'airy', 'bright'], user: 2 });
    expect(tags.get(2)).toEqual({ names: ['dark'], user: 0 });
    expect(tags.get(3)).toBeUndefined();
  });
});
