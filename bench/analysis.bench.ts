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
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createAnalysisPool, type AnalysisPool } from '../electron/analysis/pool/analysisPool';
import { drumLoop, harmonicTone } from '../electron/analysis/test-support/signals';
import { writeWav } from '../electron/analysis/test-support/writeAudio';
import { loadKits } from './eval/lib/hydrogenKits';
import { DATA, RESULTS } from './eval/lib/paths';

const WORKERS = Number(process.env.BENCH_ANALYSIS_WORKERS ?? 2);
const BENCH_DATA = join(DATA, '..', 'bench-analysis');

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A long musical WAV: a drum loop with a bass line, tiled (cached). */
function longWav(name: string, seconds: number, bpm: number, seed: number): string {
  const path = join(BENCH_DATA, name);
  if (existsSync(path)) return path;
  mkdirSync(BENCH_DATA, { recursive: true });
  const sr = 44100;
  const bar = drumLoop(bpm, 1, sr, seed);
  const n = Math.round(seconds * sr);
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  const notes = [40, 43, 45, 38];
  for (let i = 0, b = 0; i < n; i += bar.length, b++) {
    const bass = harmonicTone(
      440 * 2 ** ((notes[b % notes.length]! - 69) / 12),
      bar.length / sr,
      sr,
      { amp: 0.2, decay: 0.5 },
    );
    for (let k = 0; k < bar.length && i + k < n; k++) {
      l[i + k] = 0.6 * bar[k]! + bass[k]!;
      r[i + k] = 0.6 * bar[k]! + 0.8 * bass[k]!;
    }
  }
  writeFileSync(path, writeWav({ sampleRate: sr, channels: [l, r], encoding: 's16' }));
  return path;
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
  errors: string[];
}

async function pass(pool: AnalysisPool, files: string[]): Promise<PassResult> {
  const t0 = performance.now();
  const outcomes = await Promise.all(files.map((path) => pool.submit({ path })));
  const seconds = (performance.now() - t0) / 1000;
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
    errors,
  };
}

export async function run(): Promise<Record<string, unknown>> {
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
    const combined = {
      files: loopPass.files + longPass.files,
      audioSeconds: loopPass.audioSeconds + longPass.audioSeconds,
      seconds: loopPass.seconds + longPass.seconds,
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
      workers: WORKERS,
      hydrogenOneShots: {
        files: oneShots.files,
        failed: oneShots.failed,
        seconds: round(oneShots.seconds),
        filesPerSec: round(oneShots.files / oneShots.seconds, 1),
        audioSeconds: round(oneShots.audioSeconds, 1),
        realtimeFactor: round(oneShots.audioSeconds / oneShots.seconds, 0),
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
        goalRealtimeFactor: 300,
        met: combined.audioSeconds / combined.seconds >= 300,
        failed: loopPass.failed + longPass.failed,
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
