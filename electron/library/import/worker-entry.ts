// The import worker: walks a library folder and reads every new or changed file,
// posting batches to the main thread, which writes them.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { nameHints } from '../../../shared/nameHints';
import { probeFile } from '../probe/probe';
import type { KnownSample } from './indexFile';
import type { WorkerScanInput, WorkerScanMessage } from './scanBatches';
import { knownSamplesSql, scanItems, type ScanItem } from './scanItems';

const input = workerData as WorkerScanInput;
const post = (m: WorkerScanMessage): void => parentPort!.postMessage(m);

try {
  const db = new Database(input.dbPath, { readonly: true, fileMustExist: true });
  const known = new Map<string, KnownSample>();
  for (const row of db.prepare(knownSamplesSql()).iterate(input.folderId) as IterableIterator<
    KnownSample & { path: string }
  >)
    known.set(row.path, row);
  db.close();
  let batch: ScanItem[] = [];
  for (const item of scanItems(input.root, known, { probe: probeFile, hints: nameHints })) {
    batch.push(item);
    if (batch.length >= input.batchSize) {
      post({ type: 'batch', items: batch });
      batch = [];
    }
  }
  if (batch.length > 0) post({ type: 'batch', items: batch });
  post({ type: 'done' });
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  post({ type: 'error', message: e.message, ...(e.code ? { code: e.code } : {}) });
}
