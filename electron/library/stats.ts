import type { AnalysisStatus, LibraryStats } from '../../shared/contract';
import type { Db } from './db';

function countBy(db: Db, column: string): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT ${column} AS k, count(*) AS n FROM samples WHERE missing = 0 AND ${column} IS NOT NULL GROUP BY ${column}`,
    )
    .all() as Array<{ k: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

export function libraryStats(db: Db): LibraryStats {
  const totals = db
    .prepare(
      `SELECT count(*) AS samples, coalesce(sum(size), 0) AS bytes, coalesce(sum(duration), 0) AS dur,
              coalesce(sum(favorite), 0) AS favs FROM samples WHERE missing = 0`,
    )
    .get() as { samples: number; bytes: number; dur: number; favs: number };
  const one = (sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0;
  const analysis = countBy(db, 'analysis_status');
  const status: Record<AnalysisStatus, number> = {
    pending: analysis.pending ?? 0,
    running: analysis.running ?? 0,
    done: analysis.done ?? 0,
    failed: analysis.failed ?? 0,
  };
  return {
    samples: totals.samples,
    folders: one('SELECT count(*) FROM folders'),
    tags: one("SELECT count(DISTINCT tag_id) FROM sample_tags WHERE source IN ('user', 'auto')"),
    collections: one('SELECT count(*) FROM collections'),
    favorites: totals.favs,
    missing: one('SELECT count(*) FROM samples WHERE missing = 1'),
    importErrors: one('SELECT count(*) FROM import_errors'),
    totalBytes: totals.bytes,
    totalDurationSec: Math.round(totals.dur * 1000) / 1000,
    byFormat: countBy(db, 'format'),
    byKind: countBy(db, 'kind'),
    byClass: countBy(db, 'class'),
    analysis: status,
  };
}
