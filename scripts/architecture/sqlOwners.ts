/**
 * SQL only inside the service that owns the table: every table of the library database
 * has one owner folder, and only non-test TS files under it (or the migrations, which
 * create every table) may name the table after FROM / INTO / UPDATE / JOIN / TABLE.
 * Others call the owner's typed functions. Test files and `test-support/` folders, which
 * set up data, are not scanned.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

const LIBRARY = 'electron/library';

/** The owner folder of each table. */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  samples: LIBRARY,
  samples_fts: LIBRARY,
  folders: LIBRARY,
  tags: LIBRARY,
  sample_tags: LIBRARY,
  collections: LIBRARY,
  collection_samples: LIBRARY,
  import_jobs: LIBRARY,
  import_errors: LIBRARY,
  analysis_queue: LIBRARY,
  sample_analysis: LIBRARY,
  sample_features: LIBRARY,
  sample_peaks: LIBRARY,
  same_audio: LIBRARY,
  settings: LIBRARY,
  ai_calls: 'electron/ai',
  ai_budgets: 'electron/ai',
  chat_conversations: 'electron/ai/chat',
  chat_messages: 'electron/ai/chat',
  chat_actions: 'electron/ai/chat',
};

/** Where every table may be named: the numbered migrations. */
const MIGRATIONS = `${LIBRARY}/migrations`;

/** SQLite's own tables and table functions, named by anyone. */
const BUILT_IN = new Set(['json_each', 'sqlite_master', 'pragma_table_info']);

const SQL_TABLE = /\b(?:FROM|INTO|UPDATE|JOIN|TABLE(?: IF NOT EXISTS)?)\s+([a-z_][a-z0-9_]*)\b/g;

/** The table names a file's text names after an SQL keyword. */
export function tablesNamedIn(text: string): string[] {
  return [...new Set([...text.matchAll(SQL_TABLE)].map((m) => m[1]))];
}

const under = (path: string, folder: string): boolean =>
  path === folder || path.startsWith(`${folder}/`);

/** Why `path` (repo-relative, `/`-separated) may not name `table`, or null when it may. */
export function sqlLeak(path: string, table: string): string | null {
  if (BUILT_IN.has(table) || under(path, MIGRATIONS)) return null;
  const owner = TABLE_OWNERS[table];
  if (owner === undefined) return `${path}: table ${table} has no owner in TABLE_OWNERS`;
  return under(path, owner) ? null : `${path}: SQL on ${table}, owned by ${owner}`;
}

/** Every leak in the non-test TS files under `folder`. */
export function sqlLeaksUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) {
        if (name !== 'test-support' && name !== 'node_modules') walk(path);
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        const rel = path.split(sep).join('/');
        for (const table of tablesNamedIn(readFileSync(join(root, path), 'utf8'))) {
          const leak = sqlLeak(rel, table);
          if (leak) out.push(leak);
        }
      }
    }
  };
  walk(folder);
  return out;
}
