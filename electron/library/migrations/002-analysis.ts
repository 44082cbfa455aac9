import type { Migration } from './types';

/**
 * Storage for analysis results: the fields the browser sorts and filters on stay
 * columns of `samples`; the rest of the JSON result, the waveform peaks and the
 * feature vector / embedding live in side tables so that listing rows stays cheap.
 */
export const analysisStorage: Migration = {
  version: 2,
  name: 'analysis results, peaks, features and embeddings',
  up(db) {
    db.exec(`
      ALTER TABLE samples ADD COLUMN kind_confidence REAL;
      ALTER TABLE samples ADD COLUMN bpm_source TEXT;
      ALTER TABLE samples ADD COLUMN beats INTEGER;
      ALTER TABLE samples ADD COLUMN key_source TEXT;
      ALTER TABLE samples ADD COLUMN root_midi INTEGER;
      ALTER TABLE samples ADD COLUMN root_cents REAL;
      ALTER TABLE samples ADD COLUMN root_confidence REAL;
      ALTER TABLE samples ADD COLUMN loudness_method TEXT;
      ALTER TABLE samples ADD COLUMN brightness REAL;
      ALTER TABLE samples ADD COLUMN attack_sec REAL;
      ALTER TABLE samples ADD COLUMN tail_sec REAL;
      ALTER TABLE samples ADD COLUMN stereo_width REAL;
      ALTER TABLE samples ADD COLUMN clipped INTEGER NOT NULL DEFAULT 0;
      -- Top classifier candidates, JSON [{ "class": "kick", "p": 0.93 }, …].
      ALTER TABLE samples ADD COLUMN class_candidates_json TEXT;
      -- Content class of loops (drums, bass, melodic, vocal, fx).
      ALTER TABLE samples ADD COLUMN loop_class TEXT;
      CREATE INDEX samples_root ON samples(root_midi);
      CREATE INDEX samples_brightness ON samples(brightness);
      CREATE INDEX samples_analysis_status ON samples(analysis_status);

      -- Everything else the analyser said (descriptors, warnings …), AnalysisFields JSON.
      CREATE TABLE sample_analysis (
        sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
        analyzer_version TEXT NOT NULL,
        fields_json TEXT NOT NULL
      );

      -- Multi-resolution waveform peaks in the SMPK layout (shared/peaksCodec.ts).
      CREATE TABLE sample_peaks (
        sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
        peaks BLOB NOT NULL
      );

      -- Feature vector (float32) and similarity embedding (float32 or int8, see embedding_format).
      CREATE TABLE sample_features (
        sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
        vector_version INTEGER NOT NULL,
        vector BLOB NOT NULL,
        embedding_version TEXT,
        embedding_format TEXT CHECK (embedding_format IN ('f32', 'i8')),
        embedding BLOB
      );

      -- Failed analyses are kept out of the queue but remembered with their reason.
      ALTER TABLE analysis_queue ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'running'));
    `);
  },
};
