/**
 * End-to-end speed of the built CLI, each command a whole process (start-up, workers,
 * model loading and output included), timed from outside with /usr/bin/time:
 *   1. `samplemind analyze <hydrogen-drumkits> --json` (goal ≥ 150 files/s, ≤ 13 ms CPU per file);
 *   2. `samplemind import` + `samplemind analyze --library` into a fresh database (goal ≥ 130 files/s);
 *   3. a 2-hour WAV (silence with two islands of sound, as in the bad-input test): no
 *      timeout, goal ≤ 20 s; and 10 minutes of ±1 LSB dither (the true-peak worst case);
 *   4. loops and long files in one command — the lmms bass loops and beats, Sonic Pi's
 *      loop_* samples, three 3-minute and one 10-minute musical WAV (goal ≥ 300× real time,
 *      audio seconds over wall seconds);
 * with peak RSS (goal ≤ 500 MB) and the load average before and after each command
 * (the machine is shared: figures are only comparable within one run).
 *
 * Needs `npm run build` first (npm run bench does it). Writes bench/results/speed.json.
 * Runs on its own too: `tsx bench/speed.bench.ts`. SPEED_BENCH_WORKERS sets --workers.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sparseLongWav } from '../electron/analysis/test-support/sparseLongWav';
import { writeWav } from '../electron/analysis/test-support/writeAudio';
import { HYDROGEN, REPO } from './eval/lib/paths';
import { LMMS_SAMPLES } from './lib/debianAudio';
import { longWav } from './lib/longWav';
import { DATA_DIR, writeResult } from './lib/results';

const CLI = join(REPO, 'bin', 'samplemind.js');
const DATA = join(DATA_DIR, 'speed');
const WORKERS = process.env.SPEED_BENCH_WORKERS;

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

interface Timed {
  exitCode: number | null;
  wallSec: number;
  userSec: number;
  sysSec: number;
  peakRssMB: number;
  loadBefore: number[];
  loadAfter: number[];
  stdout: string;
  stderrTail: string;
}

/** Runs the CLI under /usr/bin/time (whole process, children included). */
function timeCli(args: string[]): Timed {
  const dir = mkdtempSync(join(tmpdir(), 'sm-speed-'));
  const timeFile = join(dir, 'time.txt');
  const loadBefore = loadavg().map((l) => round(l));
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, CLI, ...args],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const loadAfter = loadavg().map((l) => round(l));
  const [wall, user, sys, rssKb] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  rmSync(dir, { recursive: true, force: true });
  return {
    exitCode: r.status,
    wallSec: wall ?? NaN,
    userSec: user ?? NaN,
    sysSec: sys ?? NaN,
    peakRssMB: round((rssKb ?? NaN) / 1024, 0),
    loadBefore,
    loadAfter,
    stdout: r.stdout,
    stderrTail: r.stderr.slice(-300),
  };
}

function summary(t: Timed, files: number): Record<string, unknown> {
  return {
    files,
    exitCode: t.exitCode,
    wallSec: round(t.wallSec),
    filesPerSec: round(files / t.wallSec, 1),
    cpuSec: round(t.userSec + t.sysSec),
    cpuMsPerFile: round(((t.userSec + t.sysSec) * 1000) / Math.max(1, files), 1),
    peakRssMB: t.peakRssMB,
    loadAverage: { before: t.loadBefore, after: t.loadAfter },
  };
}

/** 2 hours of 48 kHz mono s16: a sparse file of silence with two islands of sound. */
function twoHourWav(): string {
  const path = join(DATA, 'two-hours.wav');
  if (!existsSync(path)) sparseLongWav(path, 7200, 48000);
  return path;
}

/** 10 minutes of 44.1 kHz stereo ±1 LSB dither: every block is oversampled for true peak. */
function quietWav(): string {
  const path = join(DATA, 'ten-minutes-dither.wav');
  if (existsSync(path)) return path;
  let seed = 3;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const n = 600 * 44100;
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    l[i] = Math.round((rnd() * 2 - 1) * 1.5) / 32768;
    r[i] = Math.round((rnd() * 2 - 1) * 1.5) / 32768;
  }
  writeFileSync(path, writeWav({ sampleRate: 44100, channels: [l, r], encoding: 's16' }));
  return path;
}

const SONIC_PI_SAMPLES = '/usr/share/sonic-pi/samples';

