/**
 * The samples the AI tagging job may look at, read from the library: chosen ones, or
 * those the classifier is unsure of that the user has not tagged nor decided on.
 */
import type { Db } from './db';

export interface TagCandidateRow {
  id: number;
  name: string;
  dir: string;
  kind: string | null;
  bpm: number | null;
  key: string | null;
  root_note: string | null;
  duration: number | null;
  lufs: number | null;
  brightness: number | null;
  attack_sec: number | null;
  tail_sec: number | null;
  class: string | null;
  class_confidence: number | null;
  class_tier: string | null;
  class_candidates_json: string | null;
  loop_class: string | null;
}

/** Below this classifier confidence a sample counts as "the classifier is unsure". */
export const UNSURE_CONFIDENCE = 0.5;

/**
 * Chosen automatically: the classifier is unsure (no class, a guess, or a low
 * confidence) or analysis gave no
 * tags, and the user has not tagged it nor decided on earlier suggestions.
 */
const WHERE_AUTO = `(s.class IS NULL OR s.class_tier = 'guess'
    OR coalesce(s.class_confidence, 0) < ${UNSURE_CONFIDENCE}
    OR NOT EXISTS (SELECT 1 FROM sample_tags x WHERE x.sample_id = s.id AND x.source = 'auto'))
  AND NOT EXISTS (SELECT 1 FROM sample_tags x WHERE x.sample_id = s.id AND x.source IN ('user', 'suggested', 'rejected'))`;

function where(selected: boolean): string {
  return `s.missing = 0 AND s.id > ? AND ${selected ? 's.id IN (SELECT value FROM json_each(?))' : WHERE_AUTO}`;
}

/** The samples with an id above `afterId` the job would look at (of `sampleIds` when given). */
export function countTagCandidates(
  db: Db,
  sampleIds: readonly number[] | null,
  afterId = 0,
): number {
  const params: unknown[] = [afterId];
  if (sampleIds) params.push(JSON.stringify(sampleIds));
  return (
    db
      .prepare(`SELECT count(*) AS n FROM samples s WHERE ${where(sampleIds !== null)}`)
      .get(...params) as { n: number }
  ).n;
}

/** The next `limit` of those samples by id, with the metadata the job sends. */
export function tagCandidateRows(
  db: Db,
  sampleIds: readonly number[] | null,
  afterId: number,
  limit: number,
): TagCandidateRow[] {
  const params: unknown[] = [afterId];
  if (sampleIds) params.push(JSON.stringify(sampleIds));
  params.push(limit);
  return db
    .prepare(
      `SELECT s.id, s.name, s.dir, s.kind, s.bpm, s.key, s.root_note, s.duration, s.lufs, s.brightness,
              s.attack_sec, s.tail_sec, s.class, s.class_confidence, s.class_tier, s.class_candidates_json, s.loop_class
         FROM samples s WHERE ${where(sampleIds !== null)} ORDER BY s.id LIMIT ?`,
    )
    .all(...params) as TagCandidateRow[];
}
