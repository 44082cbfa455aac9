import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../library/db';
import { createTestApp } from '../app/test-support/testApp';
import { AiService } from './aiService';
import { aiServiceFor, createAiHandlers, existingAiService } from './handlers';
import { memoryKeyStore } from './test-support/memoryKeyStore';
import { freeLoopbackPort } from './ollama/freePort';
import { startFakeAnthropic, type FakeAnthropic } from './test-support/fakeAnthropic';
import { startFakeOllama, type FakeOllama } from './test-support/fakeOllama';
import { startFakeOpenAi, type FakeOpenAi } from './test-support/fakeOpenAi';
import { TEST_KEYS } from './test-support/routerRig';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Setup {
  service: AiService;
  ollama: FakeOllama;
  groq: FakeOpenAi;
  anthropic: FakeAnthropic;
  events: Array<{ event: string; payload: unknown }>;
}

async function setup(
  options: { ollama?: boolean; keys?: Record<string, string> } = {},
): Promise<Setup> {
  const [ollama, groq, anthropic] = await Promise.all([
    startFakeOllama({ models: ['llama3.2:3b', 'qwen3:8b', 'nomic-embed-text:latest'] }),
    startFakeOpenAi({ flavor: 'groq' }),
    startFakeAnthropic(),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'sm-ai-'));
  const db = openDatabase(':memory:');
  const events: Setup['events'] = [];
  const service = new AiService({
    db,
    dataDir,
    keys: memoryKeyStore(options.keys ?? { groq: TEST_KEYS.groq, anthropic: TEST_KEYS.anthropic }),
    baseURLs: { groq: groq.url, anthropic: anthropic.url },
    ollama: {
      defaultHost:
        options.ollama === false ? `http://127.0.0.1:${await freeLoopbackPort()}` : ollama.url,
      manage: false,
      autoPull: false,
    },
    emit: (event, payload) => events.push({ event, payload }),
  });
  cleanups.push(async () => {
    await service.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
    await Promise.all([ollama.close(), groq.close(), anthropic.close()]);
  });
  return { service, ollama, groq, anthropic, events };
}

async function drain(service: AiService, request: Parameters<AiService['router']['stream']>[0]) {
  let outcome: unknown = null;
  for await (const ev of service.router.stream(request))
    if (ev.type === 'done') outcome = ev.outcome;
  return outcome as { provider: string; costUsd: number };
}

