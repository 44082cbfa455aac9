import type { Db } from '../db';

/**
 * When a file was moved or renamed, the new path may have been indexed as a new
 * sample before the old path was known to be gone. For each new sample whose
 * content matches a missing one, the missing sample (with its tags, ratings,
 * collections and analysis) takes the new place and the new row goes away.
 * Returns the surviving ids.
 */
export function mergeMoved(db: Db, newIds: readonly number[]): number[] {
  if (newIds.length === 0) return [];
  // Nothing is missing (the usual case): nothing can have moved.
  if (db.prepare('SELECT 1 FROM samples WHERE missing = 1 LIMIT 1').get() === undefined) return [];
  const pairs = db
    .prepare(
      `SELECT n.id AS newId, n.folder_id AS folderId, n.path AS path, n.dir AS dir, n.name AS name, n.mtime_ms AS mtimeMs,
              n.header_json AS headerJson,
              (SELECT o.id FROM samples o INDEXED BY samples_hash
                WHERE o.content_hash = n.content_hash AND o.size = n.size AND o.missing = 1 AND o.id <> n.id
                ORDER BY o.id LIMIT 1) AS oldId
         FROM samples n
        WHERE n.id IN (SELECT value FROM json_each(?)) AND n.missing = 0 AND n.content_hash IS NOT NULL`,
    )
    .all(JSON.stringify(newIds)) as Array<{
    newId: number;
    folderId: number;
    path: string;
    dir: string;
    name: string;
    mtimeMs: number;
    headerJson: string | null;
    oldId: number | null;
  }>;
  const remove = db.prepare('DELETE FROM samples WHERE id = ?');
  const move = db.prepare(
    'UPDATE samples SET folder_id = ?, path = ?, dir = ?, name = ?, mtime_ms = ?, header_json = ?, missing = 0 WHERE id = ? AND missing = 1',
  );
  const survivors: number[] = [];
  db.transaction(() => {
    for (const p of pairs) {
      if (p.oldId === null) continue;
      remove.run(p.newId);
      if (move.run(p.folderId, p.path, p.dir, p.name, p.mtimeMs, p.headerJson, p.oldId).changes > 0)
        survivors.push(p.oldId);
    }
  })();
  return survivors;
}
