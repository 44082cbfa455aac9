/**
 * Analysis speed: the worker pool (2 workers) end to end — decode + every feature — over
 *   1. the hydrogen-drumkits corpus (all one-shots, WAV/FLAC/AIFF): goal ≥ 150 files/s;
 *   2. loops and long files (the eval loops, 3-minute WAVs and a 10-minute FLAC): goal
 *      ≥ 300× real time overall;
 * and the peak RSS of the process (main thread + workers).
 *
 * Writes bench/results/analysis.json. `run()` is what the bench runner calls; the file
 * also runs on its own: `tsx bench/analysis.bench.ts`. Figures depend on machine load.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createAnalysisPool, type AnalysisPool } from '../electron/analysis/pool/analysisPool';
import { AnalysisRunner } from '../electron/library/analysis/analysisRunner';
import { seedSamples } from '../electron/library/analysis/test-support/seedSamples';
import { openDatabase } from '../electron/library/db';
import { drumLoop } from '../electron/analysis/test-support/signals';
import { writeWav } from '../electron/analysis/test-support/writeAudio';
import { loadKits } from './eval/lib/hydrogenKits';
import { DATA, RESULTS } from './eval/lib/paths';
import { longWav as longMusicalWav } from './lib/longWav';

/** All cores by default (BENCH_ANALYSIS_WORKERS overrides). */
const WORKERS = Number(process.env.BENCH_ANALYSIS_WORKERS ?? availableParallelism());
const BENCH_DATA = join(DATA, '..', 'bench-analysis');

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A long musical WAV (cached in the bench's data folder). */
function longWav(name: string, seconds: number, bpm: number, seed: number): string {
  return longMusicalWav(BENCH_DATA, name, seconds, bpm, seed);
}

function loopFiles(): string[] {
  const out: string[] = [];
  for (const set of ['hydrogen-loops-7', 'midi-grooves-7', 'key-progressions-7']) {
    const manifest = join(DATA, set, 'manifest.json');
    if (existsSync(manifest))
      out.push(
        ...(JSON.parse(readFileSync(manifest, 'utf8')) as Array<{ path: string }>).map(
          (i) => i.path,
        ),
      );
  }
  if (out.length === 0) {
    // No eval sets built yet: 60 synthetic loops instead.
    mkdirSync(BENCH_DATA, { recursive: true });
    for (let i = 0; i < 60; i++) {
      const p = join(BENCH_DATA, `loop-${i}.wav`);
      if (!existsSync(p))
        writeFileSync(
          p,
          writeWav({
            sampleRate: 44100,
            channels: [drumLoop(80 + i * 1.5, 1 + (i % 4), 44100, i)],
          }),
        );
      out.push(p);
    }
  }
  return out;
}

interface PassResult {
  files: number;
  failed: number;
  seconds: number;
  audioSeconds: number;
  /** CPU time of the whole process (main thread + workers) during the pass. */
  cpuSeconds: number;
  errors: string[];
}

async function pass(pool: AnalysisPool, files: string[]): Promise<PassResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const outcomes = await Promise.all(files.map((path) => pool.submit({ path })));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  let audio = 0;
  const errors: string[] = [];
  for (const o of outcomes) {
    if (o.ok) audio += o.value.result.durationSec;
    else if (errors.length < 10) errors.push(`${o.error.code}: ${o.error.message}`);
  }
  return {
    files: files.length,
    failed: outcomes.filter((o) => !o.ok).length,
    seconds,
    audioSeconds: audio,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    errors,
  };
}

/** Every lmms sample file (one-shots and loops; OGG, FLAC, WAV). */
function lmmsFiles(): string[] {
  const root = '/usr/share/lmms/samples';
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ogg|flac|wav)$/i.test(e.name)) out.push(p);
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}

/**
 * The whole background path as the app runs it: samples queued in a SQLite library
 * (file database, WAL), the runner feeding the pool, decode + every feature + the
 * classifier in the workers, results stored in batches on the main thread. Also the
 * main thread's event-loop delay while it runs (how responsive the UI side stays).
 */
