/**
 * Suggested tags awaiting the user's decision: list them, accept (they become the
 * user's tags) or reject (remembered, so they are not suggested again).
 */
import type { ChatSuggestion } from '../../../../shared/contract/chat';
import type { Db } from '../../../library/db';
import { suggestedTags } from '../../../library/suggestedTags';
import type { LibraryCall } from '../libraryCall';
import { sampleRefs } from '../sampleRefs';

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
