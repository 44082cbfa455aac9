import { defineConfig } from 'vitest/config';

/** The research suite: models/training (dataset builders, features, training helpers). */
export default defineConfig({
  test: {
    include: ['models/training/**/*.test.ts'],
    pool: 'forks',
    // Synthesising and measuring drums is CPU-bound; on a loaded 2-core host it takes minutes.
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
