/**
 * Which samples the tagging job looks at, and the metadata it sends for each: names,
 * folder and analysis numbers only — never audio, never the full path.
 */
import type { Db } from '../../../library/db';

export interface TaggingCandidate {
  id: number;
  name: string;
  folder: string;
  facts: Record<string, unknown>;
}

interface Row {
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

const r = (v: number | null, d = 2) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

function toCandidate(row: Row): TaggingCandidate {
  const facts: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== null && v !== undefined) facts[k] = v;
  };
  put('kind', row.kind);
  put('bpm', r(row.bpm, 1));
  put('key', row.key ?? row.root_note);
  put('seconds', r(row.duration));
  put('lufs', r(row.lufs, 1));
  put('brightness', r(row.brightness));
  put('attackSec', r(row.attack_sec, 3));
  put('tailSec', r(row.tail_sec));
  put('class', row.class ?? row.loop_class);
  put('classConfidence', r(row.class_confidence));
  put('classTier', row.class ? row.class_tier : null);
  if (row.class_candidates_json) {
    try {
      const list = JSON.parse(row.class_candidates_json) as Array<{ class: string; p: number }>;
      if (Array.isArray(list))
        put(
          'candidates',
          list.slice(0, 3).map((c) => ({ class: c.class, p: r(c.p) })),
        );
    } catch {
      // a broken candidates column is left out
    }
  }
  return { id: row.id, name: row.name.slice(0, 120), folder: row.dir.slice(-80), facts };
}

export function countCandidates(db: Db, sampleIds: readonly number[] | null, afterId = 0): number {
  const params: unknown[] = [afterId];
  if (sampleIds) params.push(JSON.stringify(sampleIds));
  return (
    db
      .prepare(`SELECT count(*) AS n FROM samples s WHERE ${where(sampleIds !== null)}`)
      .get(...params) as { n: number }
  ).n;
}

export function nextCandidates(
  db: Db,
  sampleIds: readonly number[] | null,
  afterId: number,
  limit: number,
): TaggingCandidate[] {
  const params: unknown[] = [afterId];
  if (sampleIds) params.push(JSON.stringify(sampleIds));
  params.push(limit);
  const rows = db
    .prepare(
      `SELECT s.id, s.name, s.dir, s.kind, s.bpm, s.key, s.root_note, s.duration, s.lufs, s.brightness,
              s.attack_sec, s.tail_sec, s.class, s.class_confidence, s.class_tier, s.class_candidates_json, s.loop_class
         FROM samples s WHERE ${where(sampleIds !== null)} ORDER BY s.id LIMIT ?`,
    )
    .all(...params) as Row[];
  return rows.map(toCandidate);
}
