import type { ErrorData } from '../../../shared/result';
import type { Db } from '../db';
import type { SampleFacts } from './sampleFacts';

export interface Placement {
  folderId: number;
  path: string;
  dir: string;
  name: string;
}

/** The prepared statements the importer writes with (one set per database). */
export class SampleWriter {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly relinkStmt;
  private readonly findMissingByHash;
  private readonly enqueueStmt;
  private readonly recordErrorStmt;
  private readonly clearErrorStmt;

  constructor(private readonly db: Db) {
    this.insertStmt =
      db.prepare(`INSERT INTO samples (folder_id, path, dir, name, format, codec, size, mtime_ms, added_at,
        content_hash, duration, sample_rate, channels, bit_depth, embedded_json, name_hints_json, warnings_json,
        header_json, kind, bpm, key, key_code, root_note)
      VALUES (@folderId, @path, @dir, @name, @format, @codec, @size, @mtimeMs, @now, @contentHash, @duration, @sampleRate,
        @channels, @bitDepth, @embeddedJson, @hintsJson, @warningsJson, @headerJson, @kind, @bpm, @key, @keyCode, @rootNote)`);
    // A changed file: new header facts; analysis again if the audio itself changed.
    this.updateStmt =
      db.prepare(`UPDATE samples SET format = @format, codec = @codec, size = @size, mtime_ms = @mtimeMs,
        duration = @duration, sample_rate = @sampleRate, channels = @channels, bit_depth = @bitDepth,
        embedded_json = @embeddedJson, name_hints_json = @hintsJson, warnings_json = @warningsJson, header_json = @headerJson, missing = 0,
        analysis_status = CASE WHEN content_hash IS @contentHash THEN analysis_status ELSE 'pending' END,
        content_hash = @contentHash,
        kind = coalesce(kind, @kind), bpm = coalesce(bpm, @bpm), key = coalesce(key, @key),
        key_code = coalesce(key_code, @keyCode), root_note = coalesce(root_note, @rootNote)
      WHERE id = @id`);
    this.relinkStmt = db.prepare(
      // The header facts were read from the old file: the moved one's header is read again when analysed.
      'UPDATE samples SET folder_id = ?, path = ?, dir = ?, name = ?, mtime_ms = ?, header_json = NULL, missing = 0 WHERE id = ?',
    );
    this.findMissingByHash = db.prepare(
      // INDEXED BY: without statistics the planner would walk the table in id order instead.
      'SELECT id FROM samples INDEXED BY samples_hash WHERE content_hash = ? AND size = ? AND missing = 1 ORDER BY id LIMIT 1',
    );
    this.enqueueStmt = db.prepare(
      'INSERT INTO analysis_queue(sample_id, priority, enqueued_at) VALUES (?, 0, ?) ON CONFLICT(sample_id) DO NOTHING',
    );
    this.recordErrorStmt =
      db.prepare(`INSERT INTO import_errors(folder_id, path, code, message, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(path) DO UPDATE SET folder_id = excluded.folder_id, code = excluded.code, message = excluded.message, at = excluded.at`);
    this.clearErrorStmt = db.prepare('DELETE FROM import_errors WHERE path = ?');
  }

  insert(place: Placement, facts: SampleFacts, now: number): number {
    const id = Number(this.insertStmt.run({ ...place, ...facts, now }).lastInsertRowid);
    this.enqueueStmt.run(id, now);
    return id;
  }

  /** Updates a known sample whose file changed; returns whether it needs analysis again. */
  update(id: number, facts: SampleFacts, now: number): void {
    this.updateStmt.run({ ...facts, id });
    const status = this.db
      .prepare('SELECT analysis_status AS s FROM samples WHERE id = ?')
      .get(id) as { s: string };
    if (status.s === 'pending') this.enqueueStmt.run(id, now);
  }

  /** A file that is a missing sample's content at a new place: move the sample there (keeps tags). */
  relinkTarget(contentHash: string, size: number): number | null {
    const row = this.findMissingByHash.get(contentHash, size) as { id: number } | undefined;
    return row?.id ?? null;
  }

  relink(id: number, place: Placement, mtimeMs: number): void {
    this.relinkStmt.run(place.folderId, place.path, place.dir, place.name, mtimeMs, id);
  }

  recordError(folderId: number | null, path: string, error: ErrorData, now: number): void {
    this.recordErrorStmt.run(folderId, path, error.code, error.message, now);
  }

  clearError(path: string): void {
    this.clearErrorStmt.run(path);
  }
}
