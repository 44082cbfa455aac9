/**
 * Background analysis of the library: feeds the worker pool from the SQLite queue,
 * writes results in batches (one transaction each, so the main thread only ever does
 * short synchronous work), tells the library which samples changed, and reports
 * progress with files/s and ETA. Pause, resume, cancel and prioritise; what is left
 * survives a restart (the queue is in the database).
 */
import { availableParallelism } from 'node:os';
import type { AnalysisProgress, AnalysisStatusInfo } from '../../../shared/contract/analysis';
import type { Db } from '../db';
import { readSetting, writeSetting } from '../settings';
import { AnalysisQueue, type ClaimedSample } from './analysisQueue';
import { AnalysisStore, type AnalyzedSample, type FailedSample } from './analysisStore';
import { analyzerVersionCode } from './analyzerVersion';
import { createAnalysisPool, type AnalysisPool } from '../../analysis/pool/analysisPool';
import { RateMeter } from '../../analysis/pool/rateMeter';
import type { TaskOutcome } from '../../analysis/pool/types';
import type { AnalyzedFile } from '../../analysis/pool/analysisPool';
import { ANALYZER_VERSION } from '../../analysis/version';

export interface AnalysisRunnerOptions {
  db: Db;
  /** Called after each batch is stored, with the samples it changed. */
  onSamplesAnalysed?: (sampleIds: number[]) => void;
  onProgress?: (progress: AnalysisProgress) => void;
  /**
   * Worker threads while the user is away (default: every core; env
   * SAMPLEMIND_ANALYSIS_WORKERS). While the user is browsing (see `userActive`) one fewer
   * runs, at least one.
   */
  workers?: number;
  /** How long after the last `userActive()` call the pool grows back (ms, default 3000). */
  userIdleMs?: number;
  /** Run the sample classifier in the workers (default true; null classes without a model). */
  classify?: boolean;
  /** Longest a finished result waits before it is written (ms, default 250). */
  flushMs?: number;
  /** Results written per transaction at most (default 16: a few ms of main-thread work). */
  batchSize?: number;
  /** Time without progress before a worker counts as hung (ms, default 120 000); a file being decoded keeps saying it progresses, so the limit scales with its length. */
  timeoutMs?: number;
  /** How often an idle runner looks for work another process queued (ms, default 5000; 0: never). */
  pollMs?: number;
  /** Minimum time between progress events (ms, default 250). */
  progressMs?: number;
  createPool?: (size: number) => AnalysisPool;
}

/**
 * The default pool size: every core (env SAMPLEMIND_ANALYSIS_WORKERS overrides). A batch
 * (the CLI) uses them all; the app gives one back while the user is browsing.
 */
export function defaultWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.SAMPLEMIND_ANALYSIS_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, availableParallelism());
}

/** Workers while the user is browsing: one fewer than when idle, at least one. */
export function browsingWorkers(idleWorkers: number): number {
  return Math.max(1, idleWorkers - 1);
}

