import type { Db } from '../../db';

/** Inserts a library folder and one sample row per path (as an import would), queued for analysis. */
export function seedSamples(db: Db, paths: readonly string[], folder = '/lib'): number[] {
  const now = Date.now();
  db.prepare('INSERT OR IGNORE INTO folders(path, added_at) VALUES (?, ?)').run(folder, now);
  const folderId = db
    .prepare('SELECT id FROM folders WHERE path = ?')
    .pluck()
    .get(folder) as number;
  const insert = db.prepare(
    `INSERT INTO samples(folder_id, path, dir, name, format, size, mtime_ms, added_at)
     VALUES (?, ?, '', ?, 'wav', 100, 0, ?)`,
  );
  const enqueue = db.prepare(
    'INSERT INTO analysis_queue(sample_id, priority, enqueued_at) VALUES (?, 0, ?)',
  );
  return paths.map((p, i) => {
    const id = Number(insert.run(folderId, p, p.split('/').pop() ?? p, now).lastInsertRowid);
    enqueue.run(id, now + i);
    return id;
  });
}
