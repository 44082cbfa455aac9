import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ErrorCode, ErrorData } from '../../../shared/result';
import { claimForEnding, newSectionCell } from './nativeSection';
import { RateMeter } from './rateMeter';
import { TaskQueue } from './taskQueue';
import type {
  PoolProgress,
  ReplyMessage,
  SubmitOptions,
  TaskMessage,
  TaskOutcome,
  WorkerScript,
} from './types';

export interface WorkerPoolOptions {
  script: WorkerScript;
  /** Worker threads (default: the machine's available parallelism). */
  size?: number;
  /**
   * A task that runs this long without a sign of progress is treated as hung: its worker
   * is terminated and replaced. A task's worker can post progress (`TaskContext.alive`)
   * to restart the count, so a long file that is being decoded is never called hung.
   */
  timeoutMs?: number;
  resourceLimits?: ResourceLimits;
  /**
   * Longest the pool waits for a worker to leave a native section (loading or running
   * the model) before terminating it anyway (default 30 s; a native call that hangs).
   */
  nativeWaitMs?: number;
}

interface Pending<I, O> {
  id: string;
  input: I;
  onStart: (() => void) | undefined;
  resolve: (outcome: TaskOutcome<O>) => void;
  started: number;
}

interface Slot<I, O> {
  worker: Worker;
  /** Shared with the worker: whether it is in a native section (see nativeSection.ts). */
  section: Int32Array;
  /** The worker has loaded its script (the hang timeout only counts from then). */
  ready: boolean;
  task: Pending<I, O> | null;
  timer: NodeJS.Timeout | null;
  /** Set when the pool itself ends the worker (timeout, cancel, close). */
  ending: ErrorData | null;
  /** The worker has exited. */
  exited: boolean;
}

let nextId = 0;

/**
 * A pool of worker threads running one task at a time each. A task whose worker crashes
 * or hangs past the timeout fails with a clear error (INTERNAL / TIMEOUT) and the worker
 * is replaced; the pool goes on. Tasks can be prioritised, cancelled (queued or running),
 * and dispatch can be paused and resumed. `submit` never rejects: it resolves with the
 * task's outcome, success or error data.
 */
export class WorkerPool<I, O> {
  private sizeNow: number;
  private readonly queue = new TaskQueue<Pending<I, O>>();
  private readonly slots: Slot<I, O>[] = [];
  private readonly rate = new RateMeter();
  private readonly listeners = new Set<(p: PoolProgress) => void>();
  private readonly live = new Set<string>();
  private paused = false;
  private closed = false;
  private completed = 0;
  private failed = 0;
  private cancelled = 0;

  constructor(private readonly opts: WorkerPoolOptions) {
    this.sizeNow = Math.max(1, Math.floor(opts.size ?? availableParallelism()));
  }

  /** How many tasks run at once at most (the number of workers busy). */
  get size(): number {
    return this.sizeNow;
  }

  /**
   * Changes how many tasks may run at once. Growing starts queued tasks on new or idle
   * workers; shrinking lets running tasks finish and keeps the idle workers (and their
   * loaded model) parked for when the pool grows again.
   */
  resize(size: number): void {
    this.sizeNow = Math.max(1, Math.floor(size));
    this.pump();
    this.emit();
  }

  submit(input: I, options: SubmitOptions = {}): Promise<TaskOutcome<O>> {
    const id = options.id ?? `t${++nextId}`;
    if (this.closed) return Promise.resolve(this.failure(id, 'CANCELLED', 'the pool is closed', 0));
    if (this.live.has(id))
      return Promise.resolve(
        this.failure(id, 'CONFLICT', `task ${id} is already queued or running`, 0),
      );
    this.live.add(id);
    return new Promise((resolve) => {
      this.queue.push(id, options.priority ?? 0, {
        id,
        input,
        onStart: options.onStart,
        resolve,
        started: 0,
      });
      this.pump();
      this.emit();
    });
  }

  /** Moves a queued task to the front (e.g. the file the user is looking at). */
  prioritize(id: string): boolean {
    const moved = this.queue.promote(id);
    if (moved) this.pump();
    return moved;
  }

  /** Cancels a queued or running task (a running one's worker is terminated). */
  cancel(id: string): boolean {
    const queued = this.queue.remove(id);
    if (queued) {
      this.finish(queued.payload, this.failure(id, 'CANCELLED', 'cancelled', 0));
      this.emit();
      return true;
    }
    const slot = this.slots.find((s) => s.task?.id === id);
    if (!slot) return false;
    this.endWorker(slot, { code: 'CANCELLED', message: 'cancelled while running' });
    return true;
  }

  /** Cancels everything queued (running tasks finish). Returns how many were cancelled. */
  cancelQueued(): number {
    const all = this.queue.drain();
    for (const t of all) this.finish(t.payload, this.failure(t.id, 'CANCELLED', 'cancelled', 0));
    if (all.length) this.emit();
    return all.length;
  }

  /** Stops starting new tasks; running tasks finish. */
  pause(): void {
    this.paused = true;
    this.emit();
  }

  resume(): void {
    this.paused = false;
    this.pump();
    this.emit();
  }

  progress(): PoolProgress {
    const running = this.slots.filter((s) => s.task).length;
    return {
      queued: this.queue.size,
      running,
      completed: this.completed,
      failed: this.failed,
      cancelled: this.cancelled,
      perSecond: Math.round(this.rate.perSecond() * 100) / 100,
      etaSec: this.rate.eta(this.queue.size + running),
      paused: this.paused,
      workers: this.slots.length,
    };
  }

