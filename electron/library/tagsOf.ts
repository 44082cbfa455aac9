import type { Db } from './db';

/**
 * Visible tags (the user's and the automatic ones) of a set of samples, in one query.
 * Ids are passed as a JSON array so the statement is prepared once for any page size.
 */
export function tagsOf(db: Db, sampleIds: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (sampleIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT st.sample_id AS id, t.name AS name
         FROM json_each(?) j
         JOIN sample_tags st ON st.sample_id = j.value
         JOIN tags t ON t.id = st.tag_id
        WHERE st.source IN ('user', 'auto')
        ORDER BY t.name`,
    )
    .all(JSON.stringify(sampleIds)) as Array<{ id: number; name: string }>;
  for (const row of rows) {
    const list = out.get(row.id);
    if (list) list.push(row.name);
    else out.set(row.id, [row.name]);
  }
  return out;
}
