import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { MIGRATIONS } from './index';
import { queueClaims } from './006-queue-claims';

describe('migration 006: queue claims', () => {
  it('adds the owner and started columns to a version-5 queue, keeping its rows', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 5) });
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (1, 1, '/s/a.wav', '', 'a.wav', 'wav', 1, 0, 0)",
    ).run();
    db.prepare(
      "INSERT INTO analysis_queue (sample_id, priority, enqueued_at, attempts, state) VALUES (1, 0, 0, 2, 'running')",
    ).run();
    queueClaims.up(db);
    expect(
      db.prepare('SELECT attempts, state, owner_pid, started FROM analysis_queue').get(),
    ).toEqual({ attempts: 2, state: 'running', owner_pid: null, started: 0 });
    expect(() => db.prepare('UPDATE analysis_queue SET started = 2').run()).toThrow(/CHECK/);
    db.close();
  });
});
