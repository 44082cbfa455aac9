/**
 * kill -9 during import and during analysis, again and again, on one library; then a
 * run to the end. Nothing may be lost or duplicated and the database must pass
 * PRAGMA integrity_check; no healthy file may be marked as one that crashed the app.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalysisQueue } from '../electron/library/analysis/analysisQueue';
import { openDatabase } from '../electron/library/db';
import { checkDb, cli, requireBuild, sleep, tempRoot, writeLibrary, writeResult } from './support';

const FILES = Number(process.env.FAULTS_KILL_FILES ?? 200);
/** The import trials use a larger library of their own: several batches (500 files each) to kill between. */
const IMPORT_FILES = Number(process.env.FAULTS_KILL_IMPORT_FILES ?? 5000);
const IMPORT_KILLS = Number(process.env.FAULTS_IMPORT_KILLS ?? 12);
const ANALYSIS_KILLS = Number(process.env.FAULTS_ANALYSIS_KILLS ?? 12);

interface Trial {
  phase: 'import' | 'analysis';
  afterMs: number;
  /** Samples analysed, and left in the analysis queue, after the kill. */
  analysed: number;
  queued: number;
  /** The process had already finished when the kill came. */
  finishedFirst: boolean;
  integrity: string;
  samples: number;
  duplicated: number;
}

/** Random in [lo, hi) from a fixed seed, so a run can be repeated. */
function seeded(seed: number): (lo: number, hi: number) => number {
  let s = seed;
  return (lo, hi) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return lo + (s / 2 ** 31) * (hi - lo);
  };
}

beforeAll(() => requireBuild());

describe('kill -9 during import and analysis', () => {
  it(`loses and duplicates nothing over ${IMPORT_KILLS + ANALYSIS_KILLS} hard kills`, async () => {
    const root = tempRoot('sm-faults-kill-');
    const lib = join(root, 'lib');
    const dbFile = join(root, 'library.db');
    const files = writeLibrary(lib, FILES);
    const bigLib = join(root, 'big');
    const bigDb = join(root, 'big.db');
    const bigFiles = writeLibrary(bigLib, IMPORT_FILES);
    // The libraries exist before the first kill (which may come before the CLI opens one).
    openDatabase(dbFile).close();
    openDatabase(bigDb).close();
    const rand = seeded(19);
    const trials: Trial[] = [];

    const killAfter = async (args: string[], db: string, ms: number): Promise<boolean> => {
      const run = cli([...args, '--db', db], root);
      const finished = await Promise.race([run.done.then(() => true), sleep(ms).then(() => false)]);
      if (!finished) run.child.kill('SIGKILL');
      await run.done;
      return finished;
    };
    const record = (
      phase: Trial['phase'],
      db: string,
      expected: string[],
      afterMs: number,
      finishedFirst: boolean,
    ): void => {
      const c = checkDb(db, expected);
      trials.push({
        phase,
        afterMs: Math.round(afterMs),
        analysed: c.status.done ?? 0,
        queued: c.queued,
        finishedFirst,
        integrity: c.integrity,
        samples: c.samples,
        duplicated: c.duplicated,
      });
    };

    // Kill times scale with the work: each phase first times one uninterrupted run on this
    // machine, then kills at 15–85 % of that time (a fixed 1.5–6 s window let every run
    // finish first on a fast, idle machine and killed at start-up on a loaded one).
    const freshDb = (db: string): void => {
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
      openDatabase(db).close();
    };
    const timed = async (args: string[], db: string): Promise<number> => {
      const t0 = performance.now();
      const r = await cli([...args, '--db', db], root).done;
      expect(r.code, r.stderr).toBe(0);
      return performance.now() - t0;
    };
    const importArgs = ['import', bigLib, '--no-watch', '--no-analyze'];
    const importMs = await timed(importArgs, bigDb);
    const imports: ReturnType<typeof checkDb>[] = [];
    for (let i = 0; i < IMPORT_KILLS; i++) {
      // Each import trial starts from an empty library, is killed part-way, then resumed to the
      // end on the library the kill left: nothing lost, nothing twice.
      freshDb(bigDb);
      const ms = rand(0.15, 0.85) * importMs;
      const done = await killAfter(importArgs, bigDb, ms);
      record('import', bigDb, bigFiles, ms, done);
      const resumed = await cli([...importArgs, '--db', bigDb], root).done;
      expect(resumed.code, resumed.stderr).toBe(0);
      imports.push(checkDb(bigDb, bigFiles));
    }
    const afterImport = {
      lost: Math.max(...imports.map((c) => c.lost)),
      duplicated: Math.max(...imports.map((c) => c.duplicated)),
      integrity: imports.every((c) => c.integrity === 'ok') ? 'ok' : 'failed',
    };
    const imported = await cli(['import', lib, '--no-watch', '--db', dbFile], root).done;
    expect(imported.code, imported.stderr).toBe(0);

    const requeue = (): void => {
      const db = openDatabase(dbFile);
      new AnalysisQueue(db).enqueueAll();
      db.close();
    };
    requeue();
    const analysisMs = await timed(['analyze', '--library'], dbFile);
    for (let i = 0; i < ANALYSIS_KILLS; i++) {
      const ms = rand(0.15, 0.85) * analysisMs;
      // Every trial asks for the whole library again (as "re-analyse all" does), so each kill
      // lands in real work.
      requeue();
      const done = await killAfter(['analyze', '--library'], dbFile, ms);
      record('analysis', dbFile, files, ms, done);
    }
    const analysed = await cli(['analyze', '--library', '--db', dbFile], root).done;
    expect(analysed.code, analysed.stderr).toBe(0);
    const end = checkDb(dbFile, files);

    const summary = {
      files: FILES,
      importFiles: IMPORT_FILES,
      uninterruptedMs: { import: Math.round(importMs), analysis: Math.round(analysisMs) },
      trials: trials.length,
      killedMidway: trials.filter((t) => !t.finishedFirst).length,
      integrityFailures:
        trials.filter((t) => t.integrity !== 'ok').length + (end.integrity === 'ok' ? 0 : 1),
      lostAfterImport: afterImport.lost,
      duplicatedMax: Math.max(end.duplicated, ...trials.map((t) => t.duplicated)),
      end,
      trialsDetail: trials,
    };
    writeResult('kill-trials', summary);
    expect(trials.length).toBeGreaterThanOrEqual(20);
    // Most kills land while the process works (a few runs finish first, by design of the timing).
    expect(summary.killedMidway).toBeGreaterThanOrEqual(18);
    expect(summary.integrityFailures).toBe(0);
    expect(afterImport.lost).toBe(0);
    expect(afterImport.duplicated).toBe(0);
    expect(afterImport.integrity).toBe('ok');
    expect(end.lost).toBe(0);
    expect(summary.duplicatedMax).toBe(0);
    // Every file analysed; none marked failed (they are all healthy), none left running.
    expect(end.status).toEqual({ done: FILES });
    expect(end.queueRunning).toBe(0);
    expect(end.queued).toBe(0);
  });
});
