import type { Migration } from './types';

/**
 * Samples the duplicates report found to hold the same decoded audio as another file in a
 * different container (a WAV and the FLAC of it: electron/library/similar/pcmHash.ts). The
 * Duplicates view shows them as one exact group; "hide duplicates" reads them here so it
 * hides what the view would let go. A record holds while the sample's content hash is the
 * one it was made for (a changed file is decoded again by the next report).
 */
export const sameAudio: Migration = {
  version: 9,
  name: 'same audio in other containers',
  up(db) {
    db.exec(`
      CREATE TABLE same_audio (
        sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        pcm_hash TEXT NOT NULL
      );
      CREATE INDEX same_audio_pcm ON same_audio(pcm_hash);
    `);
  },
};
