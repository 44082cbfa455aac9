/**
 * Analyses files given by path (no library needed) on the worker pool and hands back
 * one AnalyzeLine per file, in the order of the input, as soon as it and every file
 * before it are done.
 */
import { basename, dirname } from 'node:path';
import type { AnalyzeLine } from '../../../shared/contract/analysis';
import { nameHints } from '../../../shared/nameHints';
import { fieldsOf } from './analysisStore';
import {
  createAnalysisPool,
  type AnalysisPool,
  type AnalyzedFile,
} from '../../analysis/pool/analysisPool';
import type { TaskOutcome } from '../../analysis/pool/types';

export interface AnalyzePathsOptions {
  workers: number;
  /** Run the classifier too (default true). */
  classify?: boolean;
  signal?: AbortSignal;
  /** Called in input order. `file` is the full result (peaks, vectors) when the file was analysed. */
  onLine: (line: AnalyzeLine, file: AnalyzedFile | null) => void;
  createPool?: (size: number) => AnalysisPool;
}

/** The CLI's JSON line for one outcome. */
export function toAnalyzeLine(path: string, o: TaskOutcome<AnalyzedFile>): AnalyzeLine {
  if (!o.ok) return { path, ok: false, error: { code: o.error.code, message: o.error.message } };
  const cls = o.value.classification;
  return {
    path,
    ok: true,
    ...fieldsOf(o.value.result),
    class: cls?.class ?? null,
    classConfidence: cls?.class ? cls.confidence : null,
    classSource: cls?.classSource ?? null,
    classTier: cls?.class ? cls.tier : null,
    classCandidates: cls?.candidates ?? [],
  };
}

export async function analyzePaths(
  paths: readonly string[],
  opts: AnalyzePathsOptions,
): Promise<{ ok: number; failed: number; cancelled: number; seconds: number }> {
  const started = performance.now();
  const pool = opts.createPool
    ? opts.createPool(opts.workers)
    : createAnalysisPool({ size: opts.workers });
  const onAbort = (): void => void pool.close();
  opts.signal?.addEventListener('abort', onAbort);
  const outcomes = new Map<number, TaskOutcome<AnalyzedFile>>();
  let next = 0;
  let ok = 0;
  let failed = 0;
  let cancelled = 0;
  const drain = (): void => {
    for (let o = outcomes.get(next); o; o = outcomes.get(next)) {
      outcomes.delete(next);
      const path = paths[next] as string;
      next++;
      if (!o.ok && o.error.code === 'CANCELLED' && opts.signal?.aborted) {
        cancelled++;
        continue;
      }
      if (o.ok) ok++;
      else failed++;
      opts.onLine(toAnalyzeLine(path, o), o.ok ? o.value : null);
    }
  };
  try {
    await Promise.all(
      paths.map((path, i) =>
        // The BPM, key, note and loop words of the names count, as in the library.
        pool
          .submit({
            path,
            classify: opts.classify ?? true,
            hints: nameHints(basename(path), dirname(path)),
          })
          .then((o) => {
            outcomes.set(i, o);
            drain();
          }),
      ),
    );
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  return { ok, failed, cancelled, seconds: (performance.now() - started) / 1000 };
}
