// ESLint flat config. The layering of docs/architecture.md is enforced here: the
// environment boundaries with `no-restricted-imports` (shared/ is pure, renderer/ never
// reaches Node or the main process, only electron/platform/ plus main.ts and preload.ts
// import 'electron'), and the folder-level import table with `samplemind/layers`
// (eslint-rules/layers.js). Import cycles are caught by scripts/importGraph.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { layersRule } from './eslint-rules/layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const electronOnlyInPlatform = {
  name: 'electron',
  message:
    "Only electron/platform/, electron/main.ts and electron/preload.ts may import 'electron'.",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.scratch/',
      'dist/',
      'release/',
      '.tsbuild/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'models/training/.data/',
      '**/*.py',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  // Folder-level layering: each folder imports only the folders below it.
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { samplemind: { rules: { layers: layersRule } } },
    rules: { 'samplemind/layers': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  // shared/: pure TypeScript, no Node, no DOM, nothing from the other folders.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInPlatform,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ must not import Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'react/*'],
              message: 'shared/ imports nothing from electron/, renderer/ or UI libraries.',
            },
          ],
        },
      ],
    },
  },
  // shared/ runs in Node and in the browser: no Node-only or DOM-only globals either (the
  // audio-format parsers in shared/formats read plain Uint8Arrays). Tests run in Node only.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', '__dirname', 'window', 'document'].map((name) => ({
          name,
          message: `shared/ runs in Node and the browser: no ${name} (bytes: Uint8Array, shared/formats/bytes.ts).`,
        })),
      ],
    },
  },
  // renderer/: browser code; never Node built-ins, never the main process.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to the main process only through renderer/api.',
            },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer runs in a sandbox: no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer must not import main-process code; use renderer/api.',
            },
          ],
        },
      ],
    },
  },
  // electron/: plain Node except the platform layer.
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/platform/**', 'electron/main.ts', 'electron/preload.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInPlatform],
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'Main-process code must not import the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/platform/**/*.ts', 'electron/main.ts', 'electron/preload.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'Main-process code must not import the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'faults/**/*.ts',
      'models/training/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      '*.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
