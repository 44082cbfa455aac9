import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import type { RouterEvent } from './routerTypes';
import { startRig, TEST_KEYS, type Rig, type RigOptions } from './test-support/routerRig';
import type { RouteRequest } from './types';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function open(options: RigOptions = {}): Promise<Rig> {
  rig = await startRig(options);
  return rig;
}

const tag = (extra: Partial<RouteRequest> = {}): RouteRequest => ({
  task: 'tag',
  json: true,
  messages: [{ role: 'user', content: 'Tags for "Dark Pad C min 90bpm.wav" as JSON' }],
  ...extra,
});
const chat = (extra: Partial<RouteRequest> = {}): RouteRequest => ({
  task: 'chat',
  messages: [{ role: 'user', content: 'Find me warm Rhodes loops around 90 BPM' }],
  ...extra,
});

async function run(r: Rig, request: RouteRequest, signal?: AbortSignal) {
  const events: RouterEvent[] = [];
  for await (const ev of r.router.stream(request, signal)) events.push(ev);
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error('no done event');
  return {
    events,
    outcome: done.outcome,
    text: events.map((e) => (e.type === 'text' ? e.text : '')).join(''),
    routes: events
      .filter((e) => e.type === 'route')
      .map((e) => (e as { provider: string }).provider),
  };
}

