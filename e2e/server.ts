import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { installAudioClock } from './audioClock';

export interface RunningServer {
  url: string;
  /** The printed login link: already spent (it works once) on the session below. */
  loginUrl: string;
  /** The session cookie's value, traded for the one-time token when the server started. */
  session: string;
  process: ChildProcess;
}

/** Trades the one-time login link for the session cookie's value. */
export async function loginSession(loginUrl: string): Promise<string> {
  const res = await fetch(loginUrl, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie') ?? '';
  const m = /sm_session=([^;]+)/.exec(cookie);
  if (!m) throw new Error(`login failed: HTTP ${res.status}`);
  return m[1]!;
}

/** Opens the app in a page as a logged-in browser (every context gets the session cookie). */
export async function openApp(page: Page, server: Pick<RunningServer, 'url' | 'session'>) {
  await page.context().addCookies([{ name: 'sm_session', value: server.session, url: server.url }]);
  await installAudioClock(page);
  return page.goto(`${server.url}/`);
}

/** Stops a server started by startServer: SIGTERM, then SIGKILL if it is still running after `graceMs`. */
export async function stopServer(server: RunningServer, graceMs = 500): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs));
  if ((await Promise.race([exited, timer])) === 'late') child.kill('SIGKILL');
}

/** Starts the built web-mode server and resolves with the login URL it prints. */
/** Server environment with no AI provider: no keys from this shell, no Ollama where it looks. */
export const NO_AI_PROVIDER_ENV = {
  OLLAMA_HOST: 'http://127.0.0.1:9',
  GROQ_API_KEY: '',
  DEEPSEEK_API_KEY: '',
  GEMINI_API_KEY: '',
  OPENAI_API_KEY: '',
  ANTHROPIC_API_KEY: '',
};

export function startServer(
  dataDir: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<RunningServer> {
  const entry = join(process.cwd(), 'dist/electron/server.js');
  if (!existsSync(entry))
    throw new Error('dist/electron/server.js is missing: run `npm run build` first');
  const child = spawn(
    process.execPath,
    [entry, '--port', '0', '--data-dir', dataDir, ...extraArgs],
    {
      env: { ...process.env, SAMPLEMIND_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const loginUrl = m[1]!;
        loginSession(loginUrl).then(
          (session) =>
            resolve({ loginUrl, session, url: new URL(loginUrl).origin, process: child }),
          reject,
        );
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
      if (process.env.SM_E2E_VERBOSE) process.stderr.write(c);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
}

const HYDROGEN = '/usr/share/hydrogen/data/drumkits';
const LMMS = '/usr/share/lmms/samples';

/**
 * A small library of real audio: a few Hydrogen kits (WAV, FLAC, AIFF) and LMMS
 * loops/one-shots (OGG), copied so the test owns them.
 */
export function makeAudioLibrary(root: string): string {
  const lib = join(root, 'Samples');
  mkdirSync(lib, { recursive: true });
  for (const kit of ['TR808EmulationKit', 'Audiophob', 'BJA_Pacific']) {
    const from = join(HYDROGEN, kit);
    if (existsSync(from))
      cpSync(from, join(lib, 'Kits', kit), {
        recursive: true,
        // BJA_Pacific is 31 MB of AIFF layers: a few first layers are enough.
        filter: (p) =>
          !p.endsWith('.xml') &&
          (kit !== 'BJA_Pacific' || !/\.aiff?$/.test(p) || /_01\.aiff?$/.test(p)),
      });
  }
  for (const dir of ['bassloops', 'beats']) {
    const from = join(LMMS, dir);
    if (existsSync(from)) cpSync(from, join(lib, 'LMMS', dir), { recursive: true });
  }
  if (readdirSync(lib).length === 0)
    throw new Error('no Debian audio found (hydrogen-drumkits, lmms-common)');
  return lib;
}

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
