import type { ImportJobInfo, NameHints } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { isBusy, type Db } from '../db';
import type { ProbeResult } from '../probe/types';
import { describeError } from './fsErrors';
import { emptyCounters, getJob, saveJob, type JobCounters } from './jobs';
import { mergeMoved } from './mergeMoved';
import { applyFile, type KnownSample } from './indexFile';
import { inProcessBatches, workerBatches } from './scanBatches';
import { knownSamplesSql, type ScanItem } from './scanItems';
import { SampleWriter } from './sampleWriter';
import { sep } from 'node:path';

/** Times a batch is written again when the library stays locked by another process. */
const BUSY_RETRIES = 20;

export interface ScanDeps {
  db: Db;
  probe: (path: string) => ProbeResult;
  hints: (fileName: string, dir: string) => NameHints;
  /** Called after each committed batch with the samples it inserted, changed or relinked. */
  onSamples: (ids: number[]) => void;
  onProgress: (job: ImportJobInfo) => void;
  /** 'cancel' ends the job; 'suspend' leaves it queued, to resume on the next start. */
  shouldStop: () => 'cancel' | 'suspend' | null;
  /** Longest stretch of synchronous work before yielding to the event loop. */
  sliceMs?: number;
  /** Most files per transaction. */
  batchSize?: number;
  /** Read files on a worker thread (needs a database file, not ':memory:'). */
  worker?: boolean;
}

/**
 * Phase 1 of an import: walk the folder, probe new and changed files, write them
 * in batched transactions (each batch also queues its samples for analysis), and,
 * when the walk completes, mark vanished files missing and reunite moved ones with
 * their old entries. Re-running it is safe: unchanged files (same size and mtime)
 * are skipped, so a killed import resumes without losing or duplicating anything.
 */
export async function scanFolder(
  deps: ScanDeps,
  jobId: number,
  folderId: number,
  root: string,
): Promise<ImportJobInfo> {
  const { db } = deps;
  const sliceMs = deps.sliceMs ?? 25;
  const batchSize = deps.batchSize ?? 1000;
  const writer = new SampleWriter(db);
  const c: JobCounters = emptyCounters();
  const known = new Map<string, KnownSample>();
  for (const row of db.prepare(knownSamplesSql()).iterate(folderId) as IterableIterator<
    KnownSample & { path: string }
  >) {
    known.set(row.path, row);
  }
  const seen = new Set<string>();
  /** Paths that could not be read: what lies below them is not known to be gone. */
  const problems = new Set<string>();
  const inserted: number[] = [];
  const byPath = db.prepare(
    'SELECT id, size, mtime_ms AS mtimeMs, missing FROM samples WHERE path = ?',
  );
  saveJob(db, jobId, 'indexing', c, null);
  const progress = (): void => {
    const job = getJob(db, jobId);
    if (job) deps.onProgress(job);
  };
  progress();

  const batches = deps.worker
    ? workerBatches({ dbPath: db.name, folderId, root, batchSize: Math.min(batchSize, 500) })
    : inProcessBatches(
        { root, known },
        { probe: deps.probe, hints: deps.hints },
        sliceMs,
        batchSize,
      );
  let lastProgress = performance.now();
  try {
    for (;;) {
      const stop = deps.shouldStop();
      if (stop) {
        saveJob(
          db,
          jobId,
          stop === 'cancel' ? 'cancelled' : 'queued',
          c,
          stop === 'cancel' ? Date.now() : null,
        );
        progress();
        return getJob(db, jobId)!;
      }
      const next = await batches.next();
      if (next.done) break;
      let changed: number[] = [];
      // The batch is written all or nothing, so it is safe to write again when another
      // process held the library past the busy timeout.
      const before = { counters: { ...c }, inserted: inserted.length };
      for (let attempt = 1; ; attempt++) {
        try {
          changed = writeBatch(next.value);
          break;
        } catch (error) {
          Object.assign(c, before.counters);
          inserted.length = before.inserted;
          if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
      if (changed.length > 0) deps.onSamples(changed);
      // Rows that reach the list come with their counts: a batch that added files always
      // reports, so the UI never says "0 files" while rows arrive.
      if (changed.length > 0 || performance.now() - lastProgress > 100) {
        progress();
        lastProgress = performance.now();
      }
    }
  } catch (error) {
    const e = error instanceof AppError ? error.toData() : describeError(error);
    saveJob(db, jobId, 'failed', c, Date.now(), e);
    progress();
    throw error;
  } finally {
    await batches.return(undefined);
  }

  function writeBatch(items: readonly ScanItem[]): number[] {
    const changed: number[] = [];
    // IMMEDIATE: the write lock is taken (waiting the busy timeout) before anything is read.
    db.exec('BEGIN IMMEDIATE');
    try {
      const now = Date.now();
      for (const entry of items) {
        if (entry.kind === 'problem') {
          if (entry.path === root)
            throw new AppError(entry.error.code, `cannot read ${root}: ${entry.error.message}`);
          seen.add(entry.path);
          problems.add(entry.path);
          writer.recordError(folderId, entry.path, entry.error, now);
          c.errors++;
          continue;
        }
        const { item } = entry;
        c.filesSeen++;
        seen.add(item.path);
        // Another process (a second import of this folder) may have added it meanwhile.
        const prior = known.get(item.path) ?? (byPath.get(item.path) as KnownSample | undefined);
        const outcome = applyFile(writer, folderId, item, prior, entry.prepared, now);
        if (outcome.kind === 'unchanged') c.filesUnchanged++;
        else if (outcome.kind === 'error') c.errors++;
        else {
          changed.push(outcome.id);
          if (outcome.kind === 'added') {
            inserted.push(outcome.id);
            c.filesAdded++;
          } else if (outcome.kind === 'updated') c.filesUpdated++;
          else c.filesRelinked++;
        }
      }
      saveJob(db, jobId, 'indexing', c, null);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    return changed;
  }

  saveJob(db, jobId, 'finishing', c, null);
  progress();
  const vanished: number[] = [];
  const underProblem = (path: string): boolean => {
    for (let cut = path.lastIndexOf(sep); cut > root.length; cut = path.lastIndexOf(sep, cut - 1)) {
      if (problems.has(path.slice(0, cut))) return true;
    }
    return false;
  };
  for (const [path, row] of known) {
    if (!seen.has(path) && row.missing === 0 && !underProblem(path)) vanished.push(row.id);
  }
  const markMissing = db.prepare('UPDATE samples SET missing = 1 WHERE id = ?');
  db.transaction(() => {
    for (const id of vanished) markMissing.run(id);
  })();
  const survivors = mergeMoved(db, inserted);
  c.filesRelinked += survivors.length;
  c.filesAdded -= survivors.length;
  c.filesRemoved = vanished.length - survivors.length;
  // Errors about files that are no longer there go away with them.
  const staleErrors = (
    db
      .prepare('SELECT path FROM import_errors WHERE folder_id = ?')
      .pluck()
      .all(folderId) as string[]
  ).filter((p) => !seen.has(p));
  const clear = db.prepare('DELETE FROM import_errors WHERE path = ?');
  db.transaction(() => {
    for (const p of staleErrors) clear.run(p);
    db.prepare(
      'UPDATE folders SET last_scan_at = ?, problem_code = NULL, problem_message = NULL WHERE id = ?',
    ).run(Date.now(), folderId);
    saveJob(db, jobId, 'done', c, Date.now());
  })();
  if (vanished.length > 0 || survivors.length > 0)
    deps.onSamples([...vanished, ...survivors, ...inserted]);
  progress();
  return getJob(db, jobId)!;
}
