import type { AudioFormat } from '../../shared/contract';
import type { Db } from './db';
import { pickKeeper, type KeeperFacts } from './duplicates';

interface FactsRow {
  id: number;
  content_hash: string;
  format: AudioFormat;
  bit_depth: number | null;
  sample_rate: number | null;
  rating: number;
  favorite: number;
  added_at: number;
  tag_count: number;
}

/**
 * The extra copies of the library's exact duplicates: in each group of present samples
 * with the same content hash, every sample but the one `pickKeeper` suggests keeping (the
 * same choice the Duplicates view shows). Ascending ids. "Hide duplicates" leaves these out.
 */
export function extraCopyIds(db: Db): number[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.content_hash, s.format, s.bit_depth, s.sample_rate, s.rating, s.favorite,
              s.added_at,
              (SELECT count(*) FROM sample_tags st
                WHERE st.sample_id = s.id AND st.source IN ('user', 'auto')) AS tag_count
         FROM samples s
        WHERE s.missing = 0 AND s.content_hash IN (
          SELECT content_hash FROM samples INDEXED BY samples_hash
           WHERE content_hash IS NOT NULL
           GROUP BY content_hash HAVING count(*) > 1)
        ORDER BY s.id`,
    )
    .all() as FactsRow[];
  const groups = new Map<string, KeeperFacts[]>();
  for (const r of rows) {
    const facts: KeeperFacts = {
      id: r.id,
      format: r.format,
      bitDepth: r.bit_depth,
      sampleRate: r.sample_rate,
      rating: r.rating,
      favorite: r.favorite === 1,
      addedAt: r.added_at,
      tags: { length: r.tag_count },
    };
    const group = groups.get(r.content_hash);
    if (group) group.push(facts);
    else groups.set(r.content_hash, [facts]);
  }
  const out: number[] = [];
  // (Groups are found on the hash index alone; a group left with one present copy has no extras.)
  for (const group of groups.values()) {
    const keeper = pickKeeper(group);
    for (const s of group) if (s.id !== keeper) out.push(s.id);
  }
  return out.sort((a, b) => a - b);
}
