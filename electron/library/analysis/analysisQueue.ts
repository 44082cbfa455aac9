/**
 * The analysis queue in SQLite (analysis_queue): what is left to analyse survives a
 * restart. Claimed items are marked running and carry the claiming process's id; a
 * worker beginning a file marks it started, which counts one attempt. On start-up the
 * items of processes that are gone go back to the queue — a file that was being
 * analysed each time a process died, MAX_ATTEMPTS times, is marked failed instead; files
 * that were only waiting get no strike. Items of a live process (another app or CLI on
 * the same library) are left alone. Failures leave the queue and are kept, with their
 * reason, on the sample.
 */
import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import type { HeaderFacts, KnownHeader } from '../../../shared/formats/headerFacts';
import type { Db } from '../db';

export const MAX_ATTEMPTS = 3;
/** Priority given to samples the user is looking at (the normal queue runs at 0). */
export const USER_PRIORITY = 100;

export interface ClaimedSample {
  sampleId: number;
  path: string;
  priority: number;
  hints?: NameHints;
  embedded?: EmbeddedMetadata;
  /** The header facts the import probe stored, with the size and mtime they belong to. */
  header?: KnownHeader;
}

export interface QueueCounts {
  /** Waiting in the queue. */
  queued: number;
  /** Claimed by a worker right now. */
  running: number;
  done: number;
  failed: number;
}

interface ClaimRow {
  sample_id: number;
  path: string;
  priority: number;
  name_hints_json: string | null;
  embedded_json: string | null;
  header_json: string | null;
  size: number;
  mtime_ms: number;
}

function parseJson<T>(text: string | null): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

const ids = (list: readonly number[]): string => JSON.stringify(list);

/** Whether a process with this id is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface QueueOwner {
  /** This process's id, written on the items it claims. */
  pid: number;
  /** Whether another claimer is still running (its items are not taken back). */
  alive: (pid: number) => boolean;
}

export class AnalysisQueue {
  private readonly owner: QueueOwner;

  constructor(
    private readonly db: Db,
    owner: Partial<QueueOwner> = {},
  ) {
    this.owner = { pid: owner.pid ?? process.pid, alive: owner.alive ?? processAlive };
  }

