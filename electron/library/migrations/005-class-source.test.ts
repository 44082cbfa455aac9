import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { MIGRATIONS } from './index';
import { classSource } from './005-class-source';

describe('migration 005: class source', () => {
  it('marks the classes a version-4 library already has as from the audio', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 4) });
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    const add = db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at, class, class_confidence) VALUES (?, 1, ?, '/s', ?, 'wav', 1, 0, 0, ?, ?)",
    );
    add.run(1, '/s/a.wav', 'a.wav', 'kick', 0.93);
    add.run(2, '/s/b.wav', 'b.wav', null, null);
    classSource.up(db);
    expect(db.prepare('SELECT id, class, class_source FROM samples ORDER BY id').all()).toEqual([
      { id: 1, class: 'kick', class_source: 'audio' },
      { id: 2, class: null, class_source: null },
    ]);
    db.close();
  });

  it('accepts only audio or name', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    const add = db.prepare(
      "INSERT INTO samples (folder_id, path, dir, name, format, size, mtime_ms, added_at, class_source) VALUES (1, ?, '/s', 'x.wav', 'wav', 1, 0, 0, ?)",
    );
    add.run('/s/x.wav', 'name');
    expect(() => add.run('/s/y.wav', 'guess')).toThrow(/CHECK/);
    db.close();
  });
});
