/**
 * Shared pieces of the fault suite: the built CLI and web server as real child processes
 * on one library, a library of small real WAV files, the database checks, and where the
 * figures go.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeTinyWav } from '../electron/library/fixtures/tinyWav';

export const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/electron/cli.js');
const SERVER = join(ROOT, 'dist/electron/server.js');

export function requireBuild(): void {
  if (!existsSync(CLI) || !existsSync(SERVER))
    throw new Error('the fault suite runs the built app: run `npm run build` first');
}

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `n` small WAVs (tones of different pitch and length) named s0000.wav …, in `dir`. */
export function writeLibrary(dir: string, n: number, offset = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = offset; i < offset + n; i++) {
    const path = join(dir, `s${String(i).padStart(4, '0')}.wav`);
    writeTinyWav(path, { seconds: 0.05 + (i % 7) * 0.03, freq: 110 * (1 + (i % 12)) });
    paths.push(path);
  }
  return paths;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Exit>;
}

/** Runs the built CLI (`samplemind …`) on a library. */
export function cli(args: string[], dataDir: string, env: NodeJS.ProcessEnv = {}): Running {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, SAMPLEMIND_DATA_DIR: dataDir, SAMPLEMIND_ANALYSIS_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 }),
    ),
  );
  return { child, done };
}

/** Like cli(), but kills the run (SIGKILL) if it takes longer than `ms`; `hung` says so. */
export async function cliWithin(
  args: string[],
  dataDir: string,
  ms: number,
): Promise<Exit & { hung: boolean }> {
  const run = cli(args, dataDir);
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    run.child.kill('SIGKILL');
  }, ms);
  const exit = await run.done;
  clearTimeout(timer);
  return { ...exit, hung };
}

export interface WebProcess {
  url: string;
  port: number;
  session: string;
  token: string;
  child: ChildProcess;
  stderr: () => string;
  exited: () => boolean;
}

/** Starts the built web server on 127.0.0.1 and logs in once (the token is spent). */
export function startWeb(dataDir: string, db: string): Promise<WebProcess> {
  const child = spawn(
    process.execPath,
    [SERVER, '--port', '0', '--data-dir', dataDir, '--db', db],
    {
      env: {
        ...process.env,
        SAMPLEMIND_DATA_DIR: dataDir,
        SAMPLEMIND_ANALYSIS_WORKERS: '1',
        OLLAMA_HOST: 'http://127.0.0.1:9',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  let exited = false;
  child.on('exit', () => (exited = true));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web server did not start:\n${out}${err}`)),
      30_000,
    );
    child.on('exit', (code) => reject(new Error(`web server exited (${code}):\n${out}${err}`)));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open: (http:\/\/\S+)/.exec(out);
      if (!m || !timer) return;
      clearTimeout(timer);
      const login = new URL(m[1]!);
      void fetch(login, { redirect: 'manual' }).then((res) => {
        const session = /sm_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
        if (!session) return reject(new Error(`login failed: HTTP ${res.status}`));
        resolve({
          url: login.origin,
          port: Number(login.port),
          session,
          token: login.searchParams.get('token') ?? '',
          child,
          stderr: () => err,
          exited: () => exited,
        });
      }, reject);
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with how it ended. */
export async function stop(child: ChildProcess, graceMs = 10_000): Promise<'clean' | 'killed'> {
  if (child.exitCode !== null || child.signalCode !== null) return 'clean';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const late = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs)),
  ]);
  if (late) {
    child.kill('SIGKILL');
    await exited;
    return 'killed';
  }
  return 'clean';
}

export interface DbCheck {
  integrity: string;
  samples: number;
  distinctPaths: number;
  /** Files on disk with no sample row. */
  lost: number;
  /** Sample rows beyond one per path. */
  duplicated: number;
  status: Record<string, number>;
  queued: number;
  queueRunning: number;
}

/** PRAGMA integrity_check and row counts against the files that should be in the library. */
export function checkDb(dbFile: string, expected: readonly string[]): DbCheck {
  const db = new Database(dbFile, { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const paths = new Set(db.prepare('SELECT path FROM samples').pluck().all() as string[]);
    const samples = db.prepare('SELECT count(*) FROM samples').pluck().get() as number;
    const status = Object.fromEntries(
      (
        db
          .prepare('SELECT analysis_status AS s, count(*) AS n FROM samples GROUP BY 1')
          .all() as Array<{ s: string; n: number }>
      ).map((r) => [r.s, r.n]),
    );
    const queued = db.prepare('SELECT count(*) FROM analysis_queue').pluck().get() as number;
    const queueRunning = db
      .prepare(`SELECT count(*) FROM analysis_queue WHERE state = 'running'`)
      .pluck()
      .get() as number;
    return {
      integrity,
      samples,
      distinctPaths: paths.size,
      lost: expected.filter((p) => !paths.has(p)).length,
      duplicated: samples - paths.size,
      status,
      queued,
      queueRunning,
    };
  } finally {
    db.close();
  }
}

/** Writes a figure file under test-results/faults (and prints where). */
export function writeResult(name: string, data: unknown): void {
  const dir = join(ROOT, 'test-results/faults');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), ...(data as object) }, null, 2)}\n`,
  );
  console.log(`[faults] ${name}: ${file}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
