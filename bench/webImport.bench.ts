// Web mode, import + analysis end to end (issue 20): the built server on a fresh data dir,
// Debian's Chromium (headless) logged in, the three Debian sample folders added through the
// page's "Folder path" field, until the app's own status says every file is imported and
// analysed. Goal: ≤ 15 s, no task over 50 ms in the page meanwhile.
// Records wall time (first add → done), files/s, long tasks in the page (observer installed
// before the app loads), the server's peak RSS and CPU split by thread (main thread, analysis
// workers, the rest), the page's CPU (Chromium's own metrics), the WebSocket traffic both ways,
// and the load average. Two variants: the page left idle, and the list scrolled meanwhile.
// Run: npm run bench -- webimport   → bench/results/webimport.json
// (BENCH_WEBIMPORT_VARIANTS=idle for one variant.)
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Page } from '@playwright/test';
import type {
  AnalysisProgress,
  AnalysisStatusInfo,
  ImportJobInfo,
  ImportProgress,
} from '../shared/contract';
import { WS_PATH } from '../shared/wire';
import {
  loginSession,
  openApp,
  startServer,
  stopServer,
  tempRoot,
  type RunningServer,
} from '../e2e/server';
import { launchChromium } from './lib/chromium';
import { isMain, round, writeResult } from './lib/results';
import { peakRssMb, ThreadCpuSampler } from './lib/threadCpu';

export const WEB_IMPORT_FOLDERS = process.env.BENCH_WEBIMPORT_FOLDERS?.split(',') ?? [
  '/usr/share/hydrogen/data/drumkits',
  '/usr/share/lmms/samples',
  '/usr/share/sonic-pi/samples',
];
/** A folder to write CPU profiles of the page and the server (main thread and workers) to. */
const PROFILE_DIR = process.env.BENCH_WEBIMPORT_PROFILE;
const GOAL_MS = 15_000;
const TIMEOUT_MS = Number(process.env.BENCH_WEBIMPORT_TIMEOUT_MS ?? 600_000);

const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/** A second WebSocket client (as another tab would be): the app's events, and its status on request. */
class StatusClient {
  private readonly ws: WebSocket;
  private nextId = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  readonly events = new Map<string, { count: number; bytes: number; maxBytes: number }>();
  readonly jobs = new Map<number, ImportJobInfo>();
  /** The last 'analysis.progress' event. */
  progress: AnalysisProgress | null = null;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      const m = JSON.parse(text) as
        | { type: 'result'; id: number; result: { ok: boolean; value?: unknown } }
        | { type: 'event'; name: string; payload: unknown };
      if (m.type === 'result') {
        this.waiting.get(m.id)?.(m.result.ok ? m.result.value : null);
        this.waiting.delete(m.id);
        return;
      }
      const e = this.events.get(m.name) ?? { count: 0, bytes: 0, maxBytes: 0 };
      e.count++;
      e.bytes += text.length;
      e.maxBytes = Math.max(e.maxBytes, text.length);
      this.events.set(m.name, e);
      if (m.name === 'import.progress') {
        const job = (m.payload as ImportProgress).job;
        this.jobs.set(job.id, job);
      }
      if (m.name === 'analysis.progress') this.progress = m.payload as AnalysisProgress;
    });
  }

  static open(server: RunningServer): Promise<StatusClient> {
    const ws = new WebSocket(server.url.replace(/^http/, 'ws') + WS_PATH, {
      headers: { Origin: server.url, Cookie: `sm_session=${server.session}` },
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new StatusClient(ws)));
      ws.once('error', reject);
    });
  }

  /** 'analysis.status' is a status poll: the app does not count it as the user browsing. */
  status(): Promise<AnalysisStatusInfo | null> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ type: 'invoke', id, name: 'analysis.status', input: {} }));
    return new Promise((resolve) => this.waiting.set(id, resolve as (v: unknown) => void));
  }

  close(): void {
    this.ws.close();
  }
}

const START_MARK = 'webimport-start';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Top-level tasks (wall and thread ms) of the page's renderer main thread in a Chromium trace,
 * from the page's start mark on.
 */
