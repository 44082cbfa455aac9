import { Worker } from 'node:worker_threads';
import { workerScript } from '../../analysis/pool/workerScript';
import type { KnownSample, Prober } from './indexFile';
import { scanItems, type ScanItem } from './scanItems';

export interface ScanJob {
  root: string;
  known: ReadonlyMap<string, KnownSample>;
}

/** Scan items in batches, reading on this thread; each batch is at most `sliceMs` of work. */
export async function* inProcessBatches(
  job: ScanJob,
  prober: Prober,
  sliceMs: number,
  batchSize: number,
): AsyncGenerator<ScanItem[]> {
  const items = scanItems(job.root, job.known, prober);
  for (;;) {
    const batch: ScanItem[] = [];
    const start = performance.now();
    while (batch.length < batchSize && performance.now() - start < sliceMs) {
      const next = items.next();
      if (next.done) {
        if (batch.length > 0) yield batch;
        return;
      }
      batch.push(next.value);
    }
    yield batch;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export interface WorkerScanInput {
  dbPath: string;
  folderId: number;
  root: string;
  batchSize: number;
}

export type WorkerScanMessage =
  | { type: 'batch'; items: ScanItem[] }
  | { type: 'done' }
  | { type: 'error'; message: string; code?: string };

/**
 * Scan items produced by a worker thread (walk, stat, probe, hash), so that reading
 * files and writing the database use both cores. The worker reads the database only
 * to know which files are unchanged. Stopping early terminates the worker.
 */
export async function* workerBatches(input: WorkerScanInput): AsyncGenerator<ScanItem[]> {
  const script = workerScript(
    new URL('./import-worker.js', import.meta.url),
    new URL('./worker-entry.ts', import.meta.url),
  );
  const worker = new Worker(script.filename, { eval: script.eval, workerData: input });
  const queue: WorkerScanMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: WorkerScanMessage): void => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: WorkerScanMessage) => push(m));
  worker.on('error', (e) => push({ type: 'error', message: e.message }));
  worker.on('exit', (code) => {
    if (code !== 0)
      push({ type: 'error', message: `the import worker stopped (exit code ${code})` });
  });
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const m = queue.shift()!;
      if (m.type === 'done') return;
      if (m.type === 'error') {
        const error = new Error(m.message) as Error & { code?: string };
        if (m.code) error.code = m.code;
        throw error;
      }
      yield m.items;
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
