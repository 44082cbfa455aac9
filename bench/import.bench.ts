// Index-phase throughput: real files (Debian hydrogen-drumkits + lmms-common) and a
// generated tree of 100k small WAV files, through the real importer and SQLite.
// Goal: >= 5,000 files/s on the 2-core CI machine.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nameHints } from '../shared/nameHints';
import { openDatabase } from '../electron/library/db';
import { tinyWav } from '../electron/library/fixtures/tinyWav';
import { Library } from '../electron/library/library';
import { probeFile } from '../electron/library/probe/probe';
import { DATA_DIR, isMain, round, writeResult } from './lib/results';
import { ensureDebianAudio, HYDROGEN_KITS, LMMS_SAMPLES } from './lib/debianAudio';

const TREE_FILES = Number(process.env.BENCH_TREE_FILES ?? 100_000);
/** Read files on a worker thread, as the app does (BENCH_IMPORT_WORKER=0 for the single-thread path). */
const WORKER = process.env.BENCH_IMPORT_WORKER !== '0';

/** 100k small WAVs in packs of folders (cached under bench/.data between runs). */
function generatedTree(count: number): string {
  const root = join(DATA_DIR, `tree-${count}`);
  const marker = join(root, '.complete');
  if (existsSync(marker)) return root;
  rmSync(root, { recursive: true, force: true });
  const kinds = ['Kick', 'Snare', 'Hat', 'Clap', 'Tom', 'Perc', 'Bass', 'Pad', 'Lead', 'FX'];
  for (let i = 0; i < count; i++) {
    const dir = join(root, `Pack ${Math.floor(i / 1000)}`, kinds[i % kinds.length]!);
    if (i % 100 === 0 || i % 1000 < kinds.length) mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${kinds[i % kinds.length]} ${i}.wav`),
      tinyWav({ seconds: 0.01, seed: i }),
    );
  }
  writeFileSync(marker, '');
  return root;
}

async function timeImport(folders: string[]): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sm-bench-import-'));
  const db = openDatabase(join(dir, 'lib.db'));
  let firstChange: number | null = null;
  // As the app runs it: files read on a worker thread, the in-memory search index kept in step.
  const library = new Library({
    db,
    emit: (event, payload) => {
      const reason = (payload as { reason?: string }).reason;
      if (event === 'library.changed' && reason === 'import' && firstChange === null)
        firstChange = performance.now();
    },
    probe: probeFile,
    hints: nameHints,
    workerImport: WORKER,
  });
  await library.start();
  const started = performance.now();
  for (const f of folders) library.addFolder(f);
  await library.importer.whenIdle();
  const seconds = (performance.now() - started) / 1000;
  const firstSearchableMs = firstChange === null ? null : Math.round(firstChange - started);
  const files = db.prepare('SELECT count(*) FROM samples').pluck().get() as number;
  const problems = db.prepare('SELECT count(*) FROM import_errors').pluck().get() as number;
  const rescanStart = performance.now();
  for (const f of folders) library.addFolder(f);
  library.rescan();
  await library.importer.whenIdle();
  const rescanSeconds = (performance.now() - rescanStart) / 1000;
  await library.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    folders,
    files,
    problems,
    seconds: round(seconds, 3),
    firstSearchableMs,
    filesPerSec: Math.round((files + problems) / seconds),
    unchangedRescanFilesPerSec: Math.round((files + problems) / rescanSeconds),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  ensureDebianAudio();
  const real = await timeImport([HYDROGEN_KITS, LMMS_SAMPLES]);
  const tree = generatedTree(TREE_FILES);
  const generated = await timeImport([tree]);
  const result = {
    goalFilesPerSec: 5000,
    workerThread: WORKER,
    realFiles: real,
    generatedTree: generated,
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  writeResult('import', result);
  return result;
}

if (isMain(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}