export function rendererMainTasks(trace: Buffer): Array<{ wallMs: number; cpuMs: number }> {
  // Chromium writes one event per line; a long run's trace is larger than a string can be,
  // so only the lines that matter are decoded.
  const events: TraceEvent[] = [];
  const wanted = ['"thread_name"', '"toplevel', `"${START_MARK}"`];
  for (let at = 0; at < trace.length;) {
    let end = trace.indexOf(10, at);
    if (end < 0) end = trace.length;
    const line = trace.toString('utf8', at, end).replace(/,\s*$/, '');
    at = end + 1;
    if (line.startsWith('{') && wanted.some((w) => line.includes(w)))
      events.push(JSON.parse(line) as TraceEvent);
  }
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const start = events.find((e) => e.name === START_MARK)?.ts ?? 0;
  // A task is a top-level event not inside another (a posted task, or a microtask checkpoint
  // run on its own, which the longtask observer also reports).
  const tasks: Array<{ wallMs: number; cpuMs: number }> = [];
  let end = 0;
  for (const e of events
    .filter((x) => x.ph === 'X' && x.ts >= start && main.has(`${x.pid}:${x.tid}`))
    .sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    tasks.push({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 });
  }
  return tasks;
}

/** The built server as startServer runs it, with V8's CPU profiler on (a node flag, not allowed in NODE_OPTIONS). */
function startProfiledServer(dataDir: string, profileDir: string): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [
      `--cpu-prof`,
      `--cpu-prof-dir=${profileDir}`,
      'dist/electron/server.js',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { env: { ...process.env, SAMPLEMIND_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open: (http:\/\/\S+)/.exec(out);
      if (!m) return;
      out = '';
      const loginUrl = m[1]!;
      loginSession(loginUrl).then(
        (session) => resolve({ loginUrl, session, url: new URL(loginUrl).origin, process: child }),
        reject,
      );
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** Scrolls the sample list up and down (wheel events, as a user does) until `until` resolves. */
async function browse(page: Page, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  let wheels = 0;
  while (!done) {
    const box = await page.locator('[data-list="samples"]').boundingBox();
    if (!box) {
      await page.waitForTimeout(100);
      continue;
    }
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, Math.floor(wheels / 20) % 2 === 0 ? 600 : -600);
    wheels++;
    await page.waitForTimeout(100);
  }
  return wheels;
}

async function runVariant(scroll: boolean): Promise<Record<string, unknown>> {
  const root = tempRoot('samplemind-webimport-');
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const server = PROFILE_DIR
    ? await startProfiledServer(dataDir, join(PROFILE_DIR, `server-${scroll ? 'scroll' : 'idle'}`))
    : await startServer(dataDir);
  const pid = server.process.pid!;
  const browser = await launchChromium();
  const status = await StatusClient.open(server);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    // What the page asks the server for while it runs (each request is a WebSocket frame).
    const sent = new Map<string, number>();
    page.on('websocket', (ws) =>
      ws.on('framesent', (f) => {
        const name = /"name":"([^"]+)"/.exec(String(f.payload))?.[1] ?? '?';
        sent.set(name, (sent.get(name) ?? 0) + 1);
      }),
    );
    await openApp(page, server);
    await page.getByLabel('Folder path').first().waitFor();
    await page.waitForTimeout(1000); // the first screen settles; its tasks are not the import's
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () =>
      Object.fromEntries(
        (
          (await cdp.send('Performance.getMetrics')) as {
            metrics: { name: string; value: number }[];
          }
        ).metrics.map((m) => [m.name, m.value]),
      );
    const before = await metrics();
    await page.evaluate('window.__longTasks.length = 0');
    sent.clear();
    const cpu = new ThreadCpuSampler(pid);
    const loads: number[] = [];
    const loadTimer = setInterval(() => loads.push(loadavg()[0]!), 1000);
    const loadBefore = loadavg()[0]!;
    cpu.start();
    // Chromium's own trace of the page's main-thread tasks: wall and thread (CPU) time of each,
    // so a task stretched by other processes on the cores can be told from one that works long.
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    if (PROFILE_DIR) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }

    const t0 = Date.now();
    const pageT0 = await page.evaluate<number>(
      `(performance.mark(${JSON.stringify(START_MARK)}), performance.now())`,
    );
    const field = page.getByLabel('Folder path').first();
    for (const folder of WEB_IMPORT_FOLDERS) {
      await field.fill(folder);
      await field.press('Enter');
      // The field empties once the server has taken the folder.
      for (let i = 0; i < 200 && (await field.inputValue()) !== ''; i++)
        await page.waitForTimeout(25);
    }
    const addedMs = Date.now() - t0;

    let importedMs = 0;
    let last: AnalysisStatusInfo | null = null;
    let lastPoll = Date.now();
    const finished = (async () => {
      while (Date.now() - t0 < TIMEOUT_MS) {
        const jobs = [...status.jobs.values()];
        const imported =
          jobs.length >= WEB_IMPORT_FOLDERS.length &&
          jobs.every((j) => j.phase === 'done' || j.phase === 'failed' || j.phase === 'cancelled');
        if (imported && importedMs === 0) importedMs = Date.now() - t0;
        const files = jobs.reduce((n, j) => n + j.filesAdded, 0);
        // The events say when it looks done; the status (the whole library) confirms it. Polling
        // the status all along would cost the server's main thread a count query each time.
        const p = status.progress;
        const looksDone =
          imported && p !== null && p.queued + p.running === 0 && p.completed + p.failed >= files;
        if (looksDone || Date.now() - lastPoll > 2000) {
          lastPoll = Date.now();
          last = await status.status();
          const lib = last?.library;
          if (imported && lib && lib.queued + lib.running === 0 && lib.done + lib.failed >= files)
            return Date.now() - t0;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`not done after ${TIMEOUT_MS} ms: ${JSON.stringify(last)}`);
    })();
    const wheels = scroll ? await browse(page, finished) : 0;
    const wallMs = await finished;
    const threads = cpu.stop();
    clearInterval(loadTimer);
    const rssMb = peakRssMb(pid);
    const after = await metrics();
    const trace = await browser.stopTracing();
    const mainTasks = rendererMainTasks(trace);
    if (PROFILE_DIR)
      writeFileSync(join(PROFILE_DIR, `page-${scroll ? 'scroll' : 'idle'}.trace.json`), trace);
    if (PROFILE_DIR) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      mkdirSync(PROFILE_DIR, { recursive: true });
      writeFileSync(
        join(PROFILE_DIR, `page-${scroll ? 'scroll' : 'idle'}.cpuprofile`),
        JSON.stringify(profile),
      );
    }
    // Tasks still queued when the status said done belong to the run (the last refresh).
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate<Array<{ start: number; ms: number }>>('window.__longTasks');
    const jobs = [...status.jobs.values()];
    const files = jobs.reduce((n, j) => n + j.filesAdded, 0);
    const lib = (last as AnalysisStatusInfo | null)?.library;
    const pageMs = (name: string) => round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000, 0);
    const workerMs = Object.entries(threads.byThreadName)
      .filter(([name]) => /worker|analysis/i.test(name) && !/libuv|V8|DefaultWorker/i.test(name))
      .reduce((n, [, ms]) => n + ms, 0);
    await context.close();
    return {
      variant: scroll ? 'scrolling the list meanwhile' : 'page idle',
      folders: WEB_IMPORT_FOLDERS,
      files,
      importErrors: jobs.reduce((n, j) => n + j.errors, 0),
      analysed: lib?.done ?? null,
      analysisFailed: lib?.failed ?? null,
      wallMs,
      goalMs: GOAL_MS,
      met: wallMs <= GOAL_MS && !tasks.some((t) => t.ms > 50),
      addRequestsMs: addedMs,
      importedMs,
      filesPerSec: round(files / (wallMs / 1000), 1),
      longTasks: {
        count: tasks.length,
        over50ms: tasks.filter((t) => t.ms > 50).length,
        longestMs: round(tasks.reduce((m, t) => Math.max(m, t.ms), 0)),
        totalMs: round(
          tasks.reduce((n, t) => n + t.ms, 0),
          0,
        ),
        // When each task over 50 ms began (ms after the first add) and how long it ran.
        over50msAt: tasks
          .filter((t) => t.ms > 50)
          .map((t) => ({ atMs: round(t.start - pageT0, 0), ms: round(t.ms, 0) })),
        goal: 'no task > 50 ms',
      },
      // The same tasks from Chromium's trace: thread time is the work itself (load-independent).
      mainThreadTasks: {
        count: mainTasks.length,
        wallOver50ms: mainTasks.filter((t) => t.wallMs > 50).length,
        cpuOver50ms: mainTasks.filter((t) => t.cpuMs > 50).length,
        longestWallMs: round(mainTasks.reduce((m, t) => Math.max(m, t.wallMs), 0)),
        longestCpuMs: round(mainTasks.reduce((m, t) => Math.max(m, t.cpuMs), 0)),
        cpuOver16ms: mainTasks.filter((t) => t.cpuMs > 16).length,
        totalCpuMs: round(
          mainTasks.reduce((n, t) => n + t.cpuMs, 0),
          0,
        ),
      },
      wheelEvents: wheels,
      serverPeakRssMb: rssMb,
      serverCpuMs: {
        total: round(threads.totalMs, 0),
        mainThread: round(threads.mainThreadMs, 0),
        byThreadName: Object.fromEntries(
          Object.entries(threads.byThreadName).map(([k, v]) => [k, round(v, 0)]),
        ),
        perFile: {
          total: round(threads.totalMs / files, 2),
          mainThread: round(threads.mainThreadMs / files, 2),
          workers: round(workerMs / files, 2),
        },
      },
      pageCpuMs: {
        task: pageMs('TaskDuration'),
        script: pageMs('ScriptDuration'),
        layout: pageMs('LayoutDuration'),
        recalcStyle: pageMs('RecalcStyleDuration'),
      },
      pageRequests: Object.fromEntries([...sent].sort((a, b) => b[1] - a[1])),
      serverEvents: Object.fromEntries(status.events),
      loadAverage1m: {
        atStart: round(loadBefore),
        max: round(Math.max(loadBefore, ...loads)),
        mean: round(loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadBefore),
      },
    };
  } finally {
    status.close();
    await browser.close();
    await stopServer(server, 3000);
    rmSync(root, { recursive: true, force: true });
  }
}

