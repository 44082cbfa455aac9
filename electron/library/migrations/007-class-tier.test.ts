import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { MIGRATIONS } from './index';
import { classTier } from './007-class-tier';

describe('migration 007: class tier', () => {
  it('marks the classes a version-6 library already has as likely, and leaves empty ones empty', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 6) });
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    const add = db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at, class, class_confidence, class_source) VALUES (?, 1, ?, '/s', ?, 'wav', 1, 0, 0, ?, ?, ?)",
    );
    add.run(1, '/s/a.wav', 'a.wav', 'kick', 0.93, 'audio');
    add.run(2, '/s/b.wav', 'b.wav', null, null, null);
    add.run(3, '/s/c.wav', 'c.wav', 'snare', 0.9, 'name');
    classTier.up(db);
    expect(db.prepare('SELECT id, class, class_tier FROM samples ORDER BY id').all()).toEqual([
      { id: 1, class: 'kick', class_tier: 'likely' },
      { id: 2, class: null, class_tier: null },
      { id: 3, class: 'snare', class_tier: 'likely' },
    ]);
    db.close();
  });

  it('accepts only sure, likely or guess', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    const add = db.prepare(
      "INSERT INTO samples (folder_id, path, dir, name, format, size, mtime_ms, added_at, class, class_tier) VALUES (1, ?, '/s', 'x.wav', 'wav', 1, 0, 0, 'kick', ?)",
    );
    add.run('/s/x.wav', 'guess');
    add.run('/s/y.wav', 'sure');
    expect(() => add.run('/s/z.wav', 'maybe')).toThrow(/CHECK/);
    db.close();
  });
});
