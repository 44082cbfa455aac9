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

/** How long a connection waits for another one's write lock before SQLITE_BUSY (ms). */
export const BUSY_TIMEOUT_MS = 5000;

export function configureConnection(db: Db): void {
  if (!db.readonly && db.name !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  useImmediateTransactions(db);
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
  if (current === migrations.length) return current;
  db.transaction(() => {
    // Read again under the write lock: another process may have migrated meanwhile.
    for (const m of migrations.slice(schemaVersion(db))) m.up(db);
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return migrations.length;
}

/**
 * Makes `db.transaction(fn)` run BEGIN IMMEDIATE: the write lock is taken at the start,
 * where the busy timeout applies. A deferred transaction that reads and then writes
 * cannot wait in WAL mode — when another process (the CLI beside the app, or the other
 * way round) committed meanwhile, its write fails at once with SQLITE_BUSY. Every
 * transaction in the backend writes, so this is the default for all of them
 * (`.deferred` stays available for read-only ones).
 */
export function useImmediateTransactions(db: Db): void {
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) =>
    deferred(fn).immediate) as Db['transaction'];
}

/** True for SQLite's "database is locked" errors (another connection holds the lock). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
  );
}
