/**
 * Which samples the tagging job looks at, and the metadata it sends for each: names,
 * folder and analysis numbers only — never audio, never the full path.
 */
import type { Db } from '../../../library/db';
import {
  countTagCandidates,
  tagCandidateRows,
  type TagCandidateRow as Row,
} from '../../../library/tagCandidates';

export interface TaggingCandidate {
  id: number;
  name: string;
  folder: string;
  facts: Record<string, unknown>;
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
  return countTagCandidates(db, sampleIds, afterId);
}

export function nextCandidates(
  db: Db,
  sampleIds: readonly number[] | null,
  afterId: number,
  limit: number,
): TaggingCandidate[] {
  return tagCandidateRows(db, sampleIds, afterId, limit).map(toCandidate);
}
