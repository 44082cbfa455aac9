import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { MIGRATIONS } from './index';
import { sameAudio } from './009-same-audio';

describe('migration 009: same audio', () => {
  it('gives a version-8 library an empty same_audio table whose records go with their sample', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 8) });
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (1, 1, '/s/a.wav', '/s', 'a.wav', 'wav', 1, 0, 0)",
    ).run();
    sameAudio.up(db);
    expect(db.prepare('SELECT count(*) FROM same_audio').pluck().get()).toBe(0);
    db.prepare("INSERT INTO same_audio VALUES (1, 'c', 'p')").run();
    db.prepare('DELETE FROM samples WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM same_audio').pluck().get()).toBe(0);
    db.close();
  });
});
