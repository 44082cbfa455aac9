import type { SearchFilters } from '../../../shared/schemas';
import { expandQuery } from '../../../shared/search/expandQuery';
import type { Db } from '../db';
import { filterSql } from './filterSql';
import { ftsExpression } from './ftsQuery';
import { ftsWords } from './ftsWords';

/** The most ids one answer carries (a select-all over a 1M-sample library fits). */
export const MATCH_IDS_MAX = 2_000_000;

/**
 * The ids of every sample a search matches (text and filters, no paging), in id order:
 * what "select all" acts on when only the first pages of the results are loaded.
 */
export function matchingIds(
  db: Db,
  query: { text?: string | undefined; filters?: SearchFilters | undefined },
): number[] {
  const { where, params } = filterSql(query.filters, db);
  const match = query.text ? ftsExpression(expandQuery(query.text, ftsWords(db))) : null;
  if (match) {
    where.push('s.id IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH ?)');
    params.push(match);
  }
  const sql = `SELECT s.id FROM samples s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                ORDER BY s.id LIMIT ?`;
  return db
    .prepare(sql)
    .pluck()
    .all(...params, MATCH_IDS_MAX) as number[];
}
