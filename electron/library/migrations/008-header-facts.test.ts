import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { MIGRATIONS } from './index';
import { headerFacts } from './008-header-facts';

describe('migration 008: header facts', () => {
  it('gives a version-7 library an empty header_json column that later imports fill', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 7) });
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/s', 0)").run();
    db.prepare(
      "INSERT INTO samples (id, folder_id, path, dir, name, format, size, mtime_ms, added_at) VALUES (1, 1, '/s/a.wav', '/s', 'a.wav', 'wav', 1, 0, 0)",
    ).run();
    headerFacts.up(db);
    expect(db.prepare('SELECT header_json FROM samples WHERE id = 1').get()).toEqual({
      header_json: null,
    });
    db.prepare("UPDATE samples SET header_json = '{}' WHERE id = 1").run();
    expect(db.prepare('SELECT header_json FROM samples WHERE id = 1').get()).toEqual({
      header_json: '{}',
    });
    db.close();
  });
});
