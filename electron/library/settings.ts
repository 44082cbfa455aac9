/**
 * The `settings` table: one text value per key. Services that keep state there (AI
 * settings, the tagging job, the analyser's once-per-version marks) read and write it
 * through these two functions, so the table's SQL stays in the library.
 */
import type { Db } from './db';

/** The stored value of `key`, or undefined when none is stored. */
export function readSetting(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
}

/** Stores `value` under `key`, replacing any earlier value. */
export function writeSetting(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
