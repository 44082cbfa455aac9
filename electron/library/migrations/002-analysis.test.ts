import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { initialSchema } from './001-initial';
import { analysisStorage } from './002-analysis';

function columns(db: ReturnType<typeof openDatabase>, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map(
    (c) => c.name,
  );
}

describe('migration 002: analysis storage', () => {
  it('upgrades a version-1 library that already has samples, keeping them', () => {
    const db = openDatabase(':memory:', { migrations: [initialSchema] });
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (7, 1, '/s/a.wav', '/s', 'a.wav', 'wav', 1, 0, 0)",
    ).run();
    db.prepare('INSERT INTO analysis_queue (sample_id, enqueued_at) VALUES (7, 0)').run();
    analysisStorage.up(db);
    expect(columns(db, 'samples')).toEqual(
      expect.arrayContaining([
        'kind_confidence',
        'root_midi',
        'loudness_method',
        'brightness',
        'class_candidates_json',
        'loop_class',
        'clipped',
      ]),
    );
    expect(db.prepare('SELECT clipped FROM samples WHERE id = 7').get()).toEqual({ clipped: 0 });
    expect(db.prepare('SELECT state FROM analysis_queue WHERE sample_id = 7').get()).toEqual({
      state: 'queued',
    });
    db.close();
  });

  it('keeps peaks, features and results with their sample and drops them with it', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (3, 1, '/s/b.wav', '/s', 'b.wav', 'wav', 1, 0, 0)",
    ).run();
    db.prepare('INSERT INTO sample_peaks (sample_id, peaks) VALUES (3, ?)').run(
      Buffer.from([1, 2, 3]),
    );
    db.prepare(
      "INSERT INTO sample_features (sample_id, vector_version, vector, embedding_format, embedding) VALUES (3, 1, ?, 'i8', ?)",
    ).run(Buffer.alloc(8), Buffer.alloc(4));
    db.prepare(
      "INSERT INTO sample_analysis (sample_id, analyzer_version, fields_json) VALUES (3, '1', '{}')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO sample_features (sample_id, vector_version, vector, embedding_format) VALUES (3, 1, x'00', 'f16')",
        )
        .run(),
    ).toThrow(/CHECK|UNIQUE/);
    db.prepare('INSERT INTO analysis_queue (sample_id, enqueued_at) VALUES (3, 0)').run();
    expect(
      db.prepare("UPDATE analysis_queue SET state = 'running' WHERE sample_id = 3").run().changes,
    ).toBe(1);
    expect(() =>
      db.prepare("UPDATE analysis_queue SET state = 'lost' WHERE sample_id = 3").run(),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM samples WHERE id = 3').run();
    for (const t of ['sample_peaks', 'sample_features', 'sample_analysis', 'analysis_queue']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
    db.close();
  });

  it('rejects an unknown queue state', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (1, 1, '/s/c.wav', '/s', 'c.wav', 'wav', 1, 0, 0)",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO analysis_queue (sample_id, enqueued_at, state) VALUES (1, 0, 'lost')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
