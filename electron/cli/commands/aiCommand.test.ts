import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app/createApp';
import { headlessHost } from '../../app/headlessHost';
import { openDatabase } from '../../library/db';
import { Ledger } from '../../ai/ledger';
import { runAppCli as runCli } from '../../app/cli';
import { aiCommand } from './aiCommand';

let dir: string;
let db: string;

async function cliWith(
  options: { stdin?: string; env?: NodeJS.ProcessEnv },
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--db', db, '--data-dir', dir], {
    io: {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      interactive: false,
      ...(options.stdin !== undefined ? { readSecret: () => Promise.resolve(options.stdin!) } : {}),
    },
    env: options.env ?? {},
    commands: [aiCommand],
  });
  return { code, out, err };
}

const cli = (...args: string[]) => cliWith({}, ...args);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sm-cli-ai-'));
  db = join(dir, 'lib.db');
  const d = openDatabase(db);
  const ledger = new Ledger(d);
  const base = {
    task: 'tag' as const,
    latencyMs: 100,
    firstTokenMs: 50,
    errorCode: null,
    fallbackChain: [],
    requestId: 'r',
  };
  ledger.record({
    ...base,
    at: Date.now(),
    provider: 'ollama',
    model: 'llama3.2:3b',
    tokensIn: 1000,
    tokensOut: 100,
    costUsd: 0,
    baselineCostUsd: 0.0035,
    outcome: 'ok',
  });
  ledger.record({
    ...base,
    at: Date.now(),
    provider: 'groq',
    model: 'llama-3.1-8b-instant',
    tokensIn: 1000,
    tokensOut: 100,
    costUsd: 0.000058,
    baselineCostUsd: 0.0035,
    outcome: 'ok',
  });
  d.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('samplemind ai', () => {
  it('usage --json: spend per provider and savings against the baseline', async () => {
    const r = await cli('ai', 'usage', '--json');
    expect(r.code).toBe(0);
    const u = JSON.parse(r.out) as {
      monthToDate: {
        calls: number;
        baselineUsd: number;
        savingsPct: number;
        byProvider: Array<{ provider: string }>;
      };
    };
    expect(u.monthToDate.calls).toBe(2);
    expect(u.monthToDate.baselineUsd).toBeCloseTo(0.007, 9);
    expect(u.monthToDate.savingsPct).toBeCloseTo(99.17, 1);
    expect(u.monthToDate.byProvider.map((p) => p.provider).sort()).toEqual(['groq', 'ollama']);
    const text = await cli('ai', 'usage');
    expect(text.out).toMatch(/saved .*\(99\.17%\)/);
    expect(text.out).toContain('groq');
  });

  it('budget and local-only change the settings; providers shows them', async () => {
    expect((await cli('ai', 'budget', 'total', 'month', '5', '--json')).code).toBe(0);
    const b = await cli('ai', 'budget', 'groq', 'day', '0.5');
    expect(b.out).toContain('groq/day');
    expect((await cli('ai', 'local-only', 'on')).out).toContain('local only: on');
    const p = await cli('ai', 'providers', '--json');
    expect(p.code).toBe(0);
    const s = JSON.parse(p.out) as {
      localOnly: boolean;
      keyStorage: { kind: string };
      providers: unknown[];
    };
    expect(s.localOnly).toBe(true);
    expect(s.keyStorage.kind).toBe('file');
    expect(s.providers).toHaveLength(6);
    const text = await cli('ai', 'providers');
    expect(text.out).toContain('local only: on');
    expect((await cli('ai', 'budget', 'groq', 'day', 'none')).code).toBe(0);
  });

  it('usage mistakes exit 2', async () => {
    expect((await cli('ai')).code).toBe(2);
    expect((await cli('ai', 'nope')).code).toBe(2);
    expect((await cli('ai', 'budget', 'x', 'day', '1')).code).toBe(2);
    expect((await cli('ai', 'budget', 'total', 'week', '1')).code).toBe(2);
    expect((await cli('ai', 'budget', 'total', 'mnth', '1')).err).toMatch(/did you mean month/);
    expect((await cli('ai', 'budget', 'gorq', 'day', '1')).err).toMatch(/did you mean groq/);
    expect((await cli('ai', 'local-only', 'offf')).err).toMatch(/did you mean off/);
    expect((await cli('ai', 'budget', 'total', 'day', 'lots')).code).toBe(2);
    expect((await cli('ai', 'budget', 'total')).code).toBe(2);
    expect((await cli('ai', 'local-only', 'maybe')).code).toBe(2);
    // The contract refuses the month: a usage error too.
    expect((await cli('ai', 'usage', '--month', '2026-13')).code).toBe(2);
    expect((await cli('ai', 'key', 'set', 'opnai')).err).toMatch(/did you mean openai/);
    expect((await cli('ai', 'key', 'set', 'groq', 'gsk_on_the_command_line')).code).toBe(2);
    expect((await cliWith({ stdin: '\n' }, 'ai', 'key', 'set', 'groq')).code).toBe(2);
  });

  it('key set saves into the store web mode reads; the environment wins; delete removes it', async () => {
    const set = await cliWith({ stdin: 'gsk_from_stdin_0123456789\n' }, 'ai', 'key', 'set', 'groq');
    expect(set.code).toBe(0);
    expect(set.out).toContain(join(dir, 'secrets.json'));
    expect(set.out + set.err).not.toContain('gsk_from_stdin');
    const file = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as unknown;
    expect(file).toEqual({
      version: 2,
      secrets: { groq: { encoding: 'plain', value: 'gsk_from_stdin_0123456789' } },
    });
    // The store web mode opens on the same data folder sees the key.
    const web = createApp({
      dataDir: dir,
      dbPath: db,
      host: headlessHost('web'),
      env: {},
      log: () => {},
    });
    try {
      const status = await web.dispatch('ai.status', {}, { origin: 'test' });
      expect(status).toMatchObject({
        ok: true,
        value: {
          keyStorage: { kind: 'file', writable: true },
          providers: expect.arrayContaining([
            expect.objectContaining({ id: 'groq', configured: true }),
          ]),
        },
      });
    } finally {
      await web.close();
    }
    const providers = await cliWith(
      { env: { GOOGLE_API_KEY: 'g-key-from-env-123' } },
      'ai',
      'providers',
      '--json',
    );
    const s = JSON.parse(providers.out) as {
      providers: Array<{ id: string; configured: boolean }>;
    };
    expect(
      s.providers
        .filter((p) => p.configured)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['gemini', 'groq']);
    const del = await cli('ai', 'key', 'delete', 'groq', '--json');
    expect(JSON.parse(del.out)).toMatchObject({ provider: 'groq', configured: false });
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('gsk_from_stdin');
  });
});
