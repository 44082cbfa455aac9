import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisProgress } from '../../../shared/contract/analysis';
import { availableParallelism } from 'node:os';
import { openDatabase } from '../db';
import { seedSamples } from './test-support/seedSamples';
import { createAnalysisPool } from '../../analysis/pool/analysisPool';
import { tempDir } from '../../analysis/test-support/tempFiles';
import { analyzerVersionCode } from './analyzerVersion';
import { ANALYZER_VERSION } from '../../analysis/version';
import { holdWriteLock } from '../test-support/otherWriter';
import { AnalysisRunner, browsingWorkers, defaultWorkers } from './analysisRunner';
import { writeAudioFolder } from '../../analysis/test-support/audioFolder';
import type { HeaderFacts } from '../../../shared/formats/headerFacts';
import { probeFile } from '../probe/probe';
import { sampleFacts } from '../import/sampleFacts';

const tmp = tempDir('sm-runner-');
afterAll(() => tmp.cleanup());
const files = writeAudioFolder(tmp.dir);

async function until(ok: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const row = (db: ReturnType<typeof openDatabase>, id: number) =>
  db
    .prepare(
      'SELECT analysis_status AS status, analysis_error_code AS code, kind, bpm, key, class, loop_class FROM samples WHERE id = ?',
    )
    .get(id) as Record<string, unknown>;

describe('AnalysisRunner', () => {
  it('analyses the queue on the pool, stores results in batches, reports progress', async () => {
    const db = openDatabase(':memory:');
    const [groove, chords, kick, broken] = seedSamples(db, [
      files.groove,
      files.chords,
      files.kick,
      files.broken,
    ]) as [number, number, number, number];
    const changed: number[] = [];
    const events: AnalysisProgress[] = [];
    const runner = new AnalysisRunner({
      db,
      workers: 2,
      onSamplesAnalysed: (ids) => changed.push(...ids),
      onProgress: (p) => events.push(p),
      progressMs: 0,
      pollMs: 0,
    });
    expect(runner.progress().state).toBe('off');
    runner.start();
    expect(runner.progress()).toMatchObject({ state: 'running', workers: 2 });
    await runner.whenIdle();
    expect(changed.sort()).toEqual([groove, chords, kick, broken].sort());
    expect(row(db, groove)).toMatchObject({ status: 'done', kind: 'loop' });
    expect(row(db, groove).bpm).toBeCloseTo(100, 0);
    expect(row(db, chords)).toMatchObject({ status: 'done', key: 'A minor' });
    expect(row(db, kick)).toMatchObject({ status: 'done', kind: 'one-shot' });
    expect(row(db, broken)).toMatchObject({ status: 'failed' });
    expect(String(row(db, broken).code)).toMatch(/CORRUPT_FILE|UNSUPPORTED_FORMAT|TRUNCATED_FILE/);
    // The classifier ran in the workers: loops carry a loop content class when one is sure.
    const groovy = row(db, groove);
    expect(groovy.loop_class).toBe(groovy.class);
    expect(
      db.prepare('SELECT count(*) FROM sample_features WHERE embedding IS NOT NULL').pluck().get(),
    ).toBe(3);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ state: 'idle', queued: 0, running: 0, completed: 3, failed: 1 });
    expect(events.some((e) => e.state === 'running' && e.running > 0)).toBe(true);
    expect(events.some((e) => e.filesPerSec > 0)).toBe(true);
    expect(runner.status().library).toEqual({ done: 3, failed: 1, queued: 0, running: 0 });
    expect(runner.writeStats.batches).toBeGreaterThan(0);
    expect(runner.writeStats.maxMs).toBeGreaterThan(0);
    // Re-analysis and retry go through the same queue.
    expect(runner.reanalyze([groove])).toBe(1);
    expect(runner.retryFailed()).toBe(1);
    await runner.whenIdle();
    expect(runner.progress()).toMatchObject({ completed: 4, failed: 2 });
    await runner.stop();
    expect(runner.progress().state).toBe('off');
    await runner.whenIdle();
  }, 120_000);

  it('pauses, resumes, prioritises, cancels, and resumes after a restart', async () => {
    const db = openDatabase(':memory:');
    const paths = Array.from({ length: 10 }, (_, i) => {
      const p = join(tmp.dir, `kick-${i}.wav`);
      copyFileSync(files.kick, p);
      return p;
    });
    const ids = seedSamples(db, paths);
    const submitted: string[] = [];
    const createPool = (size: number) => {
      const pool = createAnalysisPool({ size });
      const submit = pool.submit.bind(pool);
      pool.submit = (input, o) => {
        submitted.push(o?.id ?? '');
        return submit(input, o);
      };
      return pool;
    };
    const runner = new AnalysisRunner({ db, workers: 1, createPool, pollMs: 0, flushMs: 10 });
    runner.start();
    expect(runner.pause().state).toBe('paused');
    // The file already running finishes; the rest went back to the queue.
    await until(() => runner.progress().running === 0);
    expect(runner.progress()).toMatchObject({ state: 'paused', completed: 1, queued: 9 });
    expect(
      db.prepare(`SELECT count(*) FROM analysis_queue WHERE state = 'running'`).pluck().get(),
    ).toBe(0);
    // The sample the user is looking at jumps the queue.
    const wanted = ids[9]!;
    expect(runner.prioritize([wanted])).toBe(1);
    submitted.length = 0;
    expect(runner.cancel([ids[8]!])).toBe(1);
    expect(runner.resume().state).toBe('running');
    expect(submitted[0]).toBe(String(wanted));
    await until(() => runner.progress().completed >= 3);
    await runner.stop();
    const left = db.prepare('SELECT count(*) FROM analysis_queue').pluck().get() as number;
    const done = db
      .prepare(`SELECT count(*) FROM samples WHERE analysis_status = 'done'`)
      .pluck()
      .get() as number;
    expect(left + done).toBe(9); // ids[8] was cancelled
    expect(left).toBeGreaterThan(0);
    expect(
      db.prepare(`SELECT count(*) FROM analysis_queue WHERE state = 'running'`).pluck().get(),
    ).toBe(0);
    expect(
      db.prepare(`SELECT count(*) FROM samples WHERE analysis_status = 'running'`).pluck().get(),
    ).toBe(0);

    // A new run (after a restart) picks up where this one stopped; a cancel lasts for one
    // run only, so the cancelled sample (still unanalysed) is queued again too.
    const next = new AnalysisRunner({ db, workers: 1, pollMs: 0 });
    next.start();
    await next.whenIdle();
    expect(next.status().library).toMatchObject({ done: 10, queued: 0, running: 0 });
    await next.stop();
  }, 120_000);
});

