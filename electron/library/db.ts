import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { indexText } from '../../shared/searchText';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export interface OpenOptions {
  /** Schema steps to apply (default: all of MIGRATIONS). Tests pass a prefix. */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/**
 * Opens (creating if needed) a library database: WAL, foreign keys on, the SQL
 * functions the triggers use, and every pending migration applied.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    configureConnection(db);
    if (!options.readonly) migrate(db, options.migrations ?? MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function configureConnection(db: Db): void {
  if (!db.readonly && db.name !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  db.function('sm_index_text', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? indexText(text) : '',
  );
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations newer than the database's user_version, all in one
 * transaction: either every pending step lands or none does.
 */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(
      `This library was written by a newer SampleMind (schema ${current}, this build knows ${migrations.length}). Update the app.`,
    );
  }
  const pending = migrations.slice(current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return migrations.length;
}
