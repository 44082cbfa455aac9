import type { SearchPage } from '../../../shared/contract';
import type { SearchQuery } from '../../../shared/schemas';
import { expandQuery } from '../../../shared/search/expandQuery';
import type { Db } from '../db';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../sampleRow';
import { tagsOf } from '../tagsOf';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { filterSql } from './filterSql';
import { ftsExpression, ftsTierExpressions } from './ftsQuery';
import { ftsWords } from './ftsWords';
import { SORTS } from './sortSpec';

export const DEFAULT_PAGE_SIZE = 100;
/** Column weights for relevance: name, folder, tags. */
const BM25 = 'bm25(samples_fts, 10.0, 2.0, 6.0)';

type Row = SummaryRow & { sort_value: string | number | null };

/**
 * Full-text + filtered + sorted search with keyset pagination. NULL sort values
 * (e.g. samples not analysed yet) always come last, whatever the direction.
 */
export function searchSamples(db: Db, query: SearchQuery): SearchPage {
  const started = performance.now();
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const { where, params } = filterSql(query.filters, db);
  const terms = query.text ? expandQuery(query.text, ftsWords(db)) : [];
  const match = ftsExpression(terms);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const sortBy = query.sort?.by ?? 'name';
  const dir = query.sort?.dir ?? 'asc';

  let rows: Row[];
  let next: Cursor | null;
  if (sortBy === 'relevance' && match) {
    ({ rows, next } = relevancePage(
      db,
      match,
      ftsTierExpressions(terms),
      where,
      params,
      limit,
      cursor,
    ));
  } else {
    if (match) {
      where.push('s.id IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH ?)');
      params.push(match);
    }
    const spec = SORTS[sortBy === 'relevance' ? 'name' : sortBy];
    ({ rows, next } = keysetPage(db, spec.expr, spec.nullable, dir, where, params, limit, cursor));
  }

  let total: number | null = null;
  if (query.count !== false && !cursor)
    total = countMatches(db, match, where, params, sortBy === 'relevance');

  const tags = tagsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toSummary(r, tags.get(r.id))),
    nextCursor: next ? encodeCursor(next) : null,
    total,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

function whereClause(where: readonly string[]): string {
  return where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
}

function keysetPage(
  db: Db,
  expr: string,
  nullable: boolean,
  dir: 'asc' | 'desc',
  where: readonly string[],
  params: readonly unknown[],
  limit: number,
  cursor: Cursor | null,
): { rows: Row[]; next: Cursor | null } {
  const cmp = dir === 'asc' ? '>' : '<';
  const order = dir === 'asc' ? 'ASC' : 'DESC';
  const rows: Row[] = [];

  if (!cursor || cursor.k === 'v' || cursor.k === 'o') {
    const w = [...where];
    const p = [...params];
    if (nullable) w.push(`${expr} IS NOT NULL`);
    if (cursor?.k === 'v') {
      w.push(`(${expr}, s.id) ${cmp} (?, ?)`);
      p.push(cursor.v, cursor.id);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS}, ${expr} AS sort_value FROM samples s ${whereClause(w)}
                 ORDER BY ${expr} ${order}, s.id ${order} LIMIT ?`;
    rows.push(...(db.prepare(sql).all(...p, limit + 1) as Row[]));
  }
  if (nullable && rows.length <= limit) {
    const w = [...where, `${expr} IS NULL`];
    const p = [...params];
    if (cursor?.k === 'n') {
      w.push(`s.id ${cmp} ?`);
      p.push(cursor.id);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS}, NULL AS sort_value FROM samples s ${whereClause(w)}
                 ORDER BY s.id ${order} LIMIT ?`;
    rows.push(...(db.prepare(sql).all(...p, limit + 1 - rows.length) as Row[]));
  }

  if (rows.length <= limit) return { rows, next: null };
  rows.length = limit;
  const last = rows[limit - 1]!;
  const next: Cursor =
    last.sort_value === null
      ? { k: 'n', id: last.id }
      : { k: 'v', v: last.sort_value, id: last.id };
  return { rows, next };
}

/**
 * Relevance: the typed words' own matches before their synonyms' before near spellings'
 * (a tier score per term, from ftsTierExpressions), then bm25 (names weigh most).
 */
function relevancePage(
  db: Db,
  match: string,
  tiers: readonly string[][],
  where: readonly string[],
  params: readonly unknown[],
  limit: number,
  cursor: Cursor | null,
): { rows: Row[]; next: Cursor | null } {
  const offset = cursor?.k === 'o' ? cursor.o : 0;
  const w = ['samples_fts MATCH ?', ...where];
  const inTier = 's.id IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH ?)';
  const tierScore = tiers.map(
    (better) =>
      `CASE ${better.map((_, i) => `WHEN ${inTier} THEN ${better.length - i}`).join(' ')} ELSE 0 END`,
  );
  const order = tierScore.length > 0 ? `${tierScore.join(' + ')} DESC, ` : '';
  const sql = `SELECT ${SUMMARY_COLUMNS}, NULL AS sort_value
                 FROM samples_fts JOIN samples s ON s.id = samples_fts.rowid
                 ${whereClause(w)}
                ORDER BY ${order}${BM25}, s.id LIMIT ? OFFSET ?`;
  const rows = db.prepare(sql).all(match, ...params, ...tiers.flat(), limit + 1, offset) as Row[];
  if (rows.length <= limit) return { rows, next: null };
  rows.length = limit;
  return { rows, next: { k: 'o', o: offset + limit } };
}

function countMatches(
  db: Db,
  match: string | null,
  where: readonly string[],
  params: readonly unknown[],
  ftsJoin: boolean,
): number {
  if (ftsJoin && match) {
    const sql = `SELECT count(*) AS n FROM samples_fts JOIN samples s ON s.id = samples_fts.rowid
                  ${whereClause(['samples_fts MATCH ?', ...where])}`;
    return (db.prepare(sql).get(match, ...params) as { n: number }).n;
  }
  const sql = `SELECT count(*) AS n FROM samples s ${whereClause(where)}`;
  return (db.prepare(sql).get(...params) as { n: number }).n;
}
