import type { Db } from './db';

/** A sample's visible tags: the user's own first (`user` of them), then the automatic ones. */
export interface TagList {
  names: string[];
  user: number;
}

/**
 * Visible tags (the user's and the automatic ones) of a set of samples, in one query.
 * Ids are passed as a JSON array so the statement is prepared once for any page size.
 */
export function tagsOf(db: Db, sampleIds: readonly number[]): Map<number, TagList> {
  const out = new Map<number, TagList>();
  if (sampleIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT st.sample_id AS id, t.name AS name, st.source = 'user' AS mine
         FROM json_each(?) j
         JOIN sample_tags st ON st.sample_id = j.value
         JOIN tags t ON t.id = st.tag_id
        WHERE st.source IN ('user', 'auto')
        ORDER BY mine DESC, t.name`,
    )
    .all(JSON.stringify(sampleIds)) as Array<{ id: number; name: string; mine: number }>;
  for (const row of rows) {
    let list = out.get(row.id);
    if (!list) out.set(row.id, (list = { names: [], user: 0 }));
    list.names.push(row.name);
    if (row.mine) list.user++;
  }
  return out;
}
