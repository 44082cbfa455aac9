import type { Migration } from './types';

/**
 * Where each sample's class comes from: 'audio' (the classifier) or 'name' (the file or
 * folder name, electron/analysis/hints/resolveClass.ts). Classes stored before this step
 * all came from the audio; a re-analysis reads the names.
 */
export const classSource: Migration = {
  version: 5,
  name: 'class source (audio or name)',
  up(db) {
    db.exec(`
      ALTER TABLE samples ADD COLUMN class_source TEXT CHECK (class_source IN ('audio', 'name'));
      UPDATE samples SET class_source = 'audio' WHERE class IS NOT NULL;
    `);
  },
};
