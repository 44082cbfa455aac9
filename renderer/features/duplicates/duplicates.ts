import type { SampleSummary } from '../../../shared/contract';
import type { DuplicatesReport } from '../../../shared/contract/similar';

/** One group as the duplicates view shows it: exact (same content) or near (same sound). */
export interface DuplicateRow {
  key: string;
  kind: 'exact' | 'near';
  samples: SampleSummary[];
  keeperId: number;
  /** 1 for exact copies; the smallest pairwise similarity for near ones. */
  similarity: number;
  differences: string[];
  /** Bytes held by the copies other than the keeper. */
  extraBytes: number;
}

function extraBytes(samples: SampleSummary[], keeperId: number): number {
  return samples.reduce((n, s) => (s.id === keeperId ? n : n + s.sizeBytes), 0);
}

/** Flattens the backend report into rows: exact groups first, then near groups by similarity. */
export function duplicateRows(report: DuplicatesReport): DuplicateRow[] {
  const exact: DuplicateRow[] = report.exact.map((g) => ({
    key: `exact:${g.contentHash}`,
    kind: 'exact',
    samples: g.samples,
    keeperId: g.keeperId,
    similarity: 1,
    differences: [],
    extraBytes: extraBytes(g.samples, g.keeperId),
  }));
  const near: DuplicateRow[] = [...report.near]
    .sort((a, b) => b.similarity - a.similarity)
    .map((g) => ({
      key: `near:${g.samples.map((s) => s.id).join(',')}`,
      kind: 'near',
      samples: g.samples,
      keeperId: g.keeperId,
      similarity: g.similarity,
      differences: g.differences,
      extraBytes: extraBytes(g.samples, g.keeperId),
    }));
  return [...exact, ...near];
}

/** Headline for the view: counts of each kind and the bytes in extra copies. */
export function duplicatesHeadline(rows: DuplicateRow[]): {
  exact: number;
  near: number;
  extraBytes: number;
} {
  const exact = rows.filter((r) => r.kind === 'exact').length;
  const extraBytes = rows.reduce((sum, r) => sum + r.extraBytes, 0);
  return { exact, near: rows.length - exact, extraBytes };
}
