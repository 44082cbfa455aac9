import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OllamaPullProgress, OllamaStatus } from '../../../shared/contract/ai';
import { startFakeOllama } from '../test-support/fakeOllama';
import { writeStandInOllama } from '../test-support/standInOllama';
import { findOllamaBinary } from './findBinary';
import { freeLoopbackPort } from './freePort';
import { normaliseHost, OllamaSupervisor, probeOllama, type SupervisorOptions } from './supervisor';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function nothingListening(): Promise<string> {
  return `http://127.0.0.1:${await freeLoopbackPort()}`;
}

async function supervisor(extra: Partial<SupervisorOptions> = {}) {
  const binDir = writeStandInOllama();
  const dataDir = mkdtempSync(join(tmpdir(), 'sm-data-'));
  const statuses: OllamaStatus[] = [];
  const progress: OllamaPullProgress[] = [];
  const s = new OllamaSupervisor({
    dataDir,
    defaultHost: await nothingListening(),
    chatModel: 'llama3.2:3b',
    embedModel: 'nomic-embed-text',
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` },
    startTimeoutMs: 10_000,
    restartBaseMs: 50,
    healthIntervalMs: 0,
    onStatus: (x) => statuses.push(x),
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  cleanups.push(async () => {
    await s.stop(500);
    rmSync(binDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { s, statuses, progress, dataDir, binDir };
}

describe('OllamaSupervisor with a stand-in ollama executable', () => {
  it('starts ollama from PATH on a free loopback port, models in the data folder, pulls the defaults', async () => {
    const { s, progress, dataDir, statuses } = await supervisor();
    const status = await s.start();
    expect(status.state).toBe('running');
    expect(status.managed).toBe(true);
    expect(status.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(status.host).not.toContain(':11434');
    expect(status.version).toBe('0.0.0-standin');
    expect(status.pid).toBeGreaterThan(0);
    expect(status.chatModelInstalled).toBe(true);
    expect(status.models.sort()).toEqual(['llama3.2:3b', 'nomic-embed-text']);
    // The stand-in keeps its models where OLLAMA_MODELS pointed.
    expect(readdirSync(join(dataDir, 'ollama', 'models')).length).toBe(2);
    const pct = progress.filter((p) => p.model === 'llama3.2:3b').map((p) => p.percent);
    expect(pct).toContain(50);
    expect(progress.filter((p) => p.done).map((p) => p.model)).toEqual([
      'llama3.2:3b',
      'nomic-embed-text',
    ]);
    expect(statuses.map((x) => x.state)).toContain('starting');
    expect(s.host()).toBe(status.host);
  });

  it('stops the server it started on quit (no orphan)', async () => {
    const { s } = await supervisor({ autoPull: false });
    const { pid } = await s.start();
    expect(alive(pid!)).toBe(true);
    await s.stop();
    await until(() => !alive(pid!));
    expect(s.status().state).toBe('stopped');
    expect(s.host()).toBeNull();
  });

  it('restarts a crashed server with back-off, then gives up', async () => {
    const { s, statuses } = await supervisor({
      autoPull: false,
      maxRestarts: 2,
      env: {
        ...process.env,
        PATH: `${writeStandInOllama()}:${process.env.PATH ?? ''}`,
        STANDIN_EXIT_AFTER_MS: '300',
      },
    });
    const first = await s.start();
    expect(first.state).toBe('running');
    await until(() => s.status().restarts >= 1 && s.status().state === 'running');
    expect(s.status().pid).not.toBe(first.pid);
    await until(() => (s.status().lastError ?? '').includes('gave up'));
    await new Promise((r) => setTimeout(r, 400));
    expect(s.status().state).toBe('crashed');
    expect(s.status().lastError).toContain('gave up');
    expect(statuses.map((x) => x.state)).toContain('restarting');
  });

  it('a restart that fails (its models folder cannot be made) becomes a state, not an unhandled rejection', async () => {
    const { s, dataDir } = await supervisor({
      autoPull: false,
      maxRestarts: 1,
      env: {
        ...process.env,
        PATH: `${writeStandInOllama()}:${process.env.PATH ?? ''}`,
        STANDIN_EXIT_AFTER_MS: '300',
      },
    });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      expect((await s.start()).state).toBe('running');
      // The restart's mkdir fails: a file where its folder should be.
      rmSync(join(dataDir, 'ollama'), { recursive: true, force: true });
      writeFileSync(join(dataDir, 'ollama'), 'not a folder');
      await until(() => s.status().state === 'unavailable');
      expect(s.status().lastError).toMatch(/EEXIST|ENOTDIR/);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('reuses an Ollama that is already running and never stops it', async () => {
    const fake = await startFakeOllama({ models: ['llama3.2:3b', 'nomic-embed-text:latest'] });
    cleanups.push(() => fake.close());
    const { s } = await supervisor({ defaultHost: fake.url });
    const status = await s.start();
    expect(status).toMatchObject({
      state: 'external',
      managed: false,
      pid: null,
      chatModelInstalled: true,
    });
    expect(status.host).toBe(fake.url);
    await s.stop();
    expect(await probeOllama(fake.url)).toBe('0.12.9');
  });

  it('finds an Ollama the user started at OLLAMA_HOST (host:port, as Ollama reads it)', async () => {
    const fake = await startFakeOllama({ models: ['llama3.2:3b', 'nomic-embed-text:latest'] });
    cleanups.push(() => fake.close());
    const { s } = await supervisor({
      defaultHost: undefined,
      env: { PATH: '/nonexistent', OLLAMA_HOST: fake.url.replace('http://', '') },
    });
    const status = await s.start();
    expect(status).toMatchObject({ state: 'external', managed: false });
    expect(status.host).toBe(fake.url);
  });

  it('uses a configured host as is, and says when it does not answer', async () => {
    const fake = await startFakeOllama();
    cleanups.push(() => fake.close());
    const { s } = await supervisor({ host: fake.url.replace('http://', ''), autoPull: false });
    expect((await s.start()).state).toBe('external');
    const down = await nothingListening();
    const { s: s2 } = await supervisor({ host: down });
    const st = await s2.start();
    expect(st.state).toBe('unavailable');
    expect(st.lastError).toContain(down);
  });

  it('pulls a model on request with progress, and refuses when not running', async () => {
    const { s, progress } = await supervisor({ autoPull: false });
    await expect(s.pull('qwen3:8b')).rejects.toMatchObject({ code: 'NO_PROVIDER' });
    await s.start();
    const st = await s.pull('qwen3:8b');
    expect(st.models).toContain('qwen3:8b');
    expect(progress.at(-1)).toMatchObject({ model: 'qwen3:8b', done: true });
  });

  it('is unavailable when there is no binary or managing is off', async () => {
    const { s } = await supervisor({ env: { PATH: '/nonexistent' } });
    expect((await s.start()).state).toBe('unavailable');
    const { s: s2 } = await supervisor({ manage: false });
    const st = await s2.start();
    expect(st.state).toBe('unavailable');
    expect(st.lastError).toContain('turned off');
  });

  it('health checks kill a managed server that stops answering, and it comes back', async () => {
    const { s } = await supervisor({ autoPull: false, healthIntervalMs: 50 });
    const first = await s.start();
    process.kill(first.pid!, 'SIGSTOP');
    try {
      await until(() => s.status().restarts >= 1 && s.status().state === 'running', 15_000);
    } finally {
      if (alive(first.pid!)) process.kill(first.pid!, 'SIGCONT');
    }
    expect(alive(first.pid!)).toBe(false);
  });
});

describe('findOllamaBinary', () => {
  it('prefers the bundled binary, then PATH', () => {
    const res = mkdtempSync(join(tmpdir(), 'sm-res-'));
    const bundled = join(res, 'ollama', `${process.platform}-${process.arch}`);
    mkdirSync(bundled, { recursive: true });
    writeStandInOllama(bundled);
    const pathDir = writeStandInOllama();
    cleanups.push(() => {
      rmSync(res, { recursive: true, force: true });
      rmSync(pathDir, { recursive: true, force: true });
    });
    expect(findOllamaBinary({ resourcesDir: res, env: { PATH: pathDir } })).toEqual({
      path: join(bundled, 'ollama'),
      source: 'bundled',
    });
    expect(
      findOllamaBinary({ resourcesDir: join(res, 'none'), env: { PATH: `/nope:${pathDir}` } }),
    ).toEqual({
      path: join(pathDir, 'ollama'),
      source: 'path',
    });
    expect(findOllamaBinary({ env: { PATH: '/nope' } })).toBeNull();
    expect(existsSync(join(pathDir, 'ollama'))).toBe(true);
    expect(readFileSync(join(pathDir, 'ollama'), 'utf8').startsWith('#!')).toBe(true);
  });

  it('normalises hosts', () => {
    expect(normaliseHost('127.0.0.1:11434')).toBe('http://127.0.0.1:11434');
    expect(normaliseHost('http://h:1/')).toBe('http://h:1');
  });
});
