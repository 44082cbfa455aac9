import type { CollectionInfo } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Db } from './db';

const SELECT_INFO = `SELECT c.id, c.name, c.created_at AS createdAt,
  (SELECT count(*) FROM collection_samples cs WHERE cs.collection_id = c.id) AS sampleCount
  FROM collections c`;

export function listCollections(db: Db): CollectionInfo[] {
  return db.prepare(`${SELECT_INFO} ORDER BY c.name COLLATE NOCASE`).all() as CollectionInfo[];
}

export function getCollection(db: Db, id: number): CollectionInfo {
  const row = db.prepare(`${SELECT_INFO} WHERE c.id = ?`).get(id) as CollectionInfo | undefined;
  if (!row) throw new AppError('NOT_FOUND', `collection ${id} does not exist`);
  return row;
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const row = db.prepare('SELECT id FROM collections WHERE name = ?').get(name) as
    { id: number } | undefined;
  if (row && row.id !== exceptId)
    throw new AppError('ALREADY_EXISTS', `a collection named "${name}" already exists`);
}

export function createCollection(
  db: Db,
  name: string,
  sampleIds: readonly number[] = [],
): CollectionInfo {
  return db.transaction(() => {
    assertNameFree(db, name);
    const id = Number(
      db.prepare('INSERT INTO collections(name, created_at) VALUES (?, ?)').run(name, Date.now())
        .lastInsertRowid,
    );
    if (sampleIds.length > 0) addToCollection(db, id, sampleIds);
    return getCollection(db, id);
  })();
}

export function renameCollection(db: Db, id: number, name: string): CollectionInfo {
  return db.transaction(() => {
    getCollection(db, id);
    assertNameFree(db, name, id);
    db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, id);
    return getCollection(db, id);
  })();
}

export function deleteCollection(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes > 0;
}

export function addToCollection(db: Db, id: number, sampleIds: readonly number[]): number {
  getCollection(db, id);
  return db
    .prepare(
      `INSERT OR IGNORE INTO collection_samples(collection_id, sample_id, added_at)
       SELECT ?, value, ? FROM json_each(?) WHERE value IN (SELECT id FROM samples)`,
    )
    .run(id, Date.now(), JSON.stringify(sampleIds)).changes;
}

export function removeFromCollection(db: Db, id: number, sampleIds: readonly number[]): number {
  getCollection(db, id);
  return db
    .prepare(
      'DELETE FROM collection_samples WHERE collection_id = ? AND sample_id IN (SELECT value FROM json_each(?))',
    )
    .run(id, JSON.stringify(sampleIds)).changes;
}
