import type { SampleSummary } from '../../../shared/contract';
import type { Db } from '../db';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../sampleRow';
import { tagsOf } from '../tagsOf';

/** Summaries of the given samples, in the order given (ids that no longer exist are skipped). */
export function summariesOf(db: Db, ids: readonly number[]): SampleSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM json_each(?) j JOIN samples s ON s.id = j.value ORDER BY j.key`,
    )
    .all(JSON.stringify(ids)) as SummaryRow[];
  const tags = tagsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, tags.get(r.id)));
}
