import type { ErrorData } from '../../../shared/result';

/** Main thread → worker. */
export interface TaskMessage<I> {
  type: 'task';
  id: string;
  input: I;
}

/** Worker → main thread. */
export type ReplyMessage<O> =
  | { type: 'ready' }
  /** The task is making progress (decoding a long file): not hung. */
  | { type: 'alive'; id: string }
  | { type: 'result'; id: string; ok: true; value: O }
  | { type: 'result'; id: string; ok: false; error: ErrorData };

export type TaskOutcome<O> =
  | { id: string; ok: true; value: O; ms: number }
  | { id: string; ok: false; error: ErrorData; ms: number };

export interface PoolProgress {
  queued: number;
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
  /** Tasks finished per second over the last few seconds (0 before the first). */
  perSecond: number;
  /** Seconds until the queue is empty at the current rate (null when unknown). */
  etaSec: number | null;
  paused: boolean;
  workers: number;
}

export interface SubmitOptions {
  /** Stable id (e.g. the sample id); generated when omitted. Ids must be unique among live tasks. */
  id?: string;
  /** Higher runs first; equal priorities run in submission order. Default 0. */
  priority?: number;
  /** Called when a ready worker begins the task (a worker still loading has not begun it). */
  onStart?: () => void;
}

/** How to start a worker: a script file, or code evaluated in the worker (source mode via tsx). */
export interface WorkerScript {
  filename: string | URL;
  eval: boolean;
}
