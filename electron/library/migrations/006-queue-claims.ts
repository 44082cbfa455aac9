import type { Migration } from './types';

/**
 * Who holds a claimed queue item, and whether a worker has begun it. Two processes may
 * analyse one library (the app and the CLI): start-up recovery only takes back items of
 * processes that are gone (owner_pid), and a strike (attempts) counts only for the file
 * a worker was analysing when its process died (started), not for the ones waiting.
 * Existing attempts are kept.
 */
export const queueClaims: Migration = {
  version: 6,
  name: 'analysis queue claims (owner process, started)',
  up(db) {
    db.exec(`
      ALTER TABLE analysis_queue ADD COLUMN owner_pid INTEGER;
      ALTER TABLE analysis_queue ADD COLUMN started INTEGER NOT NULL DEFAULT 0 CHECK (started IN (0, 1));
    `);
  },
};
