import type { ImportJobInfo } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { getFolder, setFolderProblem } from '../folders';
import { describeError } from './fsErrors';
import { createJob, emptyCounters, getJob, saveJob, unfinishedJobs } from './jobs';
import { scanFolder, type ScanDeps } from './scanFolder';

/**
 * What the importer hands on to each folder scan (it decides `shouldStop` itself, and
 * `worker` only for file databases).
 */
export type ImporterDeps = Omit<ScanDeps, 'shouldStop' | 'batchSize'>;

/**
 * Runs folder imports one at a time, in the order asked. Jobs live in SQLite, so
 * an import that was running when the app died is picked up again on start.
 */
export class Importer {
  private readonly queue: Array<{ jobId: number; folderId: number }> = [];
  private current: { jobId: number; folderId: number; stop: 'cancel' | 'suspend' | null } | null =
    null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: ImporterDeps) {}

  /** Queues a scan of a library folder; returns the job (an existing one if the folder is already queued). */
  enqueue(folderId: number): ImportJobInfo {
    const { db } = this.deps;
    getFolder(db, folderId);
    const pending =
      this.current?.folderId === folderId
        ? this.current
        : this.queue.find((q) => q.folderId === folderId);
    if (pending) return getJob(db, pending.jobId)!;
    // A job a previous run left unfinished (killed, quit) continues instead of a new one.
    const interrupted = unfinishedJobs(db).find((j) => j.folderId === folderId);
    const jobId = interrupted?.id ?? createJob(db, folderId, Date.now());
    this.queue.push({ jobId, folderId });
    this.kick();
    return getJob(db, jobId)!;
  }

  cancel(jobId: number): ImportJobInfo {
    const { db } = this.deps;
    const job = getJob(db, jobId);
    if (!job) throw new AppError('NOT_FOUND', `import job ${jobId} does not exist`);
    if (this.current?.jobId === jobId) this.current.stop = 'cancel';
    const i = this.queue.findIndex((q) => q.jobId === jobId);
    if (i >= 0) {
      this.queue.splice(i, 1);
      saveJob(db, jobId, 'cancelled', { ...emptyCounters(), ...job }, Date.now());
      this.deps.onProgress(getJob(db, jobId)!);
    }
    return getJob(db, jobId)!;
  }

  /** Re-queues the imports that a previous run left unfinished. */
  resumeInterrupted(): ImportJobInfo[] {
    const jobs = unfinishedJobs(this.deps.db).filter(
      (j) => this.current?.jobId !== j.id && !this.queue.some((q) => q.jobId === j.id),
    );
    for (const job of jobs) this.queue.push({ jobId: job.id, folderId: job.folderId });
    if (jobs.length > 0) this.kick();
    return jobs;
  }

  /** Stops the running import and drops the queued ones, leaving them to resume on the next start. */
  suspendAll(): void {
    if (this.current) this.current.stop = 'suspend';
    this.queue.length = 0;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Resolves when every queued import has finished. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain()
      // Recording a failure can fail too (the library locked by another process for
      // longer than the busy timeout): the job stays unfinished and resumes on the next
      // start, and nothing escapes to the process.
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
  }

  private async drain(): Promise<void> {
    const { db } = this.deps;
    // Start on a later turn: the caller gets its job back (and can cancel it) first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      this.current = { ...next, stop: null };
      const current = this.current;
      try {
        const folder = getFolder(db, next.folderId);
        await scanFolder(
          {
            db,
            probe: this.deps.probe,
            hints: this.deps.hints,
            onSamples: this.deps.onSamples,
            onProgress: this.deps.onProgress,
            shouldStop: () => current.stop,
            ...(this.deps.sliceMs !== undefined ? { sliceMs: this.deps.sliceMs } : {}),
            worker: this.deps.worker === true && db.name !== ':memory:',
          },
          next.jobId,
          next.folderId,
          folder.path,
        );
      } catch (error) {
        const e = error instanceof AppError ? error.toData() : describeError(error);
        const job = getJob(db, next.jobId);
        if (job && job.phase !== 'failed') saveJob(db, next.jobId, 'failed', job, Date.now(), e);
        try {
          setFolderProblem(db, next.folderId, e);
        } catch {
          // the folder was removed meanwhile
        }
        const failed = getJob(db, next.jobId);
        if (failed) this.deps.onProgress(failed);
      } finally {
        this.current = null;
      }
    }
  }
}