function resultOf(variants: Record<string, unknown>): Record<string, unknown> {
  return {
    note: 'headless Chromium and the server on the same 2-core machine; wall times are loaded unless loadAverage1m says otherwise',
    measuredTo:
      "first 'Folder path' submit in the page → the app's analysis.status says the library has nothing queued or running and every imported file analysed or failed, all three import jobs done",
    variants,
  };
}

export async function runWebImportBench(): Promise<Record<string, unknown>> {
  if (!existsSync('dist/renderer/index.html')) throw new Error('run `npm run build` first');
  for (const f of WEB_IMPORT_FOLDERS) if (!existsSync(f)) throw new Error(`missing ${f}`);
  const wanted = (process.env.BENCH_WEBIMPORT_VARIANTS ?? 'idle,scroll').split(',');
  const variants: Record<string, unknown> = {};
  for (const v of ['idle', 'scroll']) {
    if (!wanted.includes(v)) continue;
    console.error(`[webimport bench] ${new Date().toISOString()} ${v}`);
    variants[v] = await runVariant(v === 'scroll');
    writeResult('webimport', resultOf(variants)); // what is done so far, should a later variant fail
  }
  const result = resultOf(variants);
  const file = writeResult('webimport', result);
  console.log(JSON.stringify(result, null, 2));
  console.log(`wrote ${file}`);
  return result;
}

/** The entry `npm run bench` calls. */
export const run = runWebImportBench;

if (isMain(import.meta.url)) await runWebImportBench();
