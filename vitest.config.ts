import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Research code (models/training) runs in its own suite: vitest.training.config.ts.
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['electron/**/*.ts', 'shared/**/*.ts'],
      exclude: [
        '**/*.test.ts',
        '**/test-support/**',
        // The thin Electron entry points cannot run without the Electron binary, which
        // cannot be downloaded here; they are typechecked, and all they call is tested.
        'electron/main.ts',
        'electron/preload.ts',
        'electron/platform/**',
        // Process entry points (argv/env parsing and wiring only).
        'electron/**/entry.ts',
        'electron/app/*Entry.ts',
      ],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 89 },
    },
  },
});
