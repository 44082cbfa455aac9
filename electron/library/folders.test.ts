import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { fillSyntheticLibrary } from './fixtures/syntheticLibrary';
import { getFolder, listFolders } from './folders';

describe('listFolders', () => {
  it('counts each folder’s present samples (missing ones left out) and its import errors', () => {
    const db = openDatabase(':memory:');
    const a = fillSyntheticLibrary(db, { count: 300, seed: 1, root: '/a' }).folderId;
    const b = fillSyntheticLibrary(db, { count: 120, seed: 2, root: '/b' }).folderId;
    db.prepare('UPDATE samples SET missing = 1 WHERE folder_id = ? AND id % 10 = 0').run(a);
    db.prepare('UPDATE samples SET missing = 1 WHERE folder_id = ? AND id % 4 = 0').run(b);
    db.prepare(
      "INSERT INTO import_errors(folder_id, path, code, message, at) VALUES (?, '/b/x.wav', 'TRUNCATED', 'cut', 0)",
    ).run(b);
    const present = (id: number) =>
      (
        db
          .prepare('SELECT count(*) AS n FROM samples WHERE folder_id = ? AND missing = 0')
          .get(id) as { n: number }
      ).n;
    expect(present(a)).toBeLessThan(300);
    expect(listFolders(db).map((f) => [f.path, f.sampleCount, f.errorCount])).toEqual([
      ['/a', present(a), 0],
      ['/b', present(b), 1],
    ]);
    expect(getFolder(db, b).sampleCount).toBe(present(b));
  });
});
