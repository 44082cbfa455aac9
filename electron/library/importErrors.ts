import type { ImportErrorRow } from '../../shared/contract';
import type { Db } from './db';

export function listImportErrors(
  db: Db,
  folderId?: number,
  limit = 500,
  offset = 0,
): ImportErrorRow[] {
  const where = folderId === undefined ? '' : 'WHERE folder_id = ?';
  const params: unknown[] = folderId === undefined ? [] : [folderId];
  return db
    .prepare(
      `SELECT id, folder_id AS folderId, path, code, message, at FROM import_errors ${where} ORDER BY path LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as ImportErrorRow[];
}
