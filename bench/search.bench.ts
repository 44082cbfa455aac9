// Search latency at 10k, 100k and 1M generated samples, for text, filter and sort
// queries, through the in-memory index the app uses (and the SQL path the CLI uses,
// for reference). Each size runs in its own process so its RSS is the backend's own.
// Goals: p95 < 20 ms at 1M; backend RSS < 400 MB at 1M.
// Wall-clock times depend on what else runs: each size also reports the process's CPU time
// per query (user + system) and the load average before and after it.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../electron/library/db';
import { fillSyntheticLibrary } from '../electron/library/fixtures/syntheticLibrary';
import { MIGRATIONS } from '../electron/library/migrations/index';
import { SearchService } from '../electron/library/search/searchService';
import { searchSamples } from '../electron/library/search/search';
import { LibraryIndex } from '../electron/library/searchIndex/libraryIndex';
import type { SearchQuery } from '../shared/schemas';
import { DATA_DIR, isMain, percentile, round, writeResult } from './lib/results';

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = 30;

export const QUERIES: Array<{
  label: string;
  type: 'text' | 'filter' | 'sort';
  query: SearchQuery;
}> = [
  { label: 'text "kick"', type: 'text', query: { text: 'kick' } },
  { label: 'text "dark pad"', type: 'text', query: { text: 'dark pad' } },
  { label: 'text "808 bass"', type: 'text', query: { text: '808 bass' } },
  { label: 'text "sn" (as you type)', type: 'text', query: { text: 'sn' } },
  {
    label: 'text "loop" by relevance',
    type: 'text',
    query: { text: 'loop', sort: { by: 'relevance', dir: 'asc' } },
  },
  {
    label: 'loops 120–128 BPM (half/double)',
    type: 'filter',
    query: { filters: { kind: 'loop', bpm: { min: 120, max: 128, halfDouble: true } } },
  },
  {
    label: 'kicks, loudest first',
    type: 'filter',
    query: { filters: { classes: ['kick'] }, sort: { by: 'lufs', dir: 'desc' } },
  },
  {
    label: 'A minor + compatible keys',
    type: 'filter',
    query: { filters: { key: { key: 'A minor', relation: 'compatible' } } },
  },
  { label: 'favourites', type: 'filter', query: { filters: { favorite: true } } },
  { label: 'tag "dark"', type: 'filter', query: { filters: { tags: ['dark'] } } },
  {
    label: 'one-shots < 0.5 s',
    type: 'filter',
    query: { filters: { kind: 'one-shot', durationSec: { max: 0.5 } } },
  },
  {
    label: 'text "bass" + key A minor (relative)',
    type: 'filter',
    query: { text: 'bass', filters: { key: { key: 'Am', relation: 'relative' } } },
  },
  { label: 'all, by name', type: 'sort', query: {} },
  { label: 'all, by BPM desc', type: 'sort', query: { sort: { by: 'bpm', dir: 'desc' } } },
  { label: 'all, newest first', type: 'sort', query: { sort: { by: 'added', dir: 'desc' } } },
  { label: 'all, by key', type: 'sort', query: { sort: { by: 'key', dir: 'asc' } } },
  { label: 'page 2 of "kick" by name', type: 'sort', query: { text: 'kick', limit: 100 } },
];

/** A generated library of `count` samples, cached under bench/.data per schema version. */
export function syntheticDb(count: number): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, `synthetic-${count}-v${MIGRATIONS.length}.db`);
  if (existsSync(file)) return file;
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  const db = openDatabase(tmp);
  fillSyntheticLibrary(db, { count, seed: 42 });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(tmp, file);
  return file;
}

function stats(times: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]!),
  };
}

/** Measures one size (in this process). */
async function measure(count: number): Promise<Record<string, unknown>> {
  const db = openDatabase(syntheticDb(count));
  const index = new LibraryIndex(db);
  const loadStart = performance.now();
  await index.load();
  const loadMs = performance.now() - loadStart;
  const service = new SearchService(db, index);
  const all: number[] = [];
  const byType: Record<string, number[]> = { text: [], filter: [], sort: [] };
  const cpuByType: Record<string, number[]> = { text: [], filter: [], sort: [] };
  const loadBefore = loadavg()[0]!;
  const perQuery = [];
  for (const { label, type, query } of QUERIES) {
    const second = label.startsWith('page 2');
    const cursor = second ? service.search(query).nextCursor : null;
    const q = second ? { ...query, cursor } : query;
    service.search(q); // warm
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let total: number | null = null;
    for (let i = 0; i < RUNS; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      const page = service.search(q);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpuTimes.push((used.user + used.system) / 1000);
      total ??= page.total;
    }
    const sqlTimes: number[] = [];
    for (let i = 0; i < (count >= 1_000_000 ? 3 : 5); i++) {
      const t = performance.now();
      searchSamples(db, q);
      sqlTimes.push(performance.now() - t);
    }
    all.push(...times);
    byType[type]!.push(...times);
    cpuByType[type]!.push(...cpuTimes);
    perQuery.push({
      label,
      type,
      total,
      ...stats(times),
      cpuMs: stats(cpuTimes),
      sqlPathP50: stats(sqlTimes).p50,
    });
  }
  const rssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
  db.close();
  return {
    samples: count,
    indexLoadMs: Math.round(loadMs),
    rssMB,
    overall: stats(all),
    text: stats(byType.text!),
    filter: stats(byType.filter!),
    sort: stats(byType.sort!),
    cpuMs: {
      text: stats(cpuByType.text!),
      filter: stats(cpuByType.filter!),
      sort: stats(cpuByType.sort!),
    },
    loadAverage: { before: round(loadBefore), after: round(loadavg()[0]!) },
    queries: perQuery,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const self = fileURLToPath(import.meta.url);
  const sizes = [];
  for (const count of SIZES) {
    syntheticDb(count);
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--size', String(count)], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    sizes.push(JSON.parse(out) as Record<string, unknown>);
  }
  const result = { goals: { p95MsAt1M: 20, rssMBAt1M: 400 }, runsPerQuery: RUNS, sizes };
  writeResult('search', result);
  return result;
}

if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--size');
  if (i > 0) process.stdout.write(JSON.stringify(await measure(Number(process.argv[i + 1]))));
  else console.log(JSON.stringify(await run(), null, 2));
}
