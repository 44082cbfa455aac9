import type { Migration } from './types';

/**
 * How far each sample's class can be trusted: 'sure', 'likely' or 'guess'
 * (electron/analysis/classify/decision.ts). Since this step the analysis stores the
 * model's top class always, a guess included; search filters leave guesses out unless
 * asked. A class stored before this step passed the model's threshold (or came from a
 * name), which is what 'likely' means now; a re-analysis sets sure and guess.
 */
export const classTier: Migration = {
  version: 7,
  name: 'class tier (sure, likely, guess)',
  up(db) {
    db.exec(`
      ALTER TABLE samples ADD COLUMN class_tier TEXT
        CHECK (class_tier IN ('sure', 'likely', 'guess'));
      UPDATE samples SET class_tier = 'likely' WHERE class IS NOT NULL;
    `);
  },
};
