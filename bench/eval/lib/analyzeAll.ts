import type { AnalysisResult } from '../../../shared/contract/analysis';
import { AppError } from '../../../shared/result';
import { analyzeFile } from '../../../electron/analysis/analyzeFile';

export interface Analyzed {
  path: string;
  result: AnalysisResult | null;
  error: string | null;
  ms: number;
}

const cache = new Map<string, Analyzed>();

/** Analyses each file once (no name hints: the audio alone is evaluated). */
export async function analyzeAll(
  paths: string[],
  onProgress?: (done: number) => void,
): Promise<Map<string, Analyzed>> {
  let done = 0;
  for (const path of paths) {
    if (!cache.has(path)) {
      const t = performance.now();
      try {
        const result = await analyzeFile(path);
        cache.set(path, { path, result, error: null, ms: performance.now() - t });
      } catch (e) {
        const msg = e instanceof AppError ? `${e.code}: ${e.message}` : String(e);
        cache.set(path, { path, result: null, error: msg, ms: performance.now() - t });
      }
    }
    done++;
    if (onProgress && done % 50 === 0) onProgress(done);
  }
  return new Map(paths.map((p) => [p, cache.get(p) as Analyzed]));
}
