import type { EmbeddedMetadata, NameHints, SampleDetail, SampleTag } from '../../shared/contract';
import { AppError, isErrorCode } from '../../shared/result';
import type { Db } from './db';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './sampleRow';

interface DetailRow extends SummaryRow {
  codec: string | null;
  content_hash: string | null;
  mtime_ms: number;
  embedded_json: string | null;
  name_hints_json: string | null;
  warnings_json: string | null;
  bpm_confidence: number | null;
  key_confidence: number | null;
  sample_peak: number | null;
  analysis_error_code: string | null;
  analysis_error_message: string | null;
  analyzed_at: number | null;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Everything the library knows about one sample. */
export function sampleDetail(db: Db, id: number): SampleDetail {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, s.codec, s.content_hash, s.mtime_ms, s.embedded_json, s.name_hints_json, s.warnings_json,
              s.bpm_confidence, s.key_confidence, s.sample_peak, s.analysis_error_code, s.analysis_error_message, s.analyzed_at
         FROM samples s WHERE s.id = ?`,
    )
    .get(id) as DetailRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `sample ${id} does not exist`);
  const tagDetails = db
    .prepare(
      `SELECT t.name AS name, st.source AS source FROM sample_tags st JOIN tags t ON t.id = st.tag_id
        WHERE st.sample_id = ? AND st.source IN ('user', 'auto', 'suggested') ORDER BY t.name`,
    )
    .all(id) as SampleTag[];
  const collections = db
    .prepare(
      `SELECT c.id, c.name FROM collection_samples cs JOIN collections c ON c.id = cs.collection_id
        WHERE cs.sample_id = ? ORDER BY c.name COLLATE NOCASE`,
    )
    .all(id) as Array<{ id: number; name: string }>;
  const visible = tagDetails.filter((t) => t.source !== 'suggested');
  const mine = visible.filter((t) => t.source === 'user').map((t) => t.name);
  const auto = visible.filter((t) => t.source === 'auto' && !mine.includes(t.name));
  const summary = toSummary(row, {
    names: [...mine, ...auto.map((t) => t.name)],
    user: mine.length,
  });
  const code = row.analysis_error_code;
  return {
    ...summary,
    codec: row.codec,
    contentHash: row.content_hash,
    mtimeMs: row.mtime_ms,
    embedded: parseJson<EmbeddedMetadata>(row.embedded_json, {}),
    nameHints: parseJson<NameHints>(row.name_hints_json, {}),
    tagDetails,
    collections,
    bpmConfidence: row.bpm_confidence,
    keyConfidence: row.key_confidence,
    samplePeakDb: row.sample_peak,
    analysisError:
      code && isErrorCode(code) ? { code, message: row.analysis_error_message ?? '' } : null,
    analyzedAt: row.analyzed_at,
    warnings: parseJson<string[]>(row.warnings_json, []),
  };
}
