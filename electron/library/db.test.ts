import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { migrate, openDatabase, schemaVersion } from './db';
import { MIGRATIONS } from './migrations/index';

describe('openDatabase', () => {
  it('applies every migration and records user_version', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('uses WAL for files and survives reopening without re-running migrations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-db-'));
    try {
      const file = join(dir, 'nested', 'library.db');
      const db = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.prepare('INSERT INTO folders(path, added_at) VALUES (?, ?)').run('/x', 1);
      db.close();
      const again = openDatabase(file);
      expect(again.prepare('SELECT count(*) AS n FROM folders').get()).toEqual({ n: 1 });
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database from a newer build', () => {
    const db = openDatabase(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer SampleMind/);
    db.close();
  });

  it('rolls back every pending step when one fails', () => {
    const db = openDatabase(':memory:', { migrations: [] });
    const broken = [
      MIGRATIONS[0]!,
      { version: 2, name: 'broken', up: (d: typeof db) => d.exec('CREATE TABLE nope (; )') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'samples'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('rejects a migration list with gaps', () => {
    const db = openDatabase(':memory:', { migrations: [] });
    expect(() => migrate(db, [{ ...MIGRATIONS[0]!, version: 2 }])).toThrow(/expected 1/);
    db.close();
  });
});