describe('AiService', () => {
  it('status shows what is configured, healthy and chosen, and never a key', async () => {
    const { service, events } = await setup();
    const status = await service.status(true);
    const json = JSON.stringify(status);
    for (const key of Object.values(TEST_KEYS)) expect(json).not.toContain(key);
    const byId = Object.fromEntries(status.providers.map((p) => [p.id, p]));
    expect(byId.ollama).toMatchObject({
      configured: true,
      local: true,
      healthy: true,
      hasKey: false,
    });
    expect(byId.groq).toMatchObject({ configured: true, hasKey: true, healthy: true });
    expect(byId.anthropic).toMatchObject({ configured: true, healthy: true });
    expect(byId.openai).toMatchObject({ configured: false, hasKey: false, healthy: null });
    expect(status.chosen.tag).toMatchObject({
      provider: 'ollama',
      model: 'llama3.2:3b',
      degraded: false,
    });
    expect(status.chosen.chat?.provider).toBe('ollama');
    expect(status.chosen.embed).toMatchObject({ provider: 'ollama', model: 'nomic-embed-text' });
    expect(status.ollama).toMatchObject({ state: 'external', managed: false });
    expect(status.keyStorage.kind).toBe('memory');
    expect(events.some((e) => e.event === 'ai.ollama.status')).toBe(true);
  });

  it('marks a provider unhealthy when its health check fails, without leaking the key', async () => {
    const { service, groq } = await setup();
    groq.server.setResponder(() => ({
      type: 'json',
      status: 401,
      body: { error: { message: `bad key ${TEST_KEYS.groq}` } },
    }));
    const status = await service.status(true);
    const g = status.providers.find((p) => p.id === 'groq')!;
    expect(g.healthy).toBe(false);
    expect(g.lastError).not.toContain(TEST_KEYS.groq);
    // An unhealthy provider is not routed to.
    const plan = await service.router.plan({
      task: 'tag',
      messages: [{ role: 'user', content: 'x' }],
      needs: { localOnly: false, quality: 'premium', strictQuality: true },
    });
    expect(plan.candidates.map((c) => c.provider)).not.toContain('groq');
  });

  it('local-only switch keeps every task on Ollama', async () => {
    const { service, groq, anthropic } = await setup();
    await service.setSettings({ localOnly: true });
    const status = await service.status();
    expect(status.localOnly).toBe(true);
    expect(status.chosen.chat?.provider).toBe('ollama');
    const out = await drain(service, {
      task: 'chat',
      messages: [{ role: 'user', content: 'hi' }],
      needs: { quality: 'frontier' },
    });
    expect(out.provider).toBe('ollama');
    expect(groq.server.requests.length + anthropic.server.requests.length).toBe(0);
  });

  it('switches to another Ollama when its host setting changes', async () => {
    const { service } = await setup();
    const other = await startFakeOllama({ models: ['gpt-oss:20b'] });
    cleanups.push(() => other.close());
    const first = service.supervisor;
    expect((await service.status()).ollama.models).toContain('qwen3:8b');
    await service.setSettings({ ollama: { host: other.url } });
    expect(service.supervisor).not.toBe(first);
    const status = await service.status();
    expect(status.ollama).toMatchObject({
      state: 'external',
      host: other.url,
      models: ['gpt-oss:20b'],
    });
    expect(status.chosen.chat).toMatchObject({ provider: 'ollama', model: 'gpt-oss:20b' });
  });

  it('a refusal says Ollama is not installed when no binary is found, as Settings does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sm-ai-'));
    const db = openDatabase(':memory:');
    const service = new AiService({
      db,
      dataDir,
      keys: memoryKeyStore({}),
      ollama: {
        defaultHost: `http://127.0.0.1:${await freeLoopbackPort()}`,
        resourcesDir: dataDir,
        env: { PATH: dataDir },
        autoPull: false,
      },
    });
    cleanups.push(async () => {
      await service.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const status = await service.status();
    expect(status.ollama.lastError).toMatch(/Ollama is not installed/);
    const error = await drain(service, {
      task: 'chat',
      messages: [{ role: 'user', content: 'hi' }],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NO_PROVIDER' });
    expect((error as Error).message).toContain('ollama: Ollama is not installed');
    expect((error as Error).message).not.toContain('Ollama is not running');
  });

  it('sets and removes keys through the key store', async () => {
    const { service } = await setup({ ollama: false, keys: {} });
    expect((await service.status()).chosen.tag).toBeNull();
    expect(await service.setKey('groq', TEST_KEYS.groq)).toEqual({
      provider: 'groq',
      configured: true,
    });
    expect((await service.status()).chosen.tag?.provider).toBe('groq');
    expect(await service.setKey('groq', null)).toEqual({ provider: 'groq', configured: false });
    expect((await service.status()).chosen.tag).toBeNull();
  });

  it('usage: spend per provider and savings against the all-premium baseline', async () => {
    const { service, ollama, anthropic } = await setup();
    ollama.steps.push({ text: 'a', usage: { input: 1000, output: 200 } });
    anthropic.steps.push({ text: 'b', usage: { input: 1000, output: 200 } });
    await drain(service, { task: 'tag', messages: [{ role: 'user', content: 'x' }] });
    await drain(service, {
      task: 'chat',
      messages: [{ role: 'user', content: 'y' }],
      prefer: { provider: 'anthropic' },
    });
    service.setBudget('total', 'month', 10);
    const u = service.usage();
    expect(u.monthToDate.calls).toBe(2);
    const claude = u.monthToDate.byProvider.find((p) => p.provider === 'anthropic')!;
    // Claude Haiku: $1 in, $5 out per 1M; baseline gpt-4o: $2.50, $10.
    expect(claude.costUsd).toBeCloseTo((1000 * 1 + 200 * 5) / 1e6, 12);
    expect(u.monthToDate.baselineUsd).toBeCloseTo((2 * (1000 * 2.5 + 200 * 10)) / 1e6, 12);
    expect(u.monthToDate.savingsPct).toBeCloseTo((1 - 0.002 / 0.009) * 100, 1);
    expect(u.today.calls).toBe(2);
    expect(u.daily).toHaveLength(1);
    expect(u.budgets).toEqual([
      {
        scope: 'total',
        period: 'month',
        capUsd: 10,
        spentUsd: claude.costUsd,
        remainingUsd: 10 - claude.costUsd,
      },
    ]);
    expect(u.baseline).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(service.usage('2001-01').monthToDate.calls).toBe(0);
    expect(service.usage('2001-01').monthToDate.savingsPct).toBeNull();
  });

  it('pulls a model on the external Ollama with progress events', async () => {
    const { service, events } = await setup();
    const st = await service.pullModel('gpt-oss:20b');
    expect(st.models).toContain('gpt-oss:20b');
    expect(events.filter((e) => e.event === 'ai.ollama.progress').length).toBeGreaterThan(3);
  });

  it('reads a price table override from the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sm-ai-'));
    writeFileSync(join(dataDir, 'ai-models.json'), '{ not json');
    const db = openDatabase(':memory:');
    cleanups.push(() => {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    expect(() => new AiService({ db, dataDir, keys: memoryKeyStore() })).toThrow(/not valid JSON/);
  });
});

