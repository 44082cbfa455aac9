// Bundles the main-process side (Electron main + preload, web server, CLI, workers) with
// esbuild into dist/electron (or `--outdir <dir>`, used by the test that installs the CLI).
// npm packages stay external (native modules among them).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

const entries = {
  main: 'electron/main.ts',
  server: 'electron/app/webEntry.ts',
  cli: 'electron/app/cliEntry.ts',
  'analysis-worker': 'electron/analysis/pool/worker-entry.ts',
  'import-worker': 'electron/library/import/worker-entry.ts',
};

const at = process.argv.indexOf('--outdir');
const outdir = at !== -1 && process.argv[at + 1] ? process.argv[at + 1] : 'dist/electron';
rmSync(outdir, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};
await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
  outdir,
  format: 'esm',
  external: ['electron'],
});
// A sandboxed preload must be a single CommonJS script.
if (existsSync('electron/preload.ts')) {
  await build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  });
}
console.log(`built ${outdir}`);
