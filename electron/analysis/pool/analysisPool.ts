import type { AnalysisResult } from '../../../shared/contract/analysis';
import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import type { KnownHeader } from '../../../shared/formats/headerFacts';
import type { SampleClassification } from '../classify/classification';
import { WorkerPool } from './workerPool';
import { workerScript } from './workerScript';
import { workerStackMb } from './workerStack';

export interface AnalyzeRequest {
  path: string;
  hints?: NameHints;
  embedded?: EmbeddedMetadata;
  /** Header facts the import probe read: decoding uses them instead of parsing the header while the file is unchanged. */
  header?: KnownHeader;
  /** Also run the sample classifier in the worker (class + embedding; null without a model). */
  classify?: boolean;
}

/** A worker's answer: the analysis, and the classification when it was asked for. */
export interface AnalyzedFile {
  result: AnalysisResult;
  classification: SampleClassification | null;
}

export interface AnalysisPoolOptions {
  /** Worker threads (default: available parallelism). */
  size?: number;
  /** Time without progress before a worker counts as hung (default 120 s; decoding a long file is progress). */
  timeoutMs?: number;
  /** Old-generation heap limit per worker in MB (default 1024); a worker over it is replaced. */
  maxHeapMb?: number;
}

export type AnalysisPool = WorkerPool<AnalyzeRequest, AnalyzedFile>;

/**
 * The analysis worker pool. It knows nothing about the library database: the caller
 * feeds it requests (path + hints + embedded metadata) and stores the outcomes.
 */
export function createAnalysisPool(opts: AnalysisPoolOptions = {}): AnalysisPool {
  const script = workerScript(
    new URL('./analysis-worker.js', import.meta.url),
    new URL('./worker-entry.ts', import.meta.url),
  );
  return new WorkerPool<AnalyzeRequest, AnalyzedFile>({
    script,
    timeoutMs: opts.timeoutMs ?? 120_000,
    resourceLimits: {
      maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024,
      stackSizeMb: workerStackMb(),
    },
    ...(opts.size !== undefined ? { size: opts.size } : {}),
  });
}
