/**
 * The samples a similarity search may return: present, not missing (unless asked), and
 * passing the search filters — evaluated by the search index's own filter passes, so
 * "similar" and "search" agree on what every filter means.
 */
import type { SearchFilters } from '../../../shared/schemas';
import { filterPasses } from '../searchIndex/filterPasses';
import type { LibraryIndex } from '../searchIndex/libraryIndex';

let scratch = new Int32Array(0);

export function candidateIds(
  index: LibraryIndex,
  filters: SearchFilters | undefined,
): { ids: Int32Array; length: number } {
  const c = index.columns;
  if (scratch.length < c.maxId + 1)
    scratch = new Int32Array(Math.max(c.maxId + 1, scratch.length * 2));
  const ids = scratch;
  const mode = filters?.missing ?? 'exclude';
  const want = mode === 'only' ? 1 : 0;
  const check = mode !== 'include';
  const present = c.present;
  const missing = c.missing;
  let length = 0;
  for (let id = 1; id <= c.maxId; id++) {
    if (present[id] === 1 && (!check || missing[id] === want)) ids[length++] = id;
  }
  for (const pass of filterPasses(index, filters)) length = pass(ids, length);
  return { ids, length };
}
