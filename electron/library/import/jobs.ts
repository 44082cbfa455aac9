import type { ImportJobInfo, ImportPhase } from '../../../shared/contract';
import { isErrorCode } from '../../../shared/result';
import type { Db } from '../db';

interface JobRow {
  id: number;
  folder_id: number;
  folder_path: string;
  phase: string;
  started_at: number;
  finished_at: number | null;
  files_seen: number;
  files_added: number;
  files_updated: number;
  files_unchanged: number;
  files_relinked: number;
  files_removed: number;
  errors: number;
  error_code: string | null;
  error_message: string | null;
}

const SELECT = `SELECT j.*, f.path AS folder_path FROM import_jobs j JOIN folders f ON f.id = j.folder_id`;

export type JobCounters = Pick<
  ImportJobInfo,
  | 'filesSeen'
  | 'filesAdded'
  | 'filesUpdated'
  | 'filesUnchanged'
  | 'filesRelinked'
  | 'filesRemoved'
  | 'errors'
>;

/** Counters of a job that has not seen any file yet. */
export function emptyCounters(): JobCounters {
  return {
    filesSeen: 0,
    filesAdded: 0,
    filesUpdated: 0,
    filesUnchanged: 0,
    filesRelinked: 0,
    filesRemoved: 0,
    errors: 0,
  };
}

export function toJobInfo(row: JobRow): ImportJobInfo {
  const end = row.finished_at ?? Date.now();
  const seconds = Math.max(0.001, (end - row.started_at) / 1000);
  return {
    id: row.id,
    folderId: row.folder_id,
    folderPath: row.folder_path,
    phase: row.phase as ImportPhase,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    filesSeen: row.files_seen,
    filesAdded: row.files_added,
    filesUpdated: row.files_updated,
    filesUnchanged: row.files_unchanged,
    filesRelinked: row.files_relinked,
    filesRemoved: row.files_removed,
    errors: row.errors,
    filesPerSec: Math.round(row.files_seen / seconds),
    error:
      row.error_code && isErrorCode(row.error_code)
        ? { code: row.error_code, message: row.error_message ?? '' }
        : null,
  };
}

export function createJob(db: Db, folderId: number, now: number): number {
  return Number(
    db
      .prepare("INSERT INTO import_jobs(folder_id, phase, started_at) VALUES (?, 'queued', ?)")
      .run(folderId, now).lastInsertRowid,
  );
}

export function getJob(db: Db, id: number): ImportJobInfo | null {
  const row = db.prepare(`${SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
  return row ? toJobInfo(row) : null;
}

export function recentJobs(db: Db, limit = 50): ImportJobInfo[] {
  return (db.prepare(`${SELECT} ORDER BY j.id DESC LIMIT ?`).all(limit) as JobRow[]).map(toJobInfo);
}

export function unfinishedJobs(db: Db): ImportJobInfo[] {
  return (
    db
      .prepare(`${SELECT} WHERE j.phase IN ('queued', 'indexing', 'finishing') ORDER BY j.id`)
      .all() as JobRow[]
  ).map(toJobInfo);
}

export function saveJob(
  db: Db,
  id: number,
  phase: ImportPhase,
  c: JobCounters,
  finishedAt: number | null,
  error?: { code: string; message: string },
): void {
  db.prepare(
    `UPDATE import_jobs SET phase = ?, files_seen = ?, files_added = ?, files_updated = ?, files_unchanged = ?,
       files_relinked = ?, files_removed = ?, errors = ?, finished_at = ?, error_code = ?, error_message = ? WHERE id = ?`,
  ).run(
    phase,
    c.filesSeen,
    c.filesAdded,
    c.filesUpdated,
    c.filesUnchanged,
    c.filesRelinked,
    c.filesRemoved,
    c.errors,
    finishedAt,
    error?.code ?? null,
    error?.message ?? null,
    id,
  );
}
