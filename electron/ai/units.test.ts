import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../library/db';
import { Budgets } from './budgets';
import { loadCatalog, parseCatalog } from './catalog';
import { classifyError, errorCodeFor, parseRetryAfter, ProviderError } from './errors';
import { Ledger } from './ledger';
import { isLoopbackHost } from './providerRegistry';
import { redactSecrets } from './redact';
import {
  defaultAiSettings,
  mergeAiSettings,
  AiSettingsStore,
  AI_SETTINGS_KEY,
} from './settingsStore';
import { guardStream } from './streamGuard';
import { HealthBook } from './healthBook';
import { estimateInputTokens, worstCaseInputTokens } from './tokens';
import { ToolCallAssembler } from './toolCalls';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });

describe('errors', () => {
  it('parses Retry-After as seconds, milliseconds or an HTTP date', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '150' }))).toBe(150);
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 25 Nov 2026 00:00:05 GMT' }), now)).toBe(
      5000,
    );
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(parseRetryAfter(headers({}))).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('classifies what SDKs and fetch throw', () => {
    expect(classifyError('groq', Object.assign(new Error('x'), { name: 'AbortError' })).kind).toBe(
      'cancelled',
    );
    expect(
      classifyError('groq', Object.assign(new Error('x'), { name: 'APIConnectionTimeoutError' }))
        .kind,
    ).toBe('timeout');
    expect(classifyError('ollama', Object.assign(new Error('x'), { status_code: 503 })).kind).toBe(
      'server',
    );
    expect(classifyError('openai', Object.assign(new Error('x'), { status: 408 })).kind).toBe(
      'timeout',
    );
    expect(classifyError('openai', Object.assign(new Error('x'), { status: 400 })).kind).toBe(
      'bad_request',
    );
    expect(classifyError('openai', new SyntaxError('bad json')).kind).toBe('malformed');
    expect(classifyError('openai', new TypeError('fetch failed')).kind).toBe('network');
    expect(
      classifyError('openai', Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } }))
        .kind,
    ).toBe('network');
    expect(
      classifyError('openai', Object.assign(new Error('boom'), { name: 'APIError' })).kind,
    ).toBe('server');
    expect(classifyError('openai', new Error('other side closed')).kind).toBe('incomplete');
    expect(classifyError('openai', 'weird').kind).toBe('server');
    const pe = new ProviderError('groq', 'auth', 'no');
    expect(classifyError('groq', pe)).toBe(pe);
    expect(
      ['rate_limit', 'timeout', 'stalled', 'auth', 'cancelled', 'bad_request', 'server'].map((k) =>
        errorCodeFor(k as never),
      ),
    ).toEqual([
      'RATE_LIMITED',
      'TIMEOUT',
      'TIMEOUT',
      'UNAUTHORIZED',
      'CANCELLED',
      'BAD_INPUT',
      'PROVIDER_ERROR',
    ]);
  });
});