describe('header facts from the import', () => {
  it('the worker decodes with the header facts the import stored while the file is unchanged, and reads the header itself once it changed', async () => {
    const db = openDatabase(':memory:');
    const copy = join(tmp.dir, 'kick-copy.wav');
    copyFileSync(files.kick, copy);
    const [fresh, stale] = seedSamples(db, [files.kick, copy]) as [number, number];
    const realRate = probeFile(files.kick).sampleRate;
    const setHeader = db.prepare(
      'UPDATE samples SET header_json = ?, size = ?, mtime_ms = ? WHERE id = ?',
    );
    for (const [id, path, mtimeShift] of [
      [fresh, files.kick, 0],
      [stale, copy, 1],
    ] as const) {
      const st = statSync(path);
      const stored = JSON.parse(
        sampleFacts(probeFile(path), {}, st.size, st.mtimeMs).headerJson,
      ) as HeaderFacts;
      expect(stored).toMatchObject({ format: 'wav', sampleRate: realRate });
      // Facts that differ from the header in one visible way: the rate.
      const told = JSON.stringify({ ...stored, sampleRate: realRate / 2 });
      setHeader.run(told, st.size, st.mtimeMs + mtimeShift, id);
    }
    const runner = new AnalysisRunner({ db, workers: 1, pollMs: 0 });
    runner.start();
    await runner.whenIdle();
    await runner.stop();
    const rate = (id: number) =>
      db.prepare('SELECT sample_rate FROM samples WHERE id = ?').pluck().get(id);
    expect(rate(fresh)).toBe(realRate / 2);
    expect(rate(stale)).toBe(realRate);
  }, 120_000);
});

