/**
 * The feature step: (path) → Float32Array, computed by the app's own TypeScript
 * analysis code, cached per (extractor version, file content hash) in
 * models/training/.data/features-<version>.jsonl so that re-runs only compute new files.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PROVISIONAL_FEATURE_VERSION,
  provisionalFeaturesOfFile,
} from '../../electron/analysis/classify/provisionalFeatures';
import type { ManifestEntry } from './manifestTypes';

export interface FeatureExtractor {
  /** Goes into the model's metadata; inference must use the same extractor. */
  version: string;
  extract(path: string): Promise<Float32Array>;
}

/**
 * TEMPORARY: the provisional vector (electron/analysis/classify/provisionalFeatures.ts).
 * Switch to the analysis engine's `featureVector` once its `analyzeFile` exists.
 */
export const provisionalExtractor: FeatureExtractor = {
  version: PROVISIONAL_FEATURE_VERSION,
  extract: provisionalFeaturesOfFile,
};

export interface FeatureTable {
  version: string;
  length: number;
  /** Feature vector of each manifest entry, by entry id (entries that failed are absent). */
  byId: Map<string, Float32Array>;
  failures: { id: string; error: string }[];
}

/** Features of every entry, from the cache where possible. */
export async function computeFeatures(
  entries: readonly ManifestEntry[],
  extractor: FeatureExtractor,
  dataDir: string,
  log: (m: string) => void = console.log,
): Promise<FeatureTable> {
  const cachePath = join(dataDir, `features-${extractor.version}.jsonl`);
  const cache = new Map<string, Float32Array>();
  if (existsSync(cachePath)) {
    for (const line of readFileSync(cachePath, 'utf8').split('\n')) {
      if (!line) continue;
      const { sha1, v } = JSON.parse(line) as { sha1: string; v: number[] };
      cache.set(sha1, Float32Array.from(v));
    }
  }
  const byId = new Map<string, Float32Array>();
  const failures: { id: string; error: string }[] = [];
  let computed = 0;
  const t0 = Date.now();
  for (const e of entries) {
    let v = cache.get(e.sha1);
    if (!v) {
      try {
        v = await extractor.extract(e.path);
      } catch (err) {
        failures.push({ id: e.id, error: err instanceof Error ? err.message : String(err) });
        continue;
      }
      cache.set(e.sha1, v);
      appendFileSync(cachePath, `${JSON.stringify({ sha1: e.sha1, v: Array.from(v) })}\n`);
      computed++;
      if (computed % 500 === 0)
        log(
          `  features: ${computed} computed (${((Date.now() - t0) / computed).toFixed(1)} ms/file)`,
        );
    }
    byId.set(e.id, v);
  }
  const lengths = new Set([...byId.values()].map((v) => v.length));
  if (lengths.size > 1)
    throw new Error(`feature vectors of different lengths: ${[...lengths].join(', ')}`);
  log(`features: ${byId.size} vectors (${computed} new), ${failures.length} failures`);
  return { version: extractor.version, length: [...lengths][0] ?? 0, byId, failures };
}
