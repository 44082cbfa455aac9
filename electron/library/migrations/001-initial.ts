import type { Migration } from './types';

/**
 * The library index: folders, samples (header facts, metadata hints, analysis
 * results, user data), tags, collections, the analysis queue, import jobs and
 * import errors, settings, and an FTS5 index over names, folders and tags that
 * triggers keep in step with the tables.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial library schema',
  up(db) {
    db.exec(`
      CREATE TABLE folders (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        added_at INTEGER NOT NULL,
        last_scan_at INTEGER,
        watch INTEGER NOT NULL DEFAULT 1,
        problem_code TEXT,
        problem_message TEXT
      );

      CREATE TABLE samples (
        id INTEGER PRIMARY KEY,
        folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        path TEXT NOT NULL UNIQUE,
        dir TEXT NOT NULL,
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        codec TEXT,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        added_at INTEGER NOT NULL,
        content_hash TEXT,
        duration REAL,
        sample_rate INTEGER,
        channels INTEGER,
        bit_depth INTEGER,
        embedded_json TEXT,
        name_hints_json TEXT,
        warnings_json TEXT,
        kind TEXT CHECK (kind IN ('one-shot', 'loop')),
        bpm REAL,
        bpm_confidence REAL,
        key TEXT,
        key_code INTEGER,
        key_confidence REAL,
        root_note TEXT,
        lufs REAL,
        true_peak REAL,
        sample_peak REAL,
        class TEXT,
        class_confidence REAL,
        analysis_status TEXT NOT NULL DEFAULT 'pending'
          CHECK (analysis_status IN ('pending', 'running', 'done', 'failed')),
        analysis_version INTEGER,
        analysis_error_code TEXT,
        analysis_error_message TEXT,
        analyzed_at INTEGER,
        rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
        favorite INTEGER NOT NULL DEFAULT 0 CHECK (favorite IN (0, 1)),
        missing INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0, 1))
      );
      CREATE INDEX samples_folder_dir ON samples(folder_id, dir);
      CREATE INDEX samples_name ON samples(name COLLATE NOCASE);
      CREATE INDEX samples_class ON samples(class);
      CREATE INDEX samples_kind ON samples(kind);
      CREATE INDEX samples_bpm ON samples(bpm);
      CREATE INDEX samples_key ON samples(key_code);
      CREATE INDEX samples_duration ON samples(duration);
      CREATE INDEX samples_lufs ON samples(lufs);
      CREATE INDEX samples_rating ON samples(rating);
      CREATE INDEX samples_added ON samples(added_at);
      CREATE INDEX samples_size ON samples(size);
      CREATE INDEX samples_hash ON samples(content_hash);
      CREATE INDEX samples_favorite ON samples(id) WHERE favorite = 1;
      CREATE INDEX samples_missing ON samples(id) WHERE missing = 1;

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE sample_tags (
        sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        -- user: the user's own; auto: derived by analysis; suggested: proposed (e.g. by
        -- the AI), not yet accepted; rejected: an automatic tag the user removed, kept so
        -- that re-analysis does not bring it back.
        source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'auto', 'suggested', 'rejected')),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (sample_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX sample_tags_tag ON sample_tags(tag_id, sample_id);

      CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE collection_samples (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (collection_id, sample_id)
      ) WITHOUT ROWID;
      CREATE INDEX collection_samples_sample ON collection_samples(sample_id);

      CREATE TABLE analysis_queue (
        sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
        priority INTEGER NOT NULL DEFAULT 0,
        enqueued_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX analysis_queue_order ON analysis_queue(priority DESC, enqueued_at, sample_id);

      CREATE TABLE import_jobs (
        id INTEGER PRIMARY KEY,
        folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        phase TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        files_seen INTEGER NOT NULL DEFAULT 0,
        files_added INTEGER NOT NULL DEFAULT 0,
        files_updated INTEGER NOT NULL DEFAULT 0,
        files_unchanged INTEGER NOT NULL DEFAULT 0,
        files_relinked INTEGER NOT NULL DEFAULT 0,
        files_removed INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT
      );
      CREATE INDEX import_jobs_folder ON import_jobs(folder_id, id);

      CREATE TABLE import_errors (
        id INTEGER PRIMARY KEY,
        folder_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
        path TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX import_errors_folder ON import_errors(folder_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE VIRTUAL TABLE samples_fts USING fts5(
        name, dir, tags,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      CREATE TRIGGER samples_fts_insert AFTER INSERT ON samples BEGIN
        INSERT INTO samples_fts(rowid, name, dir, tags)
        VALUES (NEW.id, sm_index_text(NEW.name), sm_index_text(NEW.dir), '');
      END;

      CREATE TRIGGER samples_fts_rename AFTER UPDATE OF name, dir ON samples BEGIN
        INSERT OR REPLACE INTO samples_fts(rowid, name, dir, tags)
        VALUES (NEW.id, sm_index_text(NEW.name), sm_index_text(NEW.dir), sm_index_text(coalesce((SELECT group_concat(t.name, ' ') FROM sample_tags x JOIN tags t ON t.id = x.tag_id WHERE x.sample_id = NEW.id AND x.source IN ('user', 'auto')), '')));
      END;

      CREATE TRIGGER samples_fts_delete AFTER DELETE ON samples BEGIN
        DELETE FROM samples_fts WHERE rowid = OLD.id;
      END;

      CREATE TRIGGER sample_tags_fts_insert AFTER INSERT ON sample_tags
      WHEN NEW.source IN ('user', 'auto') BEGIN
        INSERT OR REPLACE INTO samples_fts(rowid, name, dir, tags)
        SELECT id, sm_index_text(name), sm_index_text(dir), sm_index_text(coalesce((SELECT group_concat(t.name, ' ') FROM sample_tags x JOIN tags t ON t.id = x.tag_id WHERE x.sample_id = samples.id AND x.source IN ('user', 'auto')), ''))
        FROM samples WHERE id = NEW.sample_id;
      END;

      CREATE TRIGGER sample_tags_fts_update AFTER UPDATE OF source ON sample_tags BEGIN
        INSERT OR REPLACE INTO samples_fts(rowid, name, dir, tags)
        SELECT id, sm_index_text(name), sm_index_text(dir), sm_index_text(coalesce((SELECT group_concat(t.name, ' ') FROM sample_tags x JOIN tags t ON t.id = x.tag_id WHERE x.sample_id = samples.id AND x.source IN ('user', 'auto')), ''))
        FROM samples WHERE id = NEW.sample_id;
      END;

      CREATE TRIGGER sample_tags_fts_delete AFTER DELETE ON sample_tags
      WHEN OLD.source IN ('user', 'auto') BEGIN
        INSERT OR REPLACE INTO samples_fts(rowid, name, dir, tags)
        SELECT id, sm_index_text(name), sm_index_text(dir), sm_index_text(coalesce((SELECT group_concat(t.name, ' ') FROM sample_tags x JOIN tags t ON t.id = x.tag_id WHERE x.sample_id = samples.id AND x.source IN ('user', 'auto')), ''))
        FROM samples WHERE id = OLD.sample_id;
      END;

      CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
        INSERT OR REPLACE INTO samples_fts(rowid, name, dir, tags)
        SELECT s.id, sm_index_text(s.name), sm_index_text(s.dir), sm_index_text(coalesce((SELECT group_concat(t.name, ' ') FROM sample_tags x JOIN tags t ON t.id = x.tag_id WHERE x.sample_id = s.id AND x.source IN ('user', 'auto')), ''))
        FROM sample_tags st JOIN samples s ON s.id = st.sample_id
        WHERE st.tag_id = NEW.id AND st.source IN ('user', 'auto');
      END;
    `);
  },
};