async function failure(r: Rig, request: RouteRequest, signal?: AbortSignal): Promise<AppError> {
  try {
    await run(r, request, signal);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the request to fail');
}

function rows(r: Rig) {
  return r.db.prepare('SELECT * FROM ai_calls ORDER BY id').all() as Array<{
    provider: string;
    model: string;
    task: string;
    tokens_in: number;
    tokens_out: number;
    cost_usd: number;
    baseline_cost_usd: number;
    outcome: string;
    error_code: string | null;
    fallback_chain_json: string;
    request_id: string;
    first_token_ms: number | null;
  }>;
}

describe('routing policy', () => {
  it('sends work to the local Ollama first and books it at zero cost against the baseline', async () => {
    const r = await open();
    r.steps('ollama').push({ text: '{"tags":["dark","pad"]}', usage: { input: 40, output: 12 } });
    const res = await run(r, tag());
    expect(res.routes).toEqual(['ollama']);
    expect(res.outcome).toMatchObject({
      provider: 'ollama',
      model: 'llama3.2:3b',
      costUsd: 0,
      fallbacks: [],
    });
    expect(res.text).toBe('{"tags":["dark","pad"]}');
    const [row] = rows(r);
    expect(row).toMatchObject({
      provider: 'ollama',
      task: 'tag',
      tokens_in: 40,
      tokens_out: 12,
      cost_usd: 0,
      outcome: 'ok',
    });
    // gpt-4o: $2.50 in, $10 out per 1M.
    expect(row!.baseline_cost_usd).toBeCloseTo((40 * 2.5 + 12 * 10) / 1e6, 12);
    expect(row!.first_token_ms).not.toBeNull();
  });

  it('picks the local model that meets the task quality (chat needs standard)', async () => {
    const r = await open();
    const res = await run(r, chat());
    expect(res.outcome.model).toBe('qwen3:8b');
  });

  it('without Ollama, picks the cheapest capable cloud model for the quality', async () => {
    const r = await open({ ollamaModels: null });
    const t = await run(r, tag());
    expect(t.outcome).toMatchObject({ provider: 'groq', model: 'llama-3.1-8b-instant' });
    const plan = await r.router.plan(chat({ needs: { quality: 'premium' } }));
    expect(plan.candidates[0]!.model.quality).toBe('premium');
    expect(plan.candidates[0]!.provider).toBe('deepseek');
    const costs = plan.candidates.map((c) => c.estimatedCostUsd);
    expect(costs[0]).toBe(Math.min(...costs));
    const frontier = await r.router.plan(chat({ needs: { quality: 'frontier' } }));
    const full = frontier.candidates.filter((c) => !c.degraded);
    expect(full.every((c) => c.model.quality === 'frontier')).toBe(true);
    // Reasoning models are ranked with their hidden thinking tokens: Sonnet beats Gemini Pro here.
    expect(full.map((c) => c.provider)).toEqual(['anthropic', 'gemini', 'openai']);
    const fullCosts = full.map((c) => c.estimatedCostUsd);
    expect(fullCosts).toEqual([...fullCosts].sort((a, b) => a - b));
    // Lower tiers only after every model that meets the need (fallback).
    expect(frontier.candidates.slice(full.length).every((c) => c.degraded)).toBe(true);
  });

  it('routes by measured latency between equally priced providers', async () => {
    const r = await open({
      ollamaModels: null,
      keys: ['openai', 'gemini'],
      settings: {
        providers: {
          openai: { chatModel: 'gpt-4.1-nano' },
          gemini: { chatModel: 'gemini-2.5-flash-lite' },
        },
      },
    });
    r.health.success('openai', 900);
    r.health.success('gemini', 150);
    expect((await r.router.plan(tag())).candidates.map((c) => c.provider)).toEqual([
      'gemini',
      'openai',
    ]);
    for (let i = 0; i < 10; i++) r.health.success('gemini', 3000);
    expect((await r.router.plan(tag())).candidates.map((c) => c.provider)).toEqual([
      'openai',
      'gemini',
    ]);
  });

  it('honours capabilities: context length and output cap rule models out', async () => {
    const r = await open();
    const plan = await r.router.plan(tag({ needs: { minContextTokens: 500_000 } }));
    expect(plan.candidates.every((c) => c.model.contextTokens >= 500_000)).toBe(true);
    expect(plan.candidates.map((c) => c.provider)).not.toContain('ollama');
    expect(plan.rejected.find((x) => x.provider === 'ollama')?.code).toBe('INCAPABLE');
  });

  it('local only: nothing leaves the machine, and says so when Ollama is missing', async () => {
    const r = await open({ settings: { localOnly: true } });
    const plan = await r.router.plan(chat({ needs: { quality: 'premium' } }));
    expect(plan.candidates.map((c) => c.provider)).toEqual(['ollama']);
    expect(plan.candidates[0]!.degraded).toBe(true);
    expect(plan.rejected.filter((x) => x.code === 'LOCAL_ONLY')).toHaveLength(5);
    r.ollamaHost = null;
    r.registry.invalidateModels();
    const e = await failure(r, tag());
    expect(e.code).toBe('NO_PROVIDER');
    expect(e.message).toContain('Ollama is not running');
    expect(r.calls('groq') + r.calls('openai')).toBe(0);
  });

  it('strict quality refuses instead of degrading', async () => {
    const r = await open({ keys: ['groq'] });
    const e = await failure(r, chat({ needs: { quality: 'frontier', strictQuality: true } }));
    expect(e.code).toBe('NO_PROVIDER');
    const plan = await r.router.plan(chat({ needs: { quality: 'frontier' } }));
    expect(plan.candidates[0]).toMatchObject({ provider: 'groq', degraded: true });
    expect(plan.candidates[0]!.model.quality).toBe('premium');
  });

  it('disabled providers and pinned models', async () => {
    const r = await open({
      settings: {
        providers: { ollama: { enabled: false }, groq: { chatModel: 'llama-3.3-70b-versatile' } },
      },
    });
    const plan = await r.router.plan(tag());
    expect(plan.rejected.find((x) => x.provider === 'ollama')?.code).toBe('DISABLED');
    expect(plan.candidates.find((c) => c.provider === 'groq')?.model.id).toBe(
      'llama-3.3-70b-versatile',
    );
    r.settings.update({ providers: { groq: { chatModel: 'not-in-table' } } });
    const again = await r.router.plan(tag());
    expect(again.rejected.find((x) => x.provider === 'groq')?.reason).toContain('not-in-table');
  });

  it('prefer puts a qualifying provider first', async () => {
    const r = await open();
    const res = await run(r, tag({ prefer: { provider: 'anthropic' } }));
    expect(res.outcome.provider).toBe('anthropic');
    expect(res.outcome.costUsd).toBeGreaterThan(0);
  });
});

describe('retries and fallback', () => {
  it('falls back on 429 with a long Retry-After and remembers the wait', async () => {
    const r = await open({ ollamaModels: null });
    r.steps('groq').push({ status: 429, headers: { 'retry-after': '30' } });
    const res = await run(r, tag());
    expect(res.routes[0]).toBe('groq');
    expect(res.outcome.provider).not.toBe('groq');
    expect(res.outcome.fallbacks).toEqual([
      { provider: 'groq', model: 'llama-3.1-8b-instant', code: 'RATE_LIMITED' },
    ]);
    expect(r.health.rateLimitedUntil('groq')).toBeGreaterThan(Date.now() + 25_000);
    const calls = rows(r);
    expect(calls.map((c) => c.outcome)).toEqual(['failed', 'ok']);
    expect(JSON.parse(calls[1]!.fallback_chain_json)).toHaveLength(1);
    expect(calls[0]!.request_id).toBe(calls[1]!.request_id);
    // While the wait lasts, groq is not tried again.
    const next = await run(r, tag());
    expect(next.routes[0]).not.toBe('groq');
  });

  it('waits out a short Retry-After on the same provider', async () => {
    const r = await open({ ollamaModels: null });
    r.steps('groq').push({ status: 429, headers: { 'retry-after-ms': '40' } });
    const started = performance.now();
    const res = await run(r, tag());
    expect(res.outcome.provider).toBe('groq');
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(r.calls('groq')).toBe(2);
  });

  it('retries a 500 once with back-off, then falls back', async () => {
    const r = await open({ ollamaModels: null });
    r.steps('groq').push({ status: 500 }, { status: 503 });
    const res = await run(r, tag());
    expect(r.calls('groq')).toBe(2);
    expect(res.outcome.fallbacks[0]).toMatchObject({ provider: 'groq', code: 'PROVIDER_ERROR' });
  });

  it('does not retry a bad key; falls back and never shows the key', async () => {
    const r = await open({ ollamaModels: null });
    r.steps('groq').push({
      status: 401,
      errorBody: { error: { message: `Invalid API Key ${TEST_KEYS.groq}` } },
    });
    const res = await run(r, tag());
    expect(r.calls('groq')).toBe(1);
    expect(res.outcome.fallbacks[0]!.code).toBe('UNAUTHORIZED');
    expect(r.health.lastError('groq')).not.toContain(TEST_KEYS.groq);
    expect(r.health.lastError('groq')).toContain('[redacted]');
  });

  it('falls back when the first token is too slow', async () => {
    const r = await open({ router: { localFirstEventMs: 150 } });
    r.steps('ollama').push({ text: 'late', firstDelayMs: 1_000 });
    const res = await run(r, tag());
    expect(res.outcome.provider).not.toBe('ollama');
    expect(res.outcome.fallbacks[0]).toMatchObject({ provider: 'ollama', code: 'TIMEOUT' });
  });

  it('falls back mid-stream when nothing reached the caller yet (tool call cut off)', async () => {
    const r = await open({ ollamaModels: null, router: { retries: 0 } });
    const tools = [{ name: 'search', description: 's', parameters: { type: 'object' } }];
    r.steps('groq').push({
      toolCalls: [{ name: 'search', arguments: '{"text":"pad"}', pieces: 5 }],
      cutAfter: 4,
    });
    const res = await run(r, tag({ tools }));
    expect(res.routes.length).toBe(2);
    expect(res.routes[0]).toBe('groq');
    // Nothing of the cut-off call reached the caller.
    expect(res.events.filter((e) => e.type === 'tool_call')).toHaveLength(0);
    expect(res.outcome.fallbacks[0]!.provider).toBe('groq');
  });

  it('falls back when an Anthropic stream stalls after message_start', async () => {
    const r = await open({ ollamaModels: null, router: { firstEventMs: 200, retries: 0 } });
    r.steps('anthropic').push({ text: 'never arrives', stallAfter: 2 });
    const res = await run(r, chat({ prefer: { provider: 'anthropic' } }));
    expect(res.routes[0]).toBe('anthropic');
    expect(res.outcome.provider).not.toBe('anthropic');
    expect(res.text).not.toContain('never');
  });

  it('fails (PROVIDER_ERROR, partial) when a stream stalls after output reached the caller', async () => {
    const r = await open({ router: { idleMs: 150 } });
    r.steps('ollama').push({ text: 'one two three four', stallAfter: 2 });
    const seen: string[] = [];
    let error: unknown = null;
    try {
      for await (const ev of r.router.stream(tag())) if (ev.type === 'text') seen.push(ev.text);
    } catch (e) {
      error = e;
    }
    expect(seen.join('')).toBe('one two ');
    expect(error).toMatchObject({
      code: 'PROVIDER_ERROR',
      details: { partial: true, kind: 'stalled' },
    });
    expect(rows(r).at(-1)).toMatchObject({ outcome: 'failed', error_code: 'TIMEOUT' });
  });

  it('gives up with PROVIDER_ERROR when every candidate fails, listing them', async () => {
    const r = await open({ ollamaModels: null, keys: ['groq', 'deepseek'] });
    for (const id of ['groq', 'deepseek'] as const)
      r.steps(id).push({ status: 500 }, { status: 500 }, { status: 500 });
    const e = await failure(r, tag());
    expect(e.code).toBe('PROVIDER_ERROR');
    expect(e.message).toContain('groq');
    expect(e.message).toContain('deepseek');
    expect(rows(r).every((x) => x.outcome === 'failed')).toBe(true);
  });

  it('stops on cancel and books the call as cancelled', async () => {
    const r = await open();
    r.steps('ollama').push({ text: 'a b c d e f g h', gapMs: 100 });
    const controller = new AbortController();
    let error: unknown = null;
    try {
      for await (const ev of r.router.stream(tag(), controller.signal))
        if (ev.type === 'text') controller.abort();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(rows(r).at(-1)!.outcome).toBe('cancelled');
    expect(r.calls('groq')).toBe(0);
  });

  it('books a stream the caller stopped reading as cancelled', async () => {
    const r = await open();
    r.steps('ollama').push({ text: 'a b c d e f', gapMs: 20 });
    for await (const ev of r.router.stream(tag())) if (ev.type === 'text') break;
    expect(rows(r).at(-1)).toMatchObject({ outcome: 'cancelled', provider: 'ollama' });
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, probes once after the cooldown, closes on success', async () => {
    let now = Date.now();
    const r = await open({
      ollamaModels: null,
      keys: ['groq', 'deepseek'],
      now: () => now,
      router: { retries: 0 },
    });
    for (let i = 0; i < 3; i++) {
      r.steps('groq').push({ status: 500 });
      await run(r, tag());
    }
    expect(r.health.breaker('groq')).toBe('open');
    const before = r.calls('groq');
    await run(r, tag());
    expect(r.calls('groq')).toBe(before);
    now += 31_000;
    expect(r.health.breaker('groq')).toBe('half-open');
    r.steps('groq').push({ status: 500 });
    const probe = await run(r, tag());
    expect(probe.outcome.fallbacks[0]!.provider).toBe('groq');
    expect(r.health.breaker('groq')).toBe('open');
    now += 31_000;
    // The cooldown doubled after a failed probe.
    expect(r.health.breaker('groq')).toBe('open');
    now += 31_000;
    expect(r.health.breaker('groq')).toBe('half-open');
    const ok = await run(r, tag());
    expect(ok.outcome.provider).toBe('groq');
    expect(r.health.breaker('groq')).toBe('closed');
  });
});

describe('budgets', () => {
  it('routes around a provider whose cap would be exceeded, then refuses with BUDGET_EXCEEDED', async () => {
    const r = await open({ ollamaModels: null, keys: ['groq', 'deepseek'] });
    r.budgets.set('groq', 'day', 0);
    const res = await run(r, tag());
    expect(res.outcome.provider).toBe('deepseek');
    r.budgets.set('total', 'month', 0);
    const e = await failure(r, tag());
    expect(e.code).toBe('BUDGET_EXCEEDED');
    expect(r.calls('deepseek')).toBe(1);
  });

  it('a total cap still lets the free local model answer', async () => {
    const r = await open();
    r.budgets.set('total', 'day', 0);
    const res = await run(r, chat({ needs: { quality: 'premium' } }));
    expect(res.outcome).toMatchObject({ provider: 'ollama', costUsd: 0 });
  });

  it('never overspends: concurrent calls reserve their worst case', async () => {
    const r = await open({ ollamaModels: null, keys: ['deepseek'] });
    const request = tag({ maxOutputTokens: 1000 });
    const plan = await r.router.plan(request);
    const worst = plan.candidates[0]!.worstCaseUsd;
    expect(worst).toBeGreaterThan(0);
    // Room for exactly three worst-case calls.
    r.budgets.set('deepseek', 'day', worst * 3.5);
    r.steps('deepseek').setDefault(() => ({ text: 'slow answer', gapMs: 30 }));
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => run(r, request)));
    const ok = results.filter((x) => x.status === 'fulfilled');
    expect(ok).toHaveLength(3);
    for (const x of results) {
      if (x.status === 'rejected') expect((x.reason as AppError).code).toBe('BUDGET_EXCEEDED');
    }
    const spent = r.ledger.spentSince('deepseek', 0);
    expect(spent).toBeLessThanOrEqual(worst * 3.5);
    expect(spent).toBeGreaterThan(0);
  });

  it('reports budget status with spend', async () => {
    const r = await open({ ollamaModels: null, keys: ['groq'] });
    r.budgets.set('groq', 'month', 5);
    r.budgets.set('total', 'day', 1);
    await run(r, tag());
    const status = r.budgets.status();
    expect(status).toHaveLength(2);
    const g = status.find((s) => s.scope === 'groq')!;
    expect(g.spentUsd).toBeGreaterThan(0);
    expect(g.remainingUsd).toBeCloseTo(5 - g.spentUsd, 12);
    r.budgets.set('groq', 'month', null);
    expect(r.budgets.status()).toHaveLength(1);
  });
});