async function endToEnd(files: string[]): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sm-bench-e2e-'));
  const db = openDatabase(join(dir, 'library.db'));
  try {
    seedSamples(db, files);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const runner = new AnalysisRunner({ db, workers: WORKERS, pollMs: 0 });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    loop.enable();
    runner.start();
    await runner.whenIdle();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    loop.disable();
    await runner.stop();
    const st = runner.status();
    const classified = db
      .prepare('SELECT count(*) FROM samples WHERE class IS NOT NULL')
      .pluck()
      .get() as number;
    const audio = db
      .prepare(`SELECT coalesce(sum(duration), 0) FROM samples WHERE analysis_status = 'done'`)
      .pluck()
      .get() as number;
    return {
      files: files.length,
      done: st.library.done,
      failed: st.library.failed,
      classified,
      seconds: round(seconds),
      filesPerSec: round(files.length / seconds, 1),
      realtimeFactor: round(audio / seconds, 0),
      cpuMsPerFile: round((cpuSeconds * 1000) / files.length, 1),
      // What the same CPU work gives on WORKERS idle cores (the machine is shared).
      filesPerSecIfCoresIdle: round((files.length / cpuSeconds) * WORKERS, 1),
      storeOnMainThreadMs: {
        total: round(runner.writeStats.totalMs, 0),
        maxBatch: round(runner.writeStats.maxMs, 1),
        batches: runner.writeStats.batches,
      },
      eventLoopDelayMs: {
        p50: round(loop.percentile(50) / 1e6, 1),
        p99: round(loop.percentile(99) / 1e6, 1),
        max: round(loop.max / 1e6, 1),
      },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const loadBefore = loadavg();
  const hydrogen = loadKits().flatMap((k) => k.files);
  const loops = loopFiles();
  const long = [
    longWav('long-3min-a.wav', 180, 96, 1),
    longWav('long-3min-b.wav', 180, 128, 2),
    longWav('long-3min-c.wav', 180, 174, 3),
  ];
  const tenMinWav = longWav('long-10min.wav', 600, 120, 4);
  const tenMinFlac = join(BENCH_DATA, 'long-10min.flac');
  if (!existsSync(tenMinFlac)) {
    try {
      execFileSync('ffmpeg', [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-i',
        tenMinWav,
        '-c:a',
        'flac',
        tenMinFlac,
      ]);
    } catch {
      // no ffmpeg: the WAV stands in
    }
  }
  long.push(existsSync(tenMinFlac) ? tenMinFlac : tenMinWav);

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const pool = createAnalysisPool({ size: WORKERS });
  try {
    // Cold: includes starting the workers.
    const cold = await pass(pool, hydrogen.slice(0, 40));
    const oneShots = await pass(pool, hydrogen);
    const loopPass = await pass(pool, loops);
    const longPass = await pass(pool, long);
    await pool.close();
    // End to end through the library queue, store included: hydrogen (one-shots) and
    // hydrogen + lmms (one-shots and loops, OGG/FLAC/WAV).
    const e2eHydrogen = await endToEnd(hydrogen);
    const lmms = lmmsFiles();
    const e2eAll = await endToEnd([...hydrogen, ...lmms]);
    const combined = {
      files: loopPass.files + longPass.files,
      audioSeconds: loopPass.audioSeconds + longPass.audioSeconds,
      seconds: loopPass.seconds + longPass.seconds,
      cpuSeconds: loopPass.cpuSeconds + longPass.cpuSeconds,
    };
    const result = {
      benchmark: 'analysis',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      note: 'Shared machine: other jobs were running; the lead re-runs these figures.',
      loadAverage: {
        before: loadBefore.map((l) => round(l)),
        after: loadavg().map((l) => round(l)),
      },
      workers: WORKERS,
      hydrogenOneShots: {
        files: oneShots.files,
        failed: oneShots.failed,
        seconds: round(oneShots.seconds),
        filesPerSec: round(oneShots.files / oneShots.seconds, 1),
        audioSeconds: round(oneShots.audioSeconds, 1),
        realtimeFactor: round(oneShots.audioSeconds / oneShots.seconds, 0),
        cpuMsPerFile: round((oneShots.cpuSeconds * 1000) / oneShots.files, 1),
        filesPerSecIfCoresIdle: round((oneShots.files / oneShots.cpuSeconds) * WORKERS, 1),
        coldFirst40FilesPerSec: round(cold.files / cold.seconds, 1),
        goalFilesPerSec: 150,
        met: oneShots.files / oneShots.seconds >= 150,
        errors: oneShots.errors,
      },
      loopsAndLongFiles: {
        loops: {
          files: loopPass.files,
          audioSeconds: round(loopPass.audioSeconds, 1),
          seconds: round(loopPass.seconds),
          realtimeFactor: round(loopPass.audioSeconds / loopPass.seconds, 0),
        },
        long: {
          files: longPass.files,
          audioSeconds: round(longPass.audioSeconds, 1),
          seconds: round(longPass.seconds),
          realtimeFactor: round(longPass.audioSeconds / longPass.seconds, 0),
          sizesMB: long.map((f) => round(statSync(f).size / 2 ** 20, 1)),
        },
        overallRealtimeFactor: round(combined.audioSeconds / combined.seconds, 0),
        realtimeFactorIfCoresIdle: round(
          (combined.audioSeconds / combined.cpuSeconds) * WORKERS,
          0,
        ),
        goalRealtimeFactor: 300,
        met: combined.audioSeconds / combined.seconds >= 300,
        failed: loopPass.failed + longPass.failed,
      },
      endToEnd: {
        what: 'SQLite queue -> worker pool (decode, features, classifier) -> batched store, all cores',
        hydrogen: {
          ...e2eHydrogen,
          goalFilesPerSec: 150,
          met: Number(e2eHydrogen.filesPerSec) >= 150,
        },
        hydrogenAndLmms: { ...e2eAll, lmmsFiles: lmms.length },
      },
      peakRssMB: round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20, 0),
      progressAtEnd: pool.progress(),
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'analysis.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    clearInterval(sampler);
    await pool.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const r = await run();
  console.log(JSON.stringify(r, null, 2));
}
