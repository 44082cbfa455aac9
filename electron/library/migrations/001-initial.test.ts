import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { initialSchema } from './001-initial';

function fresh() {
  return openDatabase(':memory:', { migrations: [initialSchema] });
}

function match(db: ReturnType<typeof fresh>, q: string): number[] {
  return (
    db
      .prepare('SELECT rowid FROM samples_fts WHERE samples_fts MATCH ? ORDER BY rowid')
      .all(q) as Array<{ rowid: number }>
  ).map((r) => r.rowid);
}

describe('migration 001: initial schema', () => {
  it('creates the library tables', () => {
    const db = fresh();
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    for (const t of [
      'folders',
      'samples',
      'tags',
      'sample_tags',
      'collections',
      'collection_samples',
      'analysis_queue',
      'import_jobs',
      'import_errors',
      'settings',
      'samples_fts',
    ]) {
      expect(names).toContain(t);
    }
    db.close();
  });

  it('keeps the full-text index in step with names, folders and tags', () => {
    const db = fresh();
    db.prepare("INSERT INTO folders(id, path, added_at) VALUES (1, '/lib', 0)").run();
    const insert = db.prepare(
      "INSERT INTO samples(folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (1, ?, ?, ?, 'wav', 1, 0, 0)",
    );
    const a = Number(
      insert.run('/lib/Drums/BigKick808.wav', 'Drums', 'BigKick808.wav').lastInsertRowid,
    );
    const b = Number(insert.run('/lib/Pads/Warm Pad.wav', 'Pads', 'Warm Pad.wav').lastInsertRowid);
    expect(match(db, '"kick"*')).toEqual([a]);
    expect(match(db, '"808"')).toEqual([a]);
    expect(match(db, '"pads"')).toEqual([b]);

    db.prepare("INSERT INTO tags(id, name, created_at) VALUES (1, 'dark', 0)").run();
    db.prepare(
      "INSERT INTO sample_tags(sample_id, tag_id, source, added_at) VALUES (?, 1, 'user', 0)",
    ).run(b);
    expect(match(db, '"dark"')).toEqual([b]);
    // Suggested tags are not searchable until accepted.
    db.prepare(
      "INSERT INTO sample_tags(sample_id, tag_id, source, added_at) VALUES (?, 1, 'suggested', 0)",
    ).run(a);
    expect(match(db, '"dark"')).toEqual([b]);
    db.prepare("UPDATE sample_tags SET source = 'user' WHERE sample_id = ?").run(a);
    expect(match(db, '"dark"')).toEqual([a, b]);

    db.prepare("UPDATE tags SET name = 'moody' WHERE id = 1").run();
    expect(match(db, '"dark"')).toEqual([]);
    expect(match(db, '"moody"')).toEqual([a, b]);

    db.prepare('DELETE FROM sample_tags WHERE sample_id = ?').run(b);
    expect(match(db, '"moody"')).toEqual([a]);

    db.prepare("UPDATE samples SET name = 'Snare.wav' WHERE id = ?").run(a);
    expect(match(db, '"kick"*')).toEqual([]);
    expect(match(db, '"snare"')).toEqual([a]);
    expect(match(db, '"moody"')).toEqual([a]);

    db.prepare('DELETE FROM samples WHERE id = ?').run(a);
    expect(match(db, '"snare"')).toEqual([]);
    expect(match(db, '"moody"')).toEqual([]);
    db.close();
  });

  it('cascades folder removal to samples, tags and collections', () => {
    const db = fresh();
    db.prepare("INSERT INTO folders(id, path, added_at) VALUES (1, '/lib', 0)").run();
    db.prepare(
      "INSERT INTO samples(id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (7, 1, '/lib/a.wav', '', 'a.wav', 'wav', 1, 0, 0)",
    ).run();
    db.prepare("INSERT INTO tags(id, name, created_at) VALUES (1, 'x', 0)").run();
    db.prepare('INSERT INTO sample_tags(sample_id, tag_id, added_at) VALUES (7, 1, 0)').run();
    db.prepare("INSERT INTO collections(id, name, created_at) VALUES (1, 'c', 0)").run();
    db.prepare(
      'INSERT INTO collection_samples(collection_id, sample_id, added_at) VALUES (1, 7, 0)',
    ).run();
    db.prepare('INSERT INTO analysis_queue(sample_id, enqueued_at) VALUES (7, 0)').run();
    db.prepare('DELETE FROM folders WHERE id = 1').run();
    for (const t of ['samples', 'sample_tags', 'collection_samples', 'analysis_queue']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
    expect(match(db, '"a"')).toEqual([]);
    db.close();
  });

  it('rejects out-of-range ratings and unknown tag sources', () => {
    const db = fresh();
    db.prepare("INSERT INTO folders(id, path, added_at) VALUES (1, '/lib', 0)").run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO samples(folder_id, path, dir, name, format, size, mtime_ms, added_at, rating) VALUES (1, '/lib/b.wav', '', 'b', 'wav', 1, 0, 0, 9)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