describe('price table', () => {
  it('loads the built-in table and an override file; rejects bad ones', () => {
    const builtIn = loadCatalog();
    expect(builtIn.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(builtIn.baseline.id).toBe('gpt-4o');
    expect(builtIn.embeddingModels('openai').length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'sm-cat-'));
    try {
      const data = structuredClone(builtIn.data);
      data.models = data.models.map((m) => (m.id === 'deepseek-chat' ? { ...m, inputPerM: 9 } : m));
      writeFileSync(join(dir, 'ok.json'), JSON.stringify(data));
      expect(
        loadCatalog(join(dir, 'ok.json')).chatModel('deepseek', 'deepseek-chat')?.inputPerM,
      ).toBe(9);
      expect(loadCatalog(join(dir, 'missing.json')).pricesAsOf).toBe(builtIn.pricesAsOf);
      expect(() => parseCatalog({ ...data, currency: 'EUR' }, 'x')).toThrow(/price table x/);
      expect(() =>
        parseCatalog({ ...data, baseline: { provider: 'openai', model: 'nope' } }, 'x'),
      ).toThrow(/baseline/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('redaction', () => {
  it('redacts known keys and key-shaped strings', () => {
    const text = redactSecrets(
      'key sk-proj-abcdefghijklmnopqrstu and mysecret123 and Bearer abc.def.ghi.jkl',
      ['mysecret123'],
    );
    expect(text).not.toContain('abcdefghijklmnop');
    expect(text).not.toContain('mysecret123');
    expect(text).toContain('Bearer [redacted]');
  });
});

describe('small parts', () => {
  it('settings: defaults, merge, corrupt stored value', () => {
    const db = openDatabase(':memory:');
    const store = new AiSettingsStore(db);
    expect(store.get()).toEqual(defaultAiSettings());
    const next = store.update({
      ollama: { host: '127.0.0.1:11434' },
      providers: { gemini: { chatModel: 'gemini-2.5-flash' } },
    });
    expect(next.providers.gemini.chatModel).toBe('gemini-2.5-flash');
    expect(next.providers.gemini.enabled).toBe(true);
    expect(store.get().ollama).toEqual({ host: '127.0.0.1:11434', manage: true, autoPull: true });
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(
      '{"localOnly": "yes"}',
      AI_SETTINGS_KEY,
    );
    expect(store.get()).toEqual(defaultAiSettings());
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run('not json', AI_SETTINGS_KEY);
    expect(store.get()).toEqual(defaultAiSettings());
    expect(mergeAiSettings(defaultAiSettings(), {}).localOnly).toBe(false);
    db.close();
  });

  it('budgets: running totals follow the ledger and start again on a new day', () => {
    let now = new Date(2026, 10, 25, 23, 0).getTime();
    const db = openDatabase(':memory:');
    const ledger = new Ledger(db);
    const budgets = new Budgets(db, ledger, () => now);
    budgets.set('groq', 'day', 1);
    const base = {
      task: 'tag' as const,
      model: 'm',
      tokensIn: 1,
      tokensOut: 1,
      baselineCostUsd: 0,
      latencyMs: 1,
      firstTokenMs: 1,
      outcome: 'ok' as const,
      errorCode: null,
      fallbackChain: [],
      requestId: null,
    };
    expect(budgets.fits('groq', 0.6)).toBeNull();
    ledger.record({ ...base, at: now, provider: 'groq', costUsd: 0.5 });
    ledger.record({ ...base, at: now, provider: 'deepseek', costUsd: 0.5 });
    expect(budgets.fits('groq', 0.6)).toMatchObject({ scope: 'groq', period: 'day' });
    expect(budgets.fits('groq', 0.4)).toBeNull();
    now += 2 * 3600_000;
    expect(budgets.fits('groq', 0.6)).toBeNull();
    expect(ledger.recent(5)).toHaveLength(2);
    db.close();
  });

  it('tokens, tool-call assembly, loopback hosts', () => {
    const msgs = [{ role: 'user' as const, content: 'héllo wörld '.repeat(20) }];
    expect(worstCaseInputTokens(msgs)).toBeGreaterThan(estimateInputTokens(msgs));
    const a = new ToolCallAssembler();
    a.add(0, { name: 'x', args: '{"a":' });
    a.add(0, { args: '1}' });
    a.add(1, { args: 'nameless' });
    a.add(2, { name: 'y', args: '{broken' });
    expect(a.size).toBe(3);
    const calls = a.finish();
    expect(calls.map((c) => [c.name, c.input])).toEqual([
      ['x', { a: 1 }],
      ['y', null],
    ]);
    expect(calls[0]!.id).toMatch(/^call_/);
    expect(isLoopbackHost('127.0.0.1:11434')).toBe(true);
    expect(isLoopbackHost('http://localhost:1')).toBe(true);
    expect(isLoopbackHost('http://192.168.1.5:11434')).toBe(false);
    expect(isLoopbackHost('::::')).toBe(false);
  });

  it('stream guard: first-event timeout and a stall', async () => {
    async function* slow(firstMs: number, thenMs: number) {
      await new Promise((r) => setTimeout(r, firstMs));
      yield 1;
      await new Promise((r) => setTimeout(r, thenMs));
      yield 2;
    }
    let aborted = 0;
    const opts = {
      provider: 'groq' as const,
      firstEventMs: 50,
      idleMs: 50,
      abort: () => aborted++,
    };
    await expect(
      (async () => {
        for await (const _ of guardStream(slow(200, 0), opts)) void _;
      })(),
    ).rejects.toMatchObject({ kind: 'timeout' });
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const x of guardStream(slow(0, 200), opts)) got.push(x);
      })(),
    ).rejects.toMatchObject({ kind: 'stalled' });
    expect(got).toEqual([1]);
    expect(aborted).toBe(2);
  });

  it('health: a failed check keeps a provider out for a while, not for ever', () => {
    let now = 1_000_000;
    const h = new HealthBook({ now: () => now, unhealthyForMs: 1_000 });
    expect(h.blocked('groq')).toBeNull();
    h.setHealthy('groq', false, 'bad key');
    expect(h.blocked('groq')).toContain('bad key');
    now += 1_001;
    expect(h.blocked('groq')).toBeNull();
    expect(h.healthy('groq')).toBe(false);
  });
});
