import { analyzeFile } from '../../analysis/analyzeFile';
import { classifyResult } from '../../analysis/classify/workerClassifier';
import type { Db } from '../db';

/** What "similar to this file" searches from: the library's own row, or vectors made now. */
export type SimilarTarget =
  { sampleId: number } | { vectors: { featureVector: number[]; embedding?: number[] } };

/**
 * The library sample at `path` when it is present and analysed; otherwise (a file outside
 * the library, or not analysed yet) the file is analysed here and its vectors are used.
 */
export async function similarTargetOf(db: Db, path: string): Promise<SimilarTarget> {
  const known = db
    .prepare('SELECT id FROM samples WHERE path = ? AND missing = 0')
    .pluck()
    .get(path) as number | undefined;
  const analysed =
    known !== undefined &&
    db.prepare('SELECT 1 FROM sample_features WHERE sample_id = ?').get(known) !== undefined;
  if (known !== undefined && analysed) return { sampleId: known };
  const result = await analyzeFile(path);
  const cls = await classifyResult(result);
  return {
    vectors: {
      featureVector: [...result.featureVector],
      ...(cls ? { embedding: [...cls.embedding] } : {}),
    },
  };
}