/** Loops from the Debian packages (those installed) and four long musical WAVs. */
function loopsAndLongFiles(): string[] {
  const inDir = (dir: string, keep: (name: string) => boolean): string[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter(keep)
          .sort()
          .map((n) => join(dir, n))
      : [];
  return [
    ...inDir(join(LMMS_SAMPLES, 'bassloops'), (n) => n.endsWith('.ogg')),
    ...inDir(join(LMMS_SAMPLES, 'beats'), (n) => n.endsWith('.ogg')),
    ...inDir(SONIC_PI_SAMPLES, (n) => n.startsWith('loop_') && n.endsWith('.flac')),
    longWav(DATA, 'long-3min-a.wav', 180, 96, 1),
    longWav(DATA, 'long-3min-b.wav', 180, 128, 2),
    longWav(DATA, 'long-3min-c.wav', 180, 174, 3),
    longWav(DATA, 'long-10min.wav', 600, 120, 4),
  ];
}

function jsonLines(stdout: string): Array<{ ok: boolean; durationSec?: number }> {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { ok: boolean; durationSec?: number });
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(join(REPO, 'dist', 'electron', 'cli.js')))
    throw new Error('build first: npm run build');
  mkdirSync(DATA, { recursive: true });
  const workers = WORKERS ? ['--workers', WORKERS] : [];

  // 1. Folder → JSON lines.
  const folder = timeCli(['analyze', HYDROGEN, '--json', ...workers]);
  const lines = jsonLines(folder.stdout);
  const folderFiles = lines.length;

  // 2. Import, then the library queue, into a fresh database.
  const dbDir = mkdtempSync(join(tmpdir(), 'sm-speed-db-'));
  const db = join(dbDir, 'library.db');
  // --no-analyze: `import` analyses what it imports by default; the queue is left for step 2.
  const imported = timeCli(['import', HYDROGEN, '--db', db, '--no-analyze']);
  const library = timeCli(['analyze', '--library', '--db', db, '--json', ...workers]);
  const status = JSON.parse(library.stdout || '{}') as {
    library?: { done: number; failed: number; queued: number };
  };
  rmSync(dbDir, { recursive: true, force: true });
  const libraryFiles = (status.library?.done ?? 0) + (status.library?.failed ?? 0);

  // 3. Long and quiet files.
  const long = timeCli(['analyze', twoHourWav(), '--json']);
  const longLine = jsonLines(long.stdout)[0];
  const quiet = timeCli(['analyze', quietWav(), '--json']);
  const quietLine = jsonLines(quiet.stdout)[0];

  // 4. Loops and long files, one command.
  const loopPaths = loopsAndLongFiles();
  const loops = timeCli(['analyze', ...loopPaths, '--json', ...workers]);
  const loopLines = jsonLines(loops.stdout);
  const loopAudioSec = loopLines.reduce((sum, l) => sum + (l.ok ? (l.durationSec ?? 0) : 0), 0);

  const result = {
    note: 'Whole processes timed with /usr/bin/time on a shared machine; the load average is given next to every figure.',
    workers: WORKERS ? Number(WORKERS) : 'default (every core)',
    analyzeFolderJson: {
      command: `samplemind analyze ${HYDROGEN} --json`,
      ...summary(folder, folderFiles),
      failed: lines.filter((l) => !l.ok).length,
      goals: { filesPerSec: 150, cpuMsPerFile: 13, peakRssMB: 500 },
    },
    importThenAnalyzeLibrary: {
      import: summary(imported, libraryFiles),
      analyzeLibrary: {
        command: 'samplemind analyze --library --db <fresh>',
        ...summary(library, libraryFiles),
        library: status.library ?? null,
        goals: { filesPerSec: 130, peakRssMB: 500 },
      },
    },
    twoHourWav: {
      ok: longLine?.ok ?? false,
      audioSec: longLine?.durationSec ?? null,
      ...summary(long, 1),
      realtimeFactor: longLine?.durationSec ? round(longLine.durationSec / long.wallSec, 0) : null,
      goalWallSec: 20,
      stderrTail: longLine?.ok ? undefined : long.stderrTail,
    },
    loopsAndLongFiles: {
      command:
        'samplemind analyze <lmms bassloops+beats, sonic-pi loop_*, 3×3 min + 10 min WAV> --json',
      failed: loopLines.filter((l) => !l.ok).length,
      audioSec: round(loopAudioSec, 1),
      ...summary(loops, loopLines.length),
      realtimeFactor: round(loopAudioSec / loops.wallSec, 0),
      realtimeFactorPerCpuSec: round(loopAudioSec / (loops.userSec + loops.sysSec), 0),
      goalRealtimeFactor: 300,
    },
    tenMinutesDither: {
      ok: quietLine?.ok ?? false,
      ...summary(quiet, 1),
      realtimeFactor: quietLine?.durationSec
        ? round(quietLine.durationSec / quiet.wallSec, 0)
        : null,
    },
  };
  writeResult('speed', result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