  /** Called after every state change (task done, queued, paused …). Returns an unsubscribe function. */
  onProgress(listener: (p: PoolProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels queued tasks, terminates the workers (running tasks fail as CANCELLED). */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelQueued();
    const ending = this.slots.splice(0);
    await Promise.all(
      ending.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        if (s.task) {
          const t = s.task;
          s.task = null;
          this.finish(
            t,
            this.failure(t.id, 'CANCELLED', 'the pool was closed', performance.now() - t.started),
          );
        }
        s.ending = { code: 'CANCELLED', message: 'closed' };
        await this.terminate(s);
      }),
    );
    this.emit();
  }

  private pump(): void {
    if (this.paused || this.closed) return;
    while (this.queue.size > 0) {
      let busy = 0;
      for (const s of this.slots) if (s.task) busy++;
      if (busy >= this.sizeNow) return;
      let slot = this.slots.find((s) => !s.task && !s.ending);
      if (!slot && this.slots.length < this.sizeNow) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift();
      if (!next) return;
      this.start(slot, next.payload);
    }
  }

  private spawn(): Slot<I, O> {
    const { script } = this.opts;
    const section = newSectionCell();
    const worker = new Worker(script.filename, {
      eval: script.eval,
      workerData: { nativeSection: section },
      ...(this.opts.resourceLimits ? { resourceLimits: this.opts.resourceLimits } : {}),
    });
    const slot: Slot<I, O> = {
      worker,
      section,
      ready: false,
      task: null,
      timer: null,
      ending: null,
      exited: false,
    };
    worker.on('message', (msg: ReplyMessage<O>) => this.onMessage(slot, msg));
    worker.on('error', (err) => {
      if (!slot.ending)
        slot.ending = { code: 'INTERNAL', message: `worker crashed: ${err.message}` };
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot<I, O>, task: Pending<I, O>): void {
    task.started = performance.now();
    slot.task = task;
    if (slot.ready) this.arm(slot);
    const msg: TaskMessage<I> = { type: 'task', id: task.id, input: task.input };
    slot.worker.postMessage(msg);
  }

  /** The worker is ready and has the task: it begins it now. */
  private arm(slot: Slot<I, O>): void {
    if (!slot.task) return;
    try {
      slot.task.onStart?.();
    } catch {
      // a hook's failure is not the task's
    }
    if (this.opts.timeoutMs === undefined) return;
    slot.task.started = performance.now();
    this.rearm(slot);
  }

  /** (Re)starts the hang count of the slot's task. */
  private rearm(slot: Slot<I, O>): void {
    if (this.opts.timeoutMs === undefined || !slot.task) return;
    const ms = this.opts.timeoutMs;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(
      () =>
        this.endWorker(slot, {
          code: 'TIMEOUT',
          message: `no progress for ${ms} ms (hung); worker replaced`,
        }),
      ms,
    );
  }

  private onMessage(slot: Slot<I, O>, msg: ReplyMessage<O>): void {
    if (msg.type === 'ready') {
      slot.ready = true;
      this.arm(slot);
      return;
    }
    if (msg.type === 'alive') {
      if (slot.ready && slot.task?.id === msg.id && !slot.ending) this.rearm(slot);
      return;
    }
    // A worker being ended answers for nothing more: its task ends with the reason.
    if (!slot.task || slot.task.id !== msg.id || slot.ending) return;
    const task = slot.task;
    slot.task = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const ms = performance.now() - task.started;
    this.finish(
      task,
      msg.ok
        ? { id: task.id, ok: true, value: msg.value, ms }
        : { id: task.id, ok: false, error: msg.error, ms },
    );
    this.pump();
    this.emit();
  }

  private endWorker(slot: Slot<I, O>, reason: ErrorData): void {
    if (slot.ending) return;
    slot.ending = reason;
    void this.terminate(slot);
  }

  /** Terminates the worker once it is outside any native section (see nativeSection.ts). */
  private async terminate(slot: Slot<I, O>): Promise<void> {
    await claimForEnding(slot.section, this.opts.nativeWaitMs ?? 30_000, () => slot.exited);
    await slot.worker.terminate();
  }

  private onExit(slot: Slot<I, O>, code: number): void {
    slot.exited = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    if (task) {
      const reason = slot.ending ?? {
        code: 'INTERNAL' as ErrorCode,
        message: `worker exited with code ${code}`,
      };
      this.finish(task, {
        id: task.id,
        ok: false,
        error: reason,
        ms: performance.now() - task.started,
      });
    }
    if (!this.closed) this.pump();
    this.emit();
  }

  private finish(task: Pending<I, O>, outcome: TaskOutcome<O>): void {
    this.live.delete(task.id);
    if (outcome.ok) this.completed++;
    else if (outcome.error.code === 'CANCELLED') this.cancelled++;
    else this.failed++;
    if (outcome.ok || outcome.error.code !== 'CANCELLED') this.rate.tick();
    task.resolve(outcome);
  }

  private failure(id: string, code: ErrorCode, message: string, ms: number): TaskOutcome<O> {
    return { id, ok: false, error: { code, message }, ms };
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const p = this.progress();
    for (const l of this.listeners) l(p);
  }
}
