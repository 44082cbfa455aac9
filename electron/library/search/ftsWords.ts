import type { IndexedWords } from '../../../shared/search/expandQuery';
import type { Db } from '../db';

/** The words of the full-text index (names, folders, visible tags), as query expansion asks about them. */
export function ftsWords(db: Db): IndexedWords {
  let stmt: ReturnType<Db['prepare']> | null = null;
  const found = (expr: string): boolean => {
    stmt ??= db.prepare('SELECT 1 FROM samples_fts WHERE samples_fts MATCH ? LIMIT 1').pluck();
    return stmt.get(expr) !== undefined;
  };
  const quote = (w: string): string => `"${w.replaceAll('"', '""')}"`;
  return {
    hasPrefix: (prefix) => found(`${quote(prefix)}*`),
    hasWord: (word) => found(quote(word)),
  };
}
