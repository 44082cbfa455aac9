import type { AnalysisResult } from '../../../shared/contract/analysis';
import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import { WorkerPool } from './workerPool';
import { workerScript } from './workerScript';

export interface AnalyzeRequest {
  path: string;
  hints?: NameHints;
  embedded?: EmbeddedMetadata;
}

export interface AnalysisPoolOptions {
  /** Worker threads (default: available parallelism). */
  size?: number;
  /** Per-file limit before a worker counts as hung (default 120 s). */
  timeoutMs?: number;
  /** Old-generation heap limit per worker in MB (default 1024); a worker over it is replaced. */
  maxHeapMb?: number;
}

export type AnalysisPool = WorkerPool<AnalyzeRequest, AnalysisResult>;

/**
 * The analysis worker pool. It knows nothing about the library database: the caller
 * feeds it requests (path + hints + embedded metadata) and stores the outcomes.
 */
export function createAnalysisPool(opts: AnalysisPoolOptions = {}): AnalysisPool {
  const script = workerScript(
    new URL('./analysis-worker.js', import.meta.url),
    new URL('./worker-entry.ts', import.meta.url),
  );
  return new WorkerPool<AnalyzeRequest, AnalysisResult>({
    script,
    timeoutMs: opts.timeoutMs ?? 120_000,
    resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024 },
    ...(opts.size !== undefined ? { size: opts.size } : {}),
  });
}
