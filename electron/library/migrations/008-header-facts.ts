import type { Migration } from './types';

/**
 * The header facts the import probe read (shared/formats/headerFacts.ts: format, codec,
 * rate, channels, bit depth, frames, where the audio lies), as JSON, so that analysis
 * decodes without parsing the header a second time. Rows imported before this step have
 * none; their header is parsed when they are analysed, as before.
 */
export const headerFacts: Migration = {
  version: 8,
  name: 'header facts for decoding',
  up(db) {
    db.exec('ALTER TABLE samples ADD COLUMN header_json TEXT');
  },
};
