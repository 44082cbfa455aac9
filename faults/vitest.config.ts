import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run faults`): the built app, as real processes, against hostile
 * files, hard kills, hostile requests and a shared library. Slow by nature; one file at a time.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['faults/**/*.fault.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
