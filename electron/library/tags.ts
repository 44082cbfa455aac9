import type { TagInfo } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Db } from './db';

/** Returns the id of a tag, creating it if needed (names are case-insensitive). */
export function ensureTag(db: Db, name: string, now = Date.now()): number {
  db.prepare('INSERT OR IGNORE INTO tags(name, created_at) VALUES (?, ?)').run(name, now);
  return (db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as { id: number }).id;
}

/** Tags in use with their sample counts, most used first; `prefix` for autocomplete. */
export function listTags(db: Db, prefix = '', limit = 500): TagInfo[] {
  return db
    .prepare(
      `SELECT t.name AS name, count(st.sample_id) AS count
         FROM tags t JOIN sample_tags st ON st.tag_id = t.id AND st.source IN ('user', 'auto')
        WHERE t.name LIKE ? ESCAPE '\\'
        GROUP BY t.id ORDER BY count DESC, t.name LIMIT ?`,
    )
    .all(`${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit) as TagInfo[];
}

/**
 * Adds and removes user tags on many samples in one transaction. Adding a tag the
 * analysis had proposed turns it into the user's; removing an automatic tag keeps a
 * 'rejected' mark so that re-analysis does not bring it back.
 */
export function applyTags(
  db: Db,
  sampleIds: readonly number[],
  add: readonly string[],
  remove: readonly string[],
): number {
  const now = Date.now();
  const upsert = db.prepare(
    `INSERT INTO sample_tags(sample_id, tag_id, source, added_at)
     SELECT value, ?, 'user', ? FROM json_each(?) WHERE value IN (SELECT id FROM samples)
     ON CONFLICT(sample_id, tag_id) DO UPDATE SET source = 'user', added_at = excluded.added_at
     WHERE source <> 'user'`,
  );
  const rejectAuto = db.prepare(
    `UPDATE sample_tags SET source = 'rejected', added_at = ?
      WHERE tag_id = ? AND source IN ('auto', 'suggested') AND sample_id IN (SELECT value FROM json_each(?))`,
  );
  const removeUser = db.prepare(
    `DELETE FROM sample_tags WHERE tag_id = ? AND source = 'user' AND sample_id IN (SELECT value FROM json_each(?))`,
  );
  const ids = JSON.stringify(sampleIds);
  return db.transaction(() => {
    let changed = 0;
    for (const name of add) changed += upsert.run(ensureTag(db, name, now), now, ids).changes;
    for (const name of remove) {
      const tag = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as
        { id: number } | undefined;
      if (!tag) continue;
      changed += removeUser.run(tag.id, ids).changes;
      changed += rejectAuto.run(now, tag.id, ids).changes;
    }
    return changed;
  })();
}

/** Renames a tag everywhere; merges into an existing tag of the new name. */
export function renameTag(db: Db, from: string, to: string): number {
  return db.transaction(() => {
    const source = db.prepare('SELECT id FROM tags WHERE name = ?').get(from) as
      { id: number } | undefined;
    if (!source) throw new AppError('NOT_FOUND', `no tag named "${from}"`);
    const target = db.prepare('SELECT id FROM tags WHERE name = ?').get(to) as
      { id: number } | undefined;
    if (!target || target.id === source.id) {
      db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(to, source.id);
      return (
        db.prepare('SELECT count(*) AS n FROM sample_tags WHERE tag_id = ?').get(source.id) as {
          n: number;
        }
      ).n;
    }
    const moved = db
      .prepare(
        `INSERT INTO sample_tags(sample_id, tag_id, source, added_at)
         SELECT sample_id, ?, source, added_at FROM sample_tags WHERE tag_id = ?
         ON CONFLICT(sample_id, tag_id) DO UPDATE SET source = CASE
           WHEN 'user' IN (source, excluded.source) THEN 'user'
           WHEN 'auto' IN (source, excluded.source) THEN 'auto'
           ELSE source END`,
      )
      .run(target.id, source.id).changes;
    db.prepare('DELETE FROM tags WHERE id = ?').run(source.id);
    return moved;
  })();
}

export function deleteTag(db: Db, name: string): number {
  return db.transaction(() => {
    const tag = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (!tag) throw new AppError('NOT_FOUND', `no tag named "${name}"`);
    const n = (
      db.prepare('SELECT count(*) AS n FROM sample_tags WHERE tag_id = ?').get(tag.id) as {
        n: number;
      }
    ).n;
    db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
    return n;
  })();
}
