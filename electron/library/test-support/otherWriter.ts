import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Another connection to a library file (in a worker thread, standing in for another
 * process) that takes the write lock, writes, holds the lock for `holdMs` and commits.
 * Resolves once it holds the lock; the worker exits after the commit.
 */
export function holdWriteLock(file: string, holdMs: number): Promise<Worker> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.sqlite);
     const db = new Database(workerData.file);
     db.pragma('busy_timeout = 10000');
     db.exec("BEGIN IMMEDIATE; INSERT OR REPLACE INTO settings(key, value) VALUES ('other.writer', 'x')");
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { sqlite, file, holdMs } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}
