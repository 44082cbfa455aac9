import type { SearchFilters } from '../../../shared/schemas';
import { bpmRanges, keyCode, parseKey, relatedKeys } from '../../../shared/music';
import { AppError } from '../../../shared/result';
import type { Db } from '../db';
import { extraCopyIds } from '../extraCopies';

export interface SqlPart {
  where: string[];
  params: unknown[];
}

const VISIBLE_TAG = "st.source IN ('user', 'auto')";

/**
 * Translates search filters into WHERE terms over `samples s` (all ANDed). The database is
 * read only for `hideDuplicates` (which copy of a group is kept is decided in code).
 */
export function filterSql(filters: SearchFilters | undefined, db: Db): SqlPart {
  const where: string[] = [];
  const params: unknown[] = [];
  const f = filters ?? {};

  const missing = f.missing ?? 'exclude';
  if (missing === 'only') where.push('s.missing = 1');
  else if (missing === 'exclude') where.push('s.missing = 0');

  if (f.kind) {
    where.push('s.kind = ?');
    params.push(f.kind);
  }
  if (f.classes && f.classes.length > 0) {
    where.push(`s.class IN (${f.classes.map(() => '?').join(', ')})`);
    params.push(...f.classes);
    if (f.includeGuesses !== true) where.push("(s.class_tier IS NULL OR s.class_tier <> 'guess')");
  }
  if (f.bpm) {
    const ranges = bpmRanges(f.bpm.min, f.bpm.max, f.bpm.halfDouble ?? false);
    where.push(`(${ranges.map(() => 's.bpm BETWEEN ? AND ?').join(' OR ')})`);
    for (const [lo, hi] of ranges) params.push(lo, hi);
  }
  if (f.key) {
    const key = parseKey(f.key.key);
    if (!key)
      throw new AppError('BAD_INPUT', `"${f.key.key}" is not a key (try "A minor" or "F#m")`);
    const codes = relatedKeys(key, f.key.relation ?? 'exact').map(keyCode);
    where.push(`s.key_code IN (${codes.map(() => '?').join(', ')})`);
    params.push(...codes);
  }
  rangeFilter(where, params, 's.duration', f.durationSec);
  rangeFilter(where, params, 's.lufs', f.lufs);
  for (const tag of f.tags ?? []) {
    where.push(
      `EXISTS (SELECT 1 FROM sample_tags st JOIN tags t ON t.id = st.tag_id
                WHERE st.sample_id = s.id AND t.name = ? AND ${VISIBLE_TAG})`,
    );
    params.push(tag);
  }
  if (f.favorite === true) where.push('s.favorite = 1');
  else if (f.favorite === false) where.push('s.favorite = 0');
  if (f.minRating !== undefined && f.minRating > 0) {
    where.push('s.rating >= ?');
    params.push(f.minRating);
  }
  if (f.folderId !== undefined) {
    where.push('s.folder_id = ?');
    params.push(f.folderId);
  }
  if (f.dir !== undefined && f.dir !== '') {
    const dir = f.dir.replace(/\/+$/, '');
    // Everything at or below the folder: "dir" itself, or "dir/…" ('0' sorts right after '/').
    where.push('(s.dir = ? OR (s.dir >= ? AND s.dir < ?))');
    params.push(dir, `${dir}/`, `${dir}0`);
  }
  if (f.collectionId !== undefined) {
    where.push('s.id IN (SELECT sample_id FROM collection_samples WHERE collection_id = ?)');
    params.push(f.collectionId);
  }
  if (f.formats && f.formats.length > 0) {
    where.push(`s.format IN (${f.formats.map(() => '?').join(', ')})`);
    params.push(...f.formats);
  }
  if (f.analysis) {
    where.push('s.analysis_status = ?');
    params.push(f.analysis);
  }
  if (f.untagged) {
    where.push(
      "NOT EXISTS (SELECT 1 FROM sample_tags st WHERE st.sample_id = s.id AND st.source = 'user')",
    );
  }
  if (f.addedSinceMs !== undefined) {
    where.push('s.added_at >= ?');
    params.push(f.addedSinceMs);
  }
  if (f.duplicates) {
    where.push(
      's.content_hash IS NOT NULL AND EXISTS (SELECT 1 FROM samples d WHERE d.content_hash = s.content_hash AND d.id <> s.id)',
    );
  }
  if (f.hideDuplicates) {
    where.push('s.id NOT IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(extraCopyIds(db)));
  }
  if (f.ids && f.ids.length > 0) {
    where.push('s.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.ids));
  }
  return { where, params };
}

function rangeFilter(
  where: string[],
  params: unknown[],
  column: string,
  range: { min?: number | undefined; max?: number | undefined } | undefined,
): void {
  if (!range) return;
  if (range.min !== undefined) {
    where.push(`${column} >= ?`);
    params.push(range.min);
  }
  if (range.max !== undefined) {
    where.push(`${column} <= ?`);
    params.push(range.max);
  }
}