describe('re-analysis after an analyser update', () => {
  it('queues samples of older versions once per analyser version', async () => {
    const db = openDatabase(':memory:');
    const [id] = seedSamples(db, [files.kick]) as [number];
    db.prepare('DELETE FROM analysis_queue').run();
    db.prepare(
      `UPDATE samples SET analysis_status = 'done', analyzed_at = 1, analysis_version = 1 WHERE id = ?`,
    ).run(id);
    const version = () =>
      db.prepare('SELECT analysis_version FROM samples WHERE id = ?').pluck().get(id);
    const first = new AnalysisRunner({ db, workers: 1, pollMs: 0 });
    first.start();
    await first.whenIdle();
    await first.stop();
    expect(version()).toBe(analyzerVersionCode(ANALYZER_VERSION));
    // Already checked for this version: a restart does not scan again.
    db.prepare('UPDATE samples SET analysis_version = 1').run();
    const second = new AnalysisRunner({ db, workers: 1, pollMs: 0 });
    second.start();
    await second.whenIdle();
    await second.stop();
    expect(version()).toBe(1);
  }, 60_000);
});

describe('defaultWorkers', () => {
  it('uses every core, one fewer while browsing, at least one worker, env override', () => {
    expect(defaultWorkers({})).toBe(Math.max(1, availableParallelism()));
    expect(browsingWorkers(4)).toBe(3);
    expect(browsingWorkers(1)).toBe(1);
    expect(defaultWorkers({ SAMPLEMIND_ANALYSIS_WORKERS: '3' })).toBe(3);
    expect(defaultWorkers({ SAMPLEMIND_ANALYSIS_WORKERS: 'x' })).toBeGreaterThanOrEqual(1);
  });
});

describe('AnalysisRunner while the user browses', () => {
  it('gives a core back while the user is active and takes it again when idle', async () => {
    const db = openDatabase(':memory:');
    const sizes: number[] = [];
    const runner = new AnalysisRunner({
      db,
      workers: 3,
      userIdleMs: 100,
      pollMs: 0,
      createPool: (size) => {
        const pool = createAnalysisPool({ size });
        const resize = pool.resize.bind(pool);
        pool.resize = (n: number) => {
          sizes.push(n);
          resize(n);
        };
        return pool;
      },
    });
    runner.start();
    expect(runner.progress().workers).toBe(3);
    runner.userActive();
    runner.userActive();
    expect(runner.progress().workers).toBe(2);
    await until(() => runner.progress().workers === 3, 5000);
    expect(sizes).toEqual([2, 3]);
    await runner.stop();
  });
});

describe('AnalysisRunner with another process on the library', () => {
  it('waits out a write lock held past the busy timeout: retries, loses nothing, throws nothing', async () => {
    const file = join(tmp.dir, 'locked.db');
    const db = openDatabase(file);
    const ids = seedSamples(db, [files.groove, files.kick, files.broken]);
    // Another process holds the library's write lock for 1.2 s; this connection waits 50 ms.
    db.pragma('busy_timeout = 50');
    const other = await holdWriteLock(file, 1200);
    const runner = new AnalysisRunner({ db, workers: 1, pollMs: 0, flushMs: 10 });
    runner.start();
    await runner.whenIdle();
    await runner.stop();
    await other.terminate();
    expect(runner.retries.claim + runner.retries.other).toBeGreaterThan(0);
    const statuses = ids.map((id) => row(db, id).status);
    expect(statuses).toEqual(['done', 'done', 'failed']);
    expect(db.prepare('SELECT count(*) FROM analysis_queue').pluck().get()).toBe(0);
    db.close();
  });
});