describe('embeddings', () => {
  it('embeds locally first, then on the cheapest cloud model, and books each call', async () => {
    const r = await open();
    const local = await r.router.embed({ texts: ['kick', 'snare'] });
    expect(local).toMatchObject({
      provider: 'ollama',
      model: 'nomic-embed-text',
      costUsd: 0,
      fallbacks: [],
    });
    expect(local.vectors).toHaveLength(2);
    r.ollamaHost = null;
    r.registry.invalidateModels();
    const cloud = await r.router.embed({ texts: ['kick'] });
    expect(cloud).toMatchObject({ provider: 'openai', model: 'text-embedding-3-small' });
    expect(cloud.costUsd).toBeGreaterThan(0);
    const booked = rows(r).filter((x) => x.task === 'embed');
    expect(booked.map((x) => x.provider)).toEqual(['ollama', 'openai']);
  });

  it('falls back on failure, honours local-only and budgets', async () => {
    const r = await open({ ollamaModels: null });
    r.fakes.openai.server.setResponder(() => ({
      type: 'json',
      status: 500,
      body: { error: { message: 'down' } },
    }));
    const res = await r.router.embed({ texts: ['pad'] });
    expect(res.provider).toBe('gemini');
    expect(res.fallbacks[0]).toMatchObject({ provider: 'openai', code: 'PROVIDER_ERROR' });
    r.budgets.set('total', 'day', 0);
    await expect(r.router.embed({ texts: ['pad'] })).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
    });
    r.settings.update({ localOnly: true });
    await expect(r.router.embed({ texts: ['pad'] })).rejects.toMatchObject({ code: 'NO_PROVIDER' });
  });
});
