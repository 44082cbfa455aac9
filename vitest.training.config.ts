import { defineConfig } from 'vitest/config';

/** The research suite: models/training (dataset builders, features, training helpers). */
export default defineConfig({
  test: {
    include: ['models/training/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