export class AnalysisRunner {
  /** Workers while the user is away. */
  readonly workers: number;
  private browsing = false;
  private browsingTimer: NodeJS.Timeout | null = null;
  private readonly batchSize: number;
  private readonly queue: AnalysisQueue;
  private readonly store: AnalysisStore;
  private readonly rate = new RateMeter();
  private pool: AnalysisPool | null = null;
  private readonly inFlight = new Map<number, ClaimedSample>();
  private done: AnalyzedSample[] = [];
  private failures: FailedSample[] = [];
  /** Ids whose cancellation was asked for while they ran. */
  private readonly dropped = new Set<number>();
  private state: AnalysisProgress['state'] = 'off';
  private queued = 0;
  private completed = 0;
  private failed = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private lastProgress = 0;
  private progressTimer: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];
  private stopping = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private recovered = false;
  /** Database writes that failed (another process held the library too long) and were retried. */
  readonly retries = { claim: 0, flush: 0, other: 0 };
  /** Main-thread time spent storing results (ms): total, the longest batch, batches. */
  readonly writeStats = { totalMs: 0, maxMs: 0, batches: 0 };

  constructor(private readonly opts: AnalysisRunnerOptions) {
    this.workers = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
    this.batchSize = Math.max(1, opts.batchSize ?? 16);
    this.queue = new AnalysisQueue(opts.db);
    this.store = new AnalysisStore(opts.db);
  }

  /** Recovers what a previous run left, queues samples of older analyser versions, starts the workers. */
  start(): void {
    if (this.pool || this.stopping) return;
    this.recoverOnce();
    this.pool = this.opts.createPool
      ? this.opts.createPool(this.activeWorkers)
      : createAnalysisPool({
          size: this.activeWorkers,
          ...(this.opts.timeoutMs !== undefined ? { timeoutMs: this.opts.timeoutMs } : {}),
        });
    this.state = 'running';
    this.recount();
    const poll = this.opts.pollMs ?? 5000;
    if (poll > 0) {
      this.pollTimer = setInterval(() => {
        if (this.state === 'idle') this.safely(() => this.wake(), 'other');
      }, poll);
      this.pollTimer.unref();
    }
    this.pump();
  }

  /** Workers the pool runs now (one fewer while the user is browsing). */
  get activeWorkers(): number {
    return this.browsing ? browsingWorkers(this.workers) : this.workers;
  }

  /**
   * The user did something in the UI: the pool gives one core back until nothing has
   * happened for `userIdleMs`, then grows again. Running files finish either way.
   */
  userActive(): void {
    if (this.browsingTimer) clearTimeout(this.browsingTimer);
    this.browsingTimer = setTimeout(() => {
      this.browsingTimer = null;
      this.browsing = false;
      this.pool?.resize(this.workers);
    }, this.opts.userIdleMs ?? 3000);
    this.browsingTimer.unref();
    if (this.browsing) return;
    this.browsing = true;
    this.pool?.resize(browsingWorkers(this.workers));
  }

  /** New work may be queued (an import or the watcher added samples). */
  wake(): void {
    if (!this.pool || this.stopping || this.state === 'paused') return;
    this.recount();
    if (this.queued > 0) this.state = 'running';
    this.pump();
  }

  pause(): AnalysisProgress {
    if (this.pool && !this.stopping) {
      this.state = 'paused';
      // Queued-in-pool tasks come back CANCELLED and are released; running ones finish.
      this.pool.cancelQueued();
    }
    return this.emitProgress(true);
  }

  resume(): AnalysisProgress {
    if (this.pool && !this.stopping && this.state === 'paused') {
      this.state = 'running';
      this.recount();
      this.pump();
    }
    return this.emitProgress(true);
  }

  /** The samples the user is looking at go first. Returns how many are waiting in the queue. */
  prioritize(sampleIds: readonly number[]): number {
    const n = this.queue.prioritize(sampleIds);
    for (const id of sampleIds) if (this.inFlight.has(id)) this.pool?.prioritize(String(id));
    this.wake();
    return n;
  }

  retryFailed(): number {
    const n = this.queue.retryFailed().length;
    this.wake();
    return n;
  }

  /** Queues samples for analysis again (all when no ids are given). */
  reanalyze(sampleIds?: readonly number[]): number {
    const n = sampleIds ? this.queue.enqueue(sampleIds) : this.queue.enqueueAll();
    this.wake();
    return n;
  }

  /** Takes samples out of the queue, stopping those being analysed (all when no ids are given). */
  cancel(sampleIds?: readonly number[]): number {
    let n = this.queue.cancel(sampleIds);
    const running = sampleIds
      ? sampleIds.filter((id) => this.inFlight.has(id))
      : [...this.inFlight.keys()];
    for (const id of running) {
      this.dropped.add(id);
      if (this.pool?.cancel(String(id))) n++;
    }
    this.recount();
    this.emitProgress(true);
    return n;
  }

  progress(): AnalysisProgress {
    const perSecond = this.rate.perSecond();
    return {
      state: this.state,
      queued: this.queued,
      running: this.inFlight.size,
      completed: this.completed,
      failed: this.failed,
      filesPerSec: Math.round(perSecond * 10) / 10,
      etaSec: this.state === 'running' ? this.rate.eta(this.queued + this.inFlight.size) : null,
      workers: this.pool ? this.activeWorkers : 0,
    };
  }

  status(): AnalysisStatusInfo {
    const c = this.queue.counts();
    return { progress: this.progress(), library: c };
  }

  /** Resolves when nothing is queued or running and every result is stored (or the runner stopped). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the workers; unfinished samples stay queued for the next start. */
  async stop(): Promise<void> {
    if (!this.pool || this.stopping) return;
    this.stopping = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.browsingTimer) clearTimeout(this.browsingTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const pool = this.pool;
    await pool.close();
    // Outcomes of cancelled tasks settle on the next ticks.
    await new Promise((r) => setImmediate(r));
    this.safely(() => this.queue.release([...this.inFlight.keys()]), 'other', false);
    this.inFlight.clear();
    this.safely(() => this.flush(true), 'flush', false);
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.pool = null;
    this.state = 'off';
    this.settleIdle();
  }

  /**
   * Queues samples of older analyser versions — once per analyser version (remembered in
   * settings), so that an ordinary start does not scan every sample.
   */
  private queueOutdatedOnce(): void {
    const db = this.opts.db;
    const key = 'analysis.outdatedQueuedFor';
    const seen = readSetting(db, key);
    if (seen === ANALYZER_VERSION) return;
    db.transaction(() => {
      this.queue.enqueueOutdated(analyzerVersionCode(ANALYZER_VERSION));
      writeSetting(db, key, ANALYZER_VERSION);
    })();
  }

  private recount(): void {
    try {
      this.queued = this.countQueued();
    } catch {
      this.retries.other++; // keeps the last count
    }
  }

  private countQueued(): number {
    return this.opts.db
      .prepare(
        `SELECT count(*) FROM analysis_queue q JOIN samples s ON s.id = q.sample_id
          WHERE q.state = 'queued' AND s.missing = 0`,
      )
      .pluck()
      .get() as number;
  }

  /**
   * Runs database work from a timer or a worker's answer. It must never throw out of
   * there (that would end the process): when the library stays locked by another
   * process past the busy timeout, the work is tried again a moment later.
   */
  private safely(work: () => void, kind: keyof AnalysisRunner['retries'], retry = true): void {
    try {
      work();
    } catch {
      this.retries[kind]++;
      if (retry) this.retryLater();
    }
  }

  /** Takes back what dead runs left (once); retried with the rest when the library is locked. */
  private recoverOnce(): void {
    if (this.recovered) return;
    try {
      this.queue.recover();
      this.queueOutdatedOnce();
      this.recovered = true;
    } catch {
      this.retries.other++;
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.retryTimer || this.stopping) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.recoverOnce();
      this.safely(() => this.flush(), 'flush');
      this.safely(() => this.pump(), 'claim');
    }, 250);
  }

  private markStarted(sampleId: number): void {
    try {
      this.queue.markStarted(sampleId);
    } catch {
      // No strike recorded this time; the file is analysed all the same.
      this.retries.other++;
    }
  }

  private pump(): void {
    const pool = this.pool;
    if (!pool || this.stopping || this.state === 'paused') return;
    const target = this.workers * 4;
    if (this.inFlight.size <= target / 2) {
      let claimed: ClaimedSample[];
      try {
        claimed = this.queue.claim(target - this.inFlight.size);
      } catch {
        this.retries.claim++;
        this.retryLater();
        return;
      }
      this.queued = Math.max(0, this.queued - claimed.length);
      for (const c of claimed) {
        this.inFlight.set(c.sampleId, c);
        void pool
          .submit(
            {
              path: c.path,
              classify: this.opts.classify ?? true,
              ...(c.hints ? { hints: c.hints } : {}),
              ...(c.embedded ? { embedded: c.embedded } : {}),
              ...(c.header ? { header: c.header } : {}),
            },
            {
              id: String(c.sampleId),
              priority: c.priority,
              onStart: () => this.markStarted(c.sampleId),
            },
          )
          .then((o) => this.safely(() => this.settle(c, o), 'other'));
      }
      if (claimed.length > 0) this.emitProgress(false);
    }
    if (this.inFlight.size === 0 && this.state === 'running') {
      this.flush(true);
      this.state = 'idle';
      this.emitProgress(true);
      this.settleIdle();
    }
  }

  private settle(c: ClaimedSample, o: TaskOutcome<AnalyzedFile>): void {
    if (!this.inFlight.delete(c.sampleId)) return;
    if (!o.ok && o.error.code === 'CANCELLED') {
      // Paused, stopped or cancelled: back to the queue (and out of it when cancelled).
      this.queue.release([c.sampleId]);
      if (this.dropped.delete(c.sampleId)) this.queue.cancel([c.sampleId]);
      else this.queued++;
    } else {
      this.rate.tick();
      if (o.ok) {
        this.done.push({ sampleId: c.sampleId, ...o.value });
        this.completed++;
      } else {
        this.failures.push({ sampleId: c.sampleId, error: o.error });
        this.failed++;
      }
      if (this.state === 'paused' && this.inFlight.size === 0) this.flush(true);
      else if (this.done.length + this.failures.length >= this.batchSize) this.flush();
      else
        this.flushTimer ??= setTimeout(
          () => this.safely(() => this.flush(), 'flush'),
          this.opts.flushMs ?? 250,
        );
    }
    this.pump();
    this.emitProgress(false);
  }

  /**
   * Writes at most one batch (one short transaction) and schedules the rest on a later
   * turn of the event loop, so the main thread never holds on for long; `all` writes
   * everything now (idle, pause, stop).
   */
  private flush(all = false): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    do {
      if (this.done.length === 0 && this.failures.length === 0) return;
      const done = this.done.splice(0, this.batchSize);
      const failures = this.failures.splice(0, Math.max(0, this.batchSize - done.length));
      const t0 = performance.now();
      let written: number[];
      try {
        written = this.store.write(done, failures);
      } catch (error) {
        // Kept for the next try (the library was locked, or the write failed).
        this.done.unshift(...done);
        this.failures.unshift(...failures);
        throw error;
      }
      const ms = performance.now() - t0;
      this.writeStats.totalMs += ms;
      this.writeStats.maxMs = Math.max(this.writeStats.maxMs, ms);
      this.writeStats.batches++;
      if (written.length > 0) {
        try {
          this.opts.onSamplesAnalysed?.(written);
        } catch {
          // a listener's failure is not the analysis's
        }
      }
    } while (all);
    if (this.done.length + this.failures.length > 0)
      this.flushTimer = setTimeout(() => this.safely(() => this.flush(), 'flush'), 0);
  }

  private emitProgress(force: boolean): AnalysisProgress {
    const p = this.progress();
    const listener = this.opts.onProgress;
    if (!listener) return p;
    const now = Date.now();
    const every = this.opts.progressMs ?? 250;
    if (force || now - this.lastProgress >= every) {
      if (this.progressTimer) clearTimeout(this.progressTimer);
      this.progressTimer = null;
      this.lastProgress = now;
      try {
        listener(p);
      } catch {
        // a listener's failure is not the analysis's
      }
    } else {
      this.progressTimer ??= setTimeout(() => {
        this.progressTimer = null;
        this.emitProgress(true);
      }, every);
    }
    return p;
  }

  private isIdle(): boolean {
    return (
      this.pool === null ||
      (this.inFlight.size === 0 &&
        this.done.length === 0 &&
        this.failures.length === 0 &&
        (this.state === 'idle' || this.state === 'off'))
    );
  }

  private settleIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
