import type { AudioFormat } from '../../shared/contract';
import type { Db } from './db';
import { pickKeeper, type KeeperFacts } from './duplicates';

interface FactsRow {
  id: number;
  content_hash: string;
  /** The decoded audio's hash, when the duplicates report matched it to another container's. */
  pcm_hash: string | null;
  format: AudioFormat;
  bit_depth: number | null;
  sample_rate: number | null;
  rating: number;
  favorite: number;
  added_at: number;
  tag_count: number;
}

/** Groups of rows linked by the same content hash or the same decoded audio (union-find). */
function linkedGroups(rows: readonly FactsRow[]): FactsRow[][] {
  const parent = rows.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWith = new Map<string, number>();
  const link = (key: string, i: number) => {
    const j = firstWith.get(key);
    if (j === undefined) firstWith.set(key, i);
    else parent[root(i)] = root(j);
  };
  rows.forEach((r, i) => {
    link(`c:${r.content_hash}`, i);
    if (r.pcm_hash) link(`p:${r.pcm_hash}`, i);
  });
  const groups = new Map<number, FactsRow[]>();
  rows.forEach((r, i) => {
    const k = root(i);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  });
  return [...groups.values()];
}

/**
 * The extra copies of the library's exact duplicates, as the Duplicates view groups them:
 * present samples with the same content hash, joined with those the duplicates report found
 * to hold the same decoded audio in another container (same_audio, see sameAudio.ts). In
 * each group every sample but the one `pickKeeper` suggests keeping (the view's choice).
 * Ascending ids. "Hide duplicates" leaves these out; near duplicates (re-encodes, trims,
 * gain changes) are other files and stay.
 */
export function extraCopyIds(db: Db): number[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.content_hash, a.pcm_hash, s.format, s.bit_depth, s.sample_rate, s.rating,
              s.favorite, s.added_at,
              (SELECT count(*) FROM sample_tags st
                WHERE st.sample_id = s.id AND st.source IN ('user', 'auto')) AS tag_count
         FROM samples s
         LEFT JOIN same_audio a ON a.sample_id = s.id AND a.content_hash = s.content_hash
        WHERE s.missing = 0 AND (s.content_hash IN (
          SELECT content_hash FROM samples INDEXED BY samples_hash
           WHERE content_hash IS NOT NULL
           GROUP BY content_hash HAVING count(*) > 1) OR a.pcm_hash IS NOT NULL)
        ORDER BY s.id`,
    )
    .all() as FactsRow[];
  const out: number[] = [];
  // (A group left with one present copy has no extras.)
  for (const group of linkedGroups(rows)) {
    if (group.length < 2) continue;
    const keeper = pickKeeper(group.map(facts));
    for (const s of group) if (s.id !== keeper) out.push(s.id);
  }
  return out.sort((a, b) => a - b);
}

function facts(r: FactsRow): KeeperFacts {
  return {
    id: r.id,
    format: r.format,
    bitDepth: r.bit_depth,
    sampleRate: r.sample_rate,
    rating: r.rating,
    favorite: r.favorite === 1,
    addedAt: r.added_at,
    tags: { length: r.tag_count },
  };
}
