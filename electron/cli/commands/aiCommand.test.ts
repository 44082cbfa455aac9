import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../library/db';
import { Ledger } from '../../ai/ledger';
import { runAppCli as runCli } from '../../app/cli';
import { aiCommand } from './aiCommand';

let dir: string;
let db: string;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--db', db, '--data-dir', dir], {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false },
    env: {},
    commands: [aiCommand],
  });
  return { code, out, err };
}

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
    expect(s.keyStorage.kind).toBe('env');
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
    expect((await cli('ai', 'budget', 'total', 'day', 'lots')).code).toBe(2);
    expect((await cli('ai', 'budget', 'total')).code).toBe(2);
    expect((await cli('ai', 'local-only', 'maybe')).code).toBe(2);
    expect((await cli('ai', 'usage', '--month', '2026-13')).code).toBe(1);
  });
});
