/**
 * Suggested tags (`sample_tags.source = 'suggested'`): stored by the AI tagging job,
 * listed for the user to accept or reject. They never override the user's, automatic
 * or rejected tags.
 */
import type { Db } from './db';
import { ensureTag } from './tags';

/** Suggested tags per sample, optionally only these samples / these tags; at most `limit` samples. */
export function suggestedTags(
  db: Db,
  sampleIds: readonly number[] | null,
  tags: readonly string[] | null,
  limit = 5000,
): Map<number, string[]> {
  const rows = db
    .prepare(
      `SELECT st.sample_id AS id, t.name AS tag FROM sample_tags st JOIN tags t ON t.id = st.tag_id
        WHERE st.source = 'suggested'
          AND (@ids IS NULL OR st.sample_id IN (SELECT value FROM json_each(@ids)))
          AND (@tags IS NULL OR t.name IN (SELECT value FROM json_each(@tags)))
        ORDER BY st.sample_id, t.name`,
    )
    .all({
      ids: sampleIds ? JSON.stringify(sampleIds) : null,
      tags: tags ? JSON.stringify(tags) : null,
    }) as Array<{ id: number; tag: string }>;
  const out = new Map<number, string[]>();
  for (const { id, tag } of rows) {
    const list = out.get(id);
    if (list) list.push(tag);
    else if (out.size < limit) out.set(id, [tag]);
  }
  return out;
}

/**
 * Stores suggested tags in one transaction; a sample that already holds a tag (of any
 * source) keeps it. Returns the ids of the samples that gained at least one suggestion.
 */
export function addSuggestedTags(
  db: Db,
  answer: ReadonlyMap<number, readonly string[]>,
  now: number,
): number[] {
  const insert = db.prepare(
    `INSERT INTO sample_tags(sample_id, tag_id, source, added_at) VALUES (?, ?, 'suggested', ?)
     ON CONFLICT(sample_id, tag_id) DO NOTHING`,
  );
  const changed: number[] = [];
  db.transaction(() => {
    for (const [id, tags] of answer) {
      let n = 0;
      for (const tag of tags) n += insert.run(id, ensureTag(db, tag, now), now).changes;
      if (n > 0) changed.push(id);
    }
  })();
  return changed;
}
