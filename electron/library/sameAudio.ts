import type { Db } from './db';

/** A group of samples whose decoded audio is the same (one PCM hash), as the duplicates report found it. */
export interface SameAudioGroup {
  pcmHash: string;
  ids: readonly number[];
}

/**
 * Remembers what the duplicates report confirmed by decoding (same PCM in other containers),
 * for "hide duplicates". Returns the ids whose record is new or changed (none when the report
 * found what it found before).
 */
export function rememberSameAudio(db: Db, groups: readonly SameAudioGroup[]): number[] {
  if (groups.length === 0) return [];
  const current = db.prepare(
    'SELECT s.content_hash AS content, a.content_hash AS was, a.pcm_hash AS pcm FROM samples s LEFT JOIN same_audio a ON a.sample_id = s.id WHERE s.id = ?',
  );
  const put = db.prepare(
    `INSERT INTO same_audio (sample_id, content_hash, pcm_hash) VALUES (?, ?, ?)
       ON CONFLICT(sample_id) DO UPDATE SET content_hash = excluded.content_hash, pcm_hash = excluded.pcm_hash`,
  );
  const changed: number[] = [];
  db.transaction(() => {
    for (const g of groups)
      for (const id of g.ids) {
        const row = current.get(id) as
          { content: string | null; was: string | null; pcm: string | null } | undefined;
        if (!row?.content || (row.was === row.content && row.pcm === g.pcmHash)) continue;
        put.run(id, row.content, g.pcmHash);
        changed.push(id);
      }
  })();
  return changed;
}