describe('AI handlers in the app', () => {
  it("are registered, validate input, and keep keys in the data folder's key store", async () => {
    const app = createTestApp({ mode: 'cli' });
    cleanups.push(() => app.dispose());
    const bad = await app.dispatch(
      'ai.setBudget',
      { scope: 'total', period: 'week', limitUsd: 1 } as never,
      { origin: 'test' },
    );
    expect(bad.ok).toBe(false);
    const set = await app.dispatch(
      'ai.setBudget',
      { scope: 'groq', period: 'day', limitUsd: 2 },
      { origin: 'test' },
    );
    expect(set).toMatchObject({ ok: true, value: [{ scope: 'groq', period: 'day', capUsd: 2 }] });
    const usage = await app.dispatch('ai.usage', {}, { origin: 'test' });
    expect(usage.ok).toBe(true);
    const key = await app.dispatch(
      'ai.setKey',
      { provider: 'openai', key: 'sk-abcdefghijklmnop' },
      { origin: 'test' },
    );
    expect(key).toMatchObject({ ok: true, value: { provider: 'openai', configured: true } });
    expect(JSON.parse(readFileSync(join(app.dir, 'secrets.json'), 'utf8'))).toMatchObject({
      secrets: { openai: { encoding: 'plain' } },
    });
    const status = await app.dispatch('ai.status', {}, { origin: 'test' });
    expect(status).toMatchObject({ ok: true, value: { keyStorage: { kind: 'file' } } });
    expect(JSON.stringify(status)).not.toContain('sk-abcdefghijklmnop');
    const settings = await app.dispatch(
      'ai.setProviderSettings',
      { localOnly: true, providers: { groq: { enabled: false } } },
      { origin: 'test' },
    );
    expect(settings).toMatchObject({
      ok: true,
      value: { localOnly: true, providers: { groq: { enabled: false } } },
    });
    expect(existingAiService(app.db)).toBeInstanceOf(AiService);
  });

  it('createAiHandlers maps every handler to the service', async () => {
    const db = openDatabase(':memory:');
    const dataDir = mkdtempSync(join(tmpdir(), 'sm-ai-'));
    const s = aiServiceFor({
      db,
      dataDir,
      keys: memoryKeyStore({ groq: 'gsk_from_env_0123456789abcdef' }),
      reuseOllamaOnly: true,
      ollama: { defaultHost: `http://127.0.0.1:${await freeLoopbackPort()}` },
    });
    cleanups.push(async () => {
      await s.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    expect(aiServiceFor({ db, dataDir, keys: memoryKeyStore() })).toBe(s);
    const h = createAiHandlers(() => s);
    const status = await h['ai.status']({}, { origin: 'test' });
    expect(status.keyStorage).toMatchObject({ kind: 'memory', writable: true });
    expect(status.providers.find((p) => p.id === 'groq')?.configured).toBe(true);
    expect(JSON.stringify(status)).not.toContain('gsk_from_env');
    expect(status.ollama.state).toBe('unavailable');
    await expect(
      Promise.resolve(h['ai.ollama.pull']({}, { origin: 'test' })),
    ).rejects.toMatchObject({ code: 'NO_PROVIDER' });
  });
});
