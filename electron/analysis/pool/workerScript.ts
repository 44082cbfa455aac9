import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerScript } from './types';

/** URL of tsx's ESM API (to register the TypeScript loader inside a worker). */
export function tsxApiUrl(from: string): string {
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      // fall through
    }
  }
  // createRequire resolves the CommonJS build; the ESM build sits beside it.
  const cjs = createRequire(from).resolve('tsx/esm/api');
  return pathToFileURL(join(dirname(cjs), 'index.mjs')).href;
}

/**
 * The script a worker runs. Built app: the bundled `compiled` file next to the bundle
 * (e.g. dist/electron/analysis-worker.js, resolved from the bundle's import.meta.url).
 * From source (tests, tsx): a small evaluated bootstrap that registers tsx and imports
 * the TypeScript entry. (`execArgv: ['--import', 'tsx']` does not apply tsx's hooks to a
 * worker's own entry module on Node 20.20, measured, hence the bootstrap.)
 */
export function workerScript(compiled: URL, source: URL): WorkerScript {
  if (existsSync(fileURLToPath(compiled))) return { filename: compiled, eval: false };
  const api = tsxApiUrl(fileURLToPath(source));
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`;
  return { filename: code, eval: true };
}
