/**
 * The feature step: (path) → Float32Array, computed by the app's own TypeScript
 * analysis code, cached per (extractor version, file content hash) in
 * models/training/.data/features-<version>.jsonl so that re-runs only compute new files.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../../electron/analysis/analyzeFile';
import { FEATURE_VECTOR_VERSION } from '../../electron/analysis/vector/featureVector';
import { ANALYZER_VERSION } from '../../electron/analysis/version';
import {
  PROVISIONAL_FEATURE_VERSION,
  provisionalFeaturesOfFile,
} from '../../electron/analysis/classify/provisionalFeatures';
import { TIME_FREQUENCY_VECTOR_VERSION } from '../../electron/analysis/vector/timeFrequencyVector';
import { vectorWithPatch } from '../../electron/analysis/classify/modelInput';
import {
  MEL_PATCH_BANDS,
  MEL_PATCH_COLUMNS,
  MEL_PATCH_VERSION,
} from '../../electron/analysis/features/melPatch';
import type { ManifestEntry } from './manifestTypes';
import { timeFrequencyOfFile } from './timeFrequencyOfFile';

export interface FeatureExtractor {
  /** Goes into the model's metadata; inference must use the same extractor. */
  version: string;
  extract(path: string): Promise<Float32Array>;
  /** Set when the vector ends with a log-mel patch (bands × columns, band-major). */
  mel?: { bands: number; columns: number };
}

/**
 * TEMPORARY: the provisional vector (electron/analysis/classify/provisionalFeatures.ts).
 * Switch to the analysis engine's `featureVector` once its `analyzeFile` exists.
 */
export const provisionalExtractor: FeatureExtractor = {
  version: PROVISIONAL_FEATURE_VERSION,
  extract: provisionalFeaturesOfFile,
};

/**
 * The analysis engine's own vector: `featureVector` of `analyzeFile` (exactly what the
 * app stores for every sample and classifies at run time). This is the default.
 */
export const engineExtractor: FeatureExtractor = {
  // the analyser version is part of the cache key: a changed algorithm recomputes
  version: `engine-v${FEATURE_VECTOR_VERSION}@${ANALYZER_VERSION}`,
  extract: async (path) => (await analyzeFile(path)).featureVector,
};

/**
 * EXPERIMENT: the engine's vector followed by the provisional vector (which adds a
 * level-independent spectral profile, attack/late MFCCs and periodicity). Used to measure
 * what the engine's vector lacks; not the shipped model's input.
 */
export const hybridExtractor: FeatureExtractor = {
  version: `engine-v${FEATURE_VECTOR_VERSION}@${ANALYZER_VERSION}+${PROVISIONAL_FEATURE_VERSION}`,
  extract: async (path) => {
    const a = (await analyzeFile(path)).featureVector;
    const b = await provisionalFeaturesOfFile(path);
    const out = new Float32Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  },
};

/**
 * EXPERIMENT: the engine's vector followed by the proposed onset-aligned time–frequency
 * block (electron/analysis/vector/timeFrequencyVector.ts, 122 dimensions) — the candidate
 * for feature vector version 2. Not the shipped model's input.
 */
export const engineTfExtractor: FeatureExtractor = {
  version: `engine-v${FEATURE_VECTOR_VERSION}@${ANALYZER_VERSION}+tf-${TIME_FREQUENCY_VECTOR_VERSION}`,
  extract: async (path) => {
    const a = (await analyzeFile(path)).featureVector;
    const b = await timeFrequencyOfFile(path);
    const out = new Float32Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  },
};

/**
 * The engine's vector followed by its attack-aligned log-mel patch (`melPatch` of
 * `analyzeFile`, electron/analysis/features/melPatch.ts): the input of the convolutional
 * model, exactly what the analysis worker hands the classifier.
 */
export const engineMelExtractor: FeatureExtractor = {
  version: `engine-v${FEATURE_VECTOR_VERSION}@${ANALYZER_VERSION}+mel-${MEL_PATCH_VERSION}`,
  mel: { bands: MEL_PATCH_BANDS, columns: MEL_PATCH_COLUMNS },
  extract: async (path) => {
    const r = await analyzeFile(path);
    return vectorWithPatch(r.featureVector, r.melPatch);
  },
};

export const EXTRACTORS: Readonly<Record<string, FeatureExtractor>> = {
  engine: engineExtractor,
  'engine-mel': engineMelExtractor,
  'engine-tf': engineTfExtractor,
  hybrid: hybridExtractor,
  provisional: provisionalExtractor,
};

export interface Shard {
  index: number;
  count: number;
}

/** Which shard computes an entry (by content hash, so shards are stable). */
export function shardOf(sha1: string, count: number): number {
  return parseInt(sha1.slice(0, 8), 16) % count;
}

/** A vector as base64 of its little-endian float32 bytes (exact, and compact for long vectors). */
export function encodeF32(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

export function decodeF32(b64: string): Float32Array {
  const bytes = Buffer.from(b64, 'base64');
  const out = new Float32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

function loadCache(dataDir: string, version: string): Map<string, Float32Array> {
  const cache = new Map<string, Float32Array>();
  const prefix = `features-${version}.`;
  const files = existsSync(dataDir)
    ? readdirSync(dataDir).filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
    : [];
  for (const file of files.sort()) {
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      if (!line) continue;
      try {
        const row = JSON.parse(line) as { sha1: string; v?: number[]; f32?: string };
        cache.set(
          row.sha1,
          row.f32 !== undefined ? decodeF32(row.f32) : Float32Array.from(row.v ?? []),
        );
      } catch {
        // a line cut short by an interrupted run: recomputed
      }
    }
  }
  return cache;
}

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
  shard?: Shard,
): Promise<FeatureTable> {
  const cachePath = join(
    dataDir,
    `features-${extractor.version}.${shard ? `part${shard.index}of${shard.count}` : 'main'}.jsonl`,
  );
  const cache = loadCache(dataDir, extractor.version);
  const byId = new Map<string, Float32Array>();
  const failures: { id: string; error: string }[] = [];
  let computed = 0;
  const t0 = Date.now();
  for (const e of entries) {
    if (shard && shardOf(e.sha1, shard.count) !== shard.index) continue;
    let v = cache.get(e.sha1);
    if (!v) {
      try {
        v = await extractor.extract(e.path);
      } catch (err) {
        failures.push({ id: e.id, error: err instanceof Error ? err.message : String(err) });
        continue;
      }
      cache.set(e.sha1, v);
      appendFileSync(cachePath, `${JSON.stringify({ sha1: e.sha1, f32: encodeF32(v) })}\n`);
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
