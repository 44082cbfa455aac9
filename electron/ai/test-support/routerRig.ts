/**
 * A whole router wired to protocol fakes on 127.0.0.1: one fake per provider (OpenAI,
 * Groq, DeepSeek and Gemini speaking OpenAI-style SSE, Anthropic events, Ollama NDJSON),
 * keys in memory, a real SQLite ledger. Used by the router tests and the benchmark.
 */
import { openDatabase, type Db } from '../../library/db';
import type { AiCloudProviderId, AiSettingsPatch } from '../../../shared/schemas/ai';
import { Budgets } from '../budgets';
import { loadCatalog, type Catalog } from '../catalog';
import { HealthBook, type HealthOptions } from '../healthBook';
import type { KeyStore } from '../keys';
import { memoryKeyStore } from './memoryKeyStore';
import { Ledger } from '../ledger';
import { ProviderRegistry } from '../providerRegistry';
import { Router, type RouterOptions } from '../router';
import { AiSettingsStore } from '../settingsStore';
import type { AiProviderId } from '../types';
import type { StepQueue } from './chatScript';
import { startFakeAnthropic, type FakeAnthropic } from './fakeAnthropic';
import { startFakeOllama, type FakeOllama } from './fakeOllama';
import { startFakeOpenAi, type FakeOpenAi } from './fakeOpenAi';

export interface Rig {
  db: Db;
  catalog: Catalog;
  keys: KeyStore;
  settings: AiSettingsStore;
  health: HealthBook;
  ledger: Ledger;
  budgets: Budgets;
  registry: ProviderRegistry;
  router: Router;
  fakes: {
    ollama: FakeOllama;
    openai: FakeOpenAi;
    groq: FakeOpenAi;
    deepseek: FakeOpenAi;
    gemini: FakeOpenAi;
    anthropic: FakeAnthropic;
  };
  steps(id: AiProviderId): StepQueue;
  /** Chat requests each fake received. */
  calls(id: AiProviderId): number;
  ollamaHost: string | null;
  close(): Promise<void>;
}

export const TEST_KEYS: Record<AiCloudProviderId, string> = {
  groq: 'gsk_testkeyGROQ0123456789abcdef',
  deepseek: 'sk-deepseektest0123456789abcdef',
  gemini: 'AIzaTestGeminiKey0123456789abcdefghijkl',
  openai: 'sk-proj-openaitest0123456789abcdef',
  anthropic: 'sk-ant-anthropictest0123456789',
};

export interface RigOptions {
  /** Cloud providers that get a key (default all). */
  keys?: AiCloudProviderId[];
  ollamaModels?: string[] | null;
  settings?: AiSettingsPatch;
  router?: Partial<RouterOptions>;
  health?: HealthOptions;
  now?: () => number;
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const [ollama, openai, groq, deepseek, gemini, anthropic] = await Promise.all([
    startFakeOllama({
      models: options.ollamaModels ?? ['llama3.2:3b', 'qwen3:8b', 'nomic-embed-text:latest'],
    }),
    startFakeOpenAi({ models: ['gpt-4o-mini', 'gpt-4o'] }),
    startFakeOpenAi({ flavor: 'groq', models: ['llama-3.1-8b-instant'] }),
    startFakeOpenAi({ models: ['deepseek-chat'] }),
    startFakeOpenAi({ models: ['models/gemini-2.5-flash'] }),
    startFakeAnthropic(),
  ]);
  const fakes = { ollama, openai, groq, deepseek, gemini, anthropic };
  const db = openDatabase(':memory:');
  const catalog = loadCatalog();
  const wanted = options.keys ?? (Object.keys(TEST_KEYS) as AiCloudProviderId[]);
  const keys = memoryKeyStore(Object.fromEntries(wanted.map((id) => [id, TEST_KEYS[id]])));
  const settings = new AiSettingsStore(db);
  if (options.settings) settings.update(options.settings);
  const now = options.now ?? Date.now;
  const health = new HealthBook({ now, ...options.health });
  const ledger = new Ledger(db);
  const budgets = new Budgets(db, ledger, now);
  const rig = { ollamaHost: options.ollamaModels === null ? null : ollama.url } as Rig;
  const registry = new ProviderRegistry({
    catalog,
    keys,
    settings: () => settings.get(),
    health,
    ollamaHost: () => rig.ollamaHost,
    baseURLs: {
      openai: `${openai.url}/v1`,
      groq: groq.url,
      deepseek: deepseek.url,
      gemini: `${gemini.url}/v1beta/openai/`,
      anthropic: anthropic.url,
    },
    now,
  });
  await registry.reloadKeys();
  const router = new Router({
    catalog,
    providers: registry,
    settings: () => settings.get(),
    ledger,
    budgets,
    health,
    firstEventMs: 2_000,
    localFirstEventMs: 2_000,
    idleMs: 1_000,
    backoffMs: 5,
    now,
    ...options.router,
  });
  const chatPath: Record<AiProviderId, (p: string) => boolean> = {
    ollama: (p) => p === '/api/chat',
    anthropic: (p) => p === '/v1/messages',
    openai: (p) => p.endsWith('/chat/completions'),
    groq: (p) => p.endsWith('/chat/completions'),
    deepseek: (p) => p.endsWith('/chat/completions'),
    gemini: (p) => p.endsWith('/chat/completions'),
  };
  return Object.assign(rig, {
    db,
    catalog,
    keys,
    settings,
    health,
    ledger,
    budgets,
    registry,
    router,
    fakes,
    steps: (id: AiProviderId) => fakes[id].steps,
    calls: (id: AiProviderId) =>
      fakes[id].server.requests.filter((r) => chatPath[id](r.path)).length,
    async close() {
      db.close();
      await Promise.all(Object.values(fakes).map((f) => f.close()));
    },
  });
}
