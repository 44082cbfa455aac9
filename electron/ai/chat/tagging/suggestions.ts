/**
 * Suggested tags awaiting the user's decision: list them, accept (they become the
 * user's tags) or reject (remembered, so they are not suggested again).
 */
import type { ChatSuggestion } from '../../../../shared/contract/chat';
import type { Db } from '../../../library/db';
import type { LibraryCall } from '../libraryCall';
import { sampleRefs } from '../sampleRefs';

/** Suggested tags per sample, optionally only these samples / these tags. */
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

export async function listSuggestions(
  db: Db,
  call: LibraryCall,
  sampleIds: readonly number[] | null,
  limit: number,
): Promise<ChatSuggestion[]> {
  const map = suggestedTags(db, sampleIds, null, limit);
  const refs = await sampleRefs(call, [...map.keys()]);
  return refs.map((sample) => ({ sample, tags: map.get(sample.id) ?? [] }));
}

/**
 * Accepts or rejects suggestions through the library's own tag handler (so the search
 * index and the UI hear of it): adding turns a suggestion into a user tag, removing
 * marks it rejected. Only samples that hold that suggestion are touched.
 */
export async function decideSuggestions(
  db: Db,
  call: LibraryCall,
  decision: 'accept' | 'reject',
  sampleIds: readonly number[],
  tags: readonly string[] | null,
): Promise<number> {
  const byTag = new Map<string, number[]>();
  for (const [id, list] of suggestedTags(db, sampleIds, tags)) {
    for (const tag of list) byTag.set(tag, [...(byTag.get(tag) ?? []), id]);
  }
  let changed = 0;
  for (const [tag, ids] of byTag) {
    const result = await call(
      'tags.apply',
      decision === 'accept' ? { sampleIds: ids, add: [tag] } : { sampleIds: ids, remove: [tag] },
    );
    changed += result.changed;
  }
  return changed;
}