  /**
   * Takes the next `n` queued samples (highest priority, then those that were never being
   * analysed when a process died, then oldest) and marks them running.
   */
  claim(n: number): ClaimedSample[] {
    if (n <= 0) return [];
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT q.sample_id, s.path, q.priority, s.name_hints_json, s.embedded_json,
                  s.header_json, s.size, s.mtime_ms
             FROM analysis_queue q JOIN samples s ON s.id = q.sample_id
            WHERE q.state = 'queued' AND s.missing = 0
            ORDER BY q.priority DESC, q.attempts, q.enqueued_at, q.sample_id LIMIT ?`,
        )
        .all(n) as ClaimRow[];
      if (rows.length === 0) return [];
      const list = ids(rows.map((r) => r.sample_id));
      this.db
        .prepare(
          `UPDATE analysis_queue SET state = 'running', owner_pid = ?, started = 0
            WHERE sample_id IN (SELECT value FROM json_each(?))`,
        )
        .run(this.owner.pid, list);
      this.db
        .prepare(
          `UPDATE samples SET analysis_status = 'running' WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .run(list);
      return rows.map((r) => {
        const hints = parseJson<NameHints>(r.name_hints_json);
        const embedded = parseJson<EmbeddedMetadata>(r.embedded_json);
        const facts = parseJson<HeaderFacts>(r.header_json);
        return {
          sampleId: r.sample_id,
          path: r.path,
          priority: r.priority,
          ...(hints ? { hints } : {}),
          ...(embedded ? { embedded } : {}),
          ...(facts ? { header: { size: r.size, mtimeMs: r.mtime_ms, facts } } : {}),
        };
      });
    })();
  }

  /**
   * A worker has begun this claimed sample: from now on, if the process dies, the file
   * gets a strike (one attempt). One short write, before the file is opened.
   */
  markStarted(sampleId: number): void {
    this.db
      .prepare(
        `UPDATE analysis_queue SET started = 1, attempts = attempts + 1
          WHERE sample_id = ? AND state = 'running' AND started = 0`,
      )
      .run(sampleId);
  }

  /** Puts claimed samples back in the queue (paused, cancelled or shut down before they finished). */
  release(sampleIds: readonly number[]): void {
    if (sampleIds.length === 0) return;
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE analysis_queue SET state = 'queued', attempts = max(attempts - started, 0),
             started = 0, owner_pid = NULL
            WHERE state = 'running' AND sample_id IN (SELECT value FROM json_each(?))`,
        )
        .run(ids(sampleIds));
      this.restoreStatus(ids(sampleIds));
    })();
  }

  /** Samples claimed 'running' go back to 'pending' (or 'done' when re-analysis was interrupted). */
  private restoreStatus(list: string): void {
    this.db
      .prepare(
        `UPDATE samples SET analysis_status = CASE WHEN analyzed_at IS NOT NULL AND analysis_error_code IS NULL
            THEN 'done' ELSE 'pending' END
          WHERE analysis_status = 'running' AND id IN (SELECT value FROM json_each(?))`,
      )
      .run(list);
  }

  /**
   * Start-up: samples left running by processes that are gone go back to the queue,
   * except those a worker had begun MAX_ATTEMPTS times already (each time the process
   * died with them): they are marked failed. Items a live process holds stay as they
   * are. Samples waiting for analysis but missing from the queue are added. Returns how
   * many were requeued and how many failed.
   */
  recover(now = Date.now()): { requeued: number; failed: number } {
    return this.db.transaction(() => {
      const claims = this.db
        .prepare(
          `SELECT sample_id AS id, owner_pid AS pid, attempts, started FROM analysis_queue WHERE state = 'running'`,
        )
        .all() as Array<{ id: number; pid: number | null; attempts: number; started: number }>;
      const orphaned = claims.filter(
        (c) => c.pid === null || c.pid === this.owner.pid || !this.owner.alive(c.pid),
      );
      const stuck = orphaned.filter((c) => c.started === 1 && c.attempts >= MAX_ATTEMPTS);
      const back = orphaned.filter((c) => !stuck.includes(c));
      if (stuck.length > 0) {
        const list = ids(stuck.map((c) => c.id));
        this.db
          .prepare(
            `UPDATE samples SET analysis_status = 'failed', analysis_error_code = 'INTERNAL',
               analysis_error_message = ?, analyzed_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
          )
          .run(`analysis stopped the app ${MAX_ATTEMPTS} times on this file; skipped`, now, list);
        this.db
          .prepare('DELETE FROM analysis_queue WHERE sample_id IN (SELECT value FROM json_each(?))')
          .run(list);
      }
      const backList = ids(back.map((c) => c.id));
      this.db
        .prepare(
          `UPDATE analysis_queue SET state = 'queued', started = 0, owner_pid = NULL
            WHERE sample_id IN (SELECT value FROM json_each(?))`,
        )
        .run(backList);
      this.restoreStatus(backList);
      // Anything else marked running that no live process holds: back to its resting state.
      this.db
        .prepare(
          `UPDATE samples SET analysis_status = CASE WHEN analyzed_at IS NOT NULL AND analysis_error_code IS NULL
             THEN 'done' ELSE 'pending' END
            WHERE analysis_status = 'running'
              AND id NOT IN (SELECT sample_id FROM analysis_queue WHERE state = 'running')`,
        )
        .run();
      this.db
        .prepare(
          `INSERT INTO analysis_queue(sample_id, priority, enqueued_at)
           SELECT id, 0, ? FROM samples WHERE analysis_status = 'pending' AND missing = 0
           ON CONFLICT(sample_id) DO NOTHING`,
        )
        .run(now);
      return { requeued: back.length, failed: stuck.length };
    })();
  }

  /**
   * Queues samples (again). Already queued ones keep their place unless `priority` is
   * higher. Their current results stay visible until the new ones replace them.
   */
  enqueue(sampleIds: readonly number[], priority = 0, now = Date.now()): number {
    return this.db
      .prepare(
        `INSERT INTO analysis_queue(sample_id, priority, enqueued_at)
         SELECT id, ?, ? FROM samples WHERE id IN (SELECT value FROM json_each(?))
         ON CONFLICT(sample_id) DO UPDATE SET priority = max(priority, excluded.priority)`,
      )
      .run(priority, now, ids(sampleIds)).changes;
  }

  /** Queues every sample whose file is present (re-analyse the whole library). */
  enqueueAll(now = Date.now()): number {
    return this.db
      .prepare(
        `INSERT INTO analysis_queue(sample_id, priority, enqueued_at)
         SELECT id, 0, ? FROM samples WHERE missing = 0 ON CONFLICT(sample_id) DO NOTHING`,
      )
      .run(now).changes;
  }

  /** Moves queued samples to the front (the one the user is looking at). Returns how many were queued. */
  prioritize(sampleIds: readonly number[], priority = USER_PRIORITY): number {
    return this.db
      .prepare(
        `UPDATE analysis_queue SET priority = max(priority, ?)
          WHERE sample_id IN (SELECT value FROM json_each(?))`,
      )
      .run(priority, ids(sampleIds)).changes;
  }

  /** Queues every failed sample again (e.g. after the user fixed a file). Returns the ids. */
  retryFailed(now = Date.now()): number[] {
    return this.db.transaction(() => {
      const failed = this.db
        .prepare(`SELECT id FROM samples WHERE analysis_status = 'failed' AND missing = 0`)
        .pluck()
        .all() as number[];
      this.db
        .prepare(
          `UPDATE samples SET analysis_status = 'pending', analysis_error_code = NULL,
             analysis_error_message = NULL WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .run(ids(failed));
      this.enqueue(failed, 0, now);
      return failed;
    })();
  }

  /** Queues samples analysed by an older analyser version than `versionCode`. Returns how many. */
  enqueueOutdated(versionCode: number, now = Date.now()): number {
    return this.db
      .prepare(
        `INSERT INTO analysis_queue(sample_id, priority, enqueued_at)
         SELECT id, 0, ? FROM samples
          WHERE analysis_status IN ('done', 'failed') AND missing = 0
            AND (analysis_version IS NULL OR analysis_version < ?)
         ON CONFLICT(sample_id) DO NOTHING`,
      )
      .run(now, versionCode).changes;
  }

  /** Takes queued (not running) samples out of the queue; all of them when no ids are given. */
  cancel(sampleIds?: readonly number[]): number {
    if (!sampleIds) {
      return this.db.prepare(`DELETE FROM analysis_queue WHERE state = 'queued'`).run().changes;
    }
    return this.db
      .prepare(
        `DELETE FROM analysis_queue WHERE state = 'queued' AND sample_id IN (SELECT value FROM json_each(?))`,
      )
      .run(ids(sampleIds)).changes;
  }

  counts(): QueueCounts {
    const q = this.db
      .prepare(
        `SELECT coalesce(sum(state = 'queued'), 0) AS queued, coalesce(sum(state = 'running'), 0) AS running
           FROM analysis_queue`,
      )
      .get() as { queued: number; running: number };
    const by = new Map(
      (
        this.db
          .prepare(
            'SELECT analysis_status AS status, count(*) AS n FROM samples GROUP BY analysis_status',
          )
          .all() as Array<{ status: string; n: number }>
      ).map((r) => [r.status, r.n]),
    );
    const s = { done: by.get('done') ?? 0, failed: by.get('failed') ?? 0 };
    return { queued: q.queued, running: q.running, done: s.done, failed: s.failed };
  }
}
