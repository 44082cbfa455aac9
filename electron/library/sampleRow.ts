import type { AnalysisStatus, AudioFormat, SampleSummary } from '../../shared/contract';
import type { ClassTier, SampleClass, SampleKind } from '../../shared/taxonomy';

/** The columns every sample listing selects (alias `s` for samples). */
export const SUMMARY_COLUMNS = `
  s.id, s.folder_id, s.path, s.name, s.dir, s.format, s.size, s.added_at, s.duration,
  s.sample_rate, s.channels, s.bit_depth, s.kind, s.bpm, s.key, s.root_note, s.lufs,
  s.true_peak, s.class, s.class_confidence, s.class_source, s.class_tier, s.rating, s.favorite, s.analysis_status, s.missing`;

export interface SummaryRow {
  id: number;
  folder_id: number;
  path: string;
  name: string;
  dir: string;
  format: string;
  size: number;
  added_at: number;
  duration: number | null;
  sample_rate: number | null;
  channels: number | null;
  bit_depth: number | null;
  kind: string | null;
  bpm: number | null;
  key: string | null;
  root_note: string | null;
  lufs: number | null;
  true_peak: number | null;
  class: string | null;
  class_confidence: number | null;
  class_source: string | null;
  class_tier: string | null;
  rating: number;
  favorite: number;
  analysis_status: string;
  missing: number;
}

/** `tags`: the sample's visible tags, the user's first (none when absent). */
export function toSummary(
  row: SummaryRow,
  tags: { names: string[]; user: number } | undefined,
): SampleSummary {
  return {
    id: row.id,
    folderId: row.folder_id,
    path: row.path,
    name: row.name,
    dir: row.dir,
    format: row.format as AudioFormat,
    sizeBytes: row.size,
    addedAt: row.added_at,
    durationSec: row.duration,
    sampleRate: row.sample_rate,
    channels: row.channels,
    bitDepth: row.bit_depth,
    kind: row.kind as SampleKind | null,
    bpm: row.bpm,
    key: row.key,
    rootNote: row.root_note,
    lufs: row.lufs,
    truePeakDb: row.true_peak,
    class: row.class as SampleClass | null,
    classConfidence: row.class_confidence,
    classSource: row.class_source as SampleSummary['classSource'],
    classTier: row.class_tier as ClassTier | null,
    rating: row.rating,
    favorite: row.favorite === 1,
    tags: tags?.names ?? [],
    userTagCount: tags?.user ?? 0,
    analysis: row.analysis_status as AnalysisStatus,
    missing: row.missing === 1,
  };
}
