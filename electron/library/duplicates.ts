import type { DuplicateGroup, SampleSummary } from '../../shared/contract';
import type { Db } from './db';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './sampleRow';
import { tagsOf } from './tagsOf';

const LOSSLESS = new Set(['wav', 'aiff', 'flac']);

/** What the keeper choice looks at (a `SampleSummary` has it all). */
export type KeeperFacts = Pick<
  SampleSummary,
  'id' | 'format' | 'bitDepth' | 'sampleRate' | 'rating' | 'favorite' | 'addedAt'
> & { tags: { readonly length: number } };

/**
 * How much a copy is worth keeping: lossless over lossy, more bits and a higher rate,
 * then the copy the user has invested in (tags, rating, favourite), then the oldest.
 */
function keeperScore(s: KeeperFacts): number {
  return (
    (LOSSLESS.has(s.format) ? 1e6 : 0) +
    (s.bitDepth ?? 0) * 1e3 +
    (s.sampleRate ?? 0) / 1e3 +
    s.tags.length * 10 +
    s.rating * 20 +
    (s.favorite ? 50 : 0)
  );
}

export function pickKeeper(samples: readonly KeeperFacts[]): number {
  let best = samples[0]!;
  for (const s of samples.slice(1)) {
    const d = keeperScore(s) - keeperScore(best);
    if (d > 0 || (d === 0 && s.addedAt < best.addedAt)) best = s;
  }
  return best.id;
}

/** Groups of samples with identical audio content (same fingerprint), largest first. */
export function exactDuplicates(db: Db, limit = 1000): DuplicateGroup[] {
  const hashes = db
    .prepare(
      `SELECT content_hash AS h FROM samples WHERE content_hash IS NOT NULL AND missing = 0
        GROUP BY content_hash HAVING count(*) > 1 ORDER BY count(*) DESC, min(id) LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[];
  if (hashes.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, s.content_hash AS content_hash FROM samples s
        WHERE s.missing = 0 AND s.content_hash IN (SELECT value FROM json_each(?)) ORDER BY s.id`,
    )
    .all(JSON.stringify(hashes)) as Array<SummaryRow & { content_hash: string }>;
  const tags = tagsOf(
    db,
    rows.map((r) => r.id),
  );
  const groups = new Map<string, SampleSummary[]>();
  for (const r of rows) {
    const list = groups.get(r.content_hash) ?? [];
    list.push(toSummary(r, tags.get(r.id)));
    groups.set(r.content_hash, list);
  }
  return hashes.map((h) => {
    const samples = groups.get(h) ?? [];
    return { contentHash: h, samples, keeperId: pickKeeper(samples) };
  });
}
