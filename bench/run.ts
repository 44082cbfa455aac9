// `npm run bench`: runs every benchmark suite (each writes bench/results/<name>.json)
// and prints one JSON summary. `npm run bench -- search import` runs only those.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR, writeResult } from './lib/results';

const SUITES: Record<string, string> = {
  import: './import.bench.ts',
  search: './search.bench.ts',
  analysis: './analysis.bench.ts',
  similarity: './similarity.bench.ts',
  'ai-router': './ai-router.bench.ts',
  ui: './ui.bench.ts',
  chat: './chat.bench.ts',
  speed: './speed.bench.ts',
  webimport: './webImport.bench.ts',
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const summary: Record<string, unknown> = {};
for (const [name, file] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) continue;
  const started = Date.now();
  console.error(`bench: ${name} …`);
  try {
    const suite = (await import(file)) as { run: () => Promise<unknown> };
    summary[name] = {
      seconds: Math.round((Date.now() - started) / 1000),
      result: await suite.run(),
    };
  } catch (error) {
    summary[name] = { error: error instanceof Error ? error.message : String(error) };
    process.exitCode = 1;
  }
}
// A subset run updates its suites in summary.json and keeps the others' last results.
const summaryFile = join(RESULTS_DIR, 'summary.json');
const previous = existsSync(summaryFile)
  ? ((JSON.parse(readFileSync(summaryFile, 'utf8')) as { suites?: Record<string, unknown> })
      .suites ?? {})
  : {};
writeResult('summary', { suites: wanted.length > 0 ? { ...previous, ...summary } : summary });
console.log(JSON.stringify(summary, null, 2));
