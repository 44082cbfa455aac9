/**
 * The AI domain assembled: settings, keys, price table, Ollama supervisor, provider
 * registry, health, budgets, ledger and the router. `router` is what callers use (the
 * chat engine, tagging); it finds or starts Ollama on first use. Everything the
 * settings view needs is here too — without ever returning a key.
 */
import { join } from 'node:path';
import type {
  AiBudgetStatus,
  AiEvents,
  AiProviderInfo,
  AiRouteChoice,
  AiStatus,
  AiUsage,
  OllamaStatus,
} from '../../shared/contract/ai';
import { AppError } from '../../shared/result';
import {
  AI_PROVIDER_IDS,
  AI_TASKS,
  type AiCloudProviderId,
  type AiSettings,
  type AiSettingsPatch,
  type AiTask,
} from '../../shared/schemas/ai';
import type { Db } from '../library/db';
import { Budgets, type BudgetScope } from './budgets';
import { loadCatalog, type Catalog } from './catalog';
import { HealthBook, type HealthOptions } from './healthBook';
import type { KeyStore } from './keys';
import { Ledger } from './ledger';
import { OllamaSupervisor, type SupervisorOptions } from './ollama/supervisor';
import { ProviderRegistry, isLoopbackHost } from './providerRegistry';
import { redactSecrets } from './redact';
import { Router, type RouterOptions } from './router';
import type { AiRouter, RouterEvent } from './routerTypes';
import { AiSettingsStore } from './settingsStore';
import type { AiProviderId, RouteRequest } from './types';
import { usageReport } from './usageReport';

/**
 * The local chat model pulled by default: the smallest in the price table rated
 * 'standard' with tool calls, so that chat (which asks for 'standard') stays local
 * first even when cloud keys are present.
 */
export const DEFAULT_OLLAMA_CHAT_MODEL = 'qwen3:8b';
export const DEFAULT_OLLAMA_EMBED_MODEL = 'nomic-embed-text';

export interface AiServiceOptions {
  db: Db;
  dataDir: string;
  keys: KeyStore;
  /** Packaged resources (resources/ollama/<platform>/ollama). */
  resourcesDir?: string | null;
  emit?: <E extends keyof AiEvents>(event: E, payload: AiEvents[E]) => void;
  catalog?: Catalog;
  /** Endpoints other than the price table's (tests). */
  baseURLs?: Partial<Record<AiProviderId, string>>;
  /** Supervisor overrides (tests: defaultHost, env, timings). */
  ollama?: Partial<SupervisorOptions>;
  /** Never start an Ollama (the CLI only reuses a running one). */
  reuseOllamaOnly?: boolean;
  router?: Partial<RouterOptions>;
  health?: HealthOptions;
  log?: (message: string) => void;
}

/** A typical request of each task, for "what would be chosen" in the status. */
const TYPICAL: Record<Exclude<AiTask, 'embed'>, RouteRequest> = {
  chat: {
    task: 'chat',
    messages: [{ role: 'user', content: 'x'.repeat(6_000) }],
    tools: [{ name: 'search_samples', description: 'search', parameters: { type: 'object' } }],
  },
  tag: { task: 'tag', json: true, messages: [{ role: 'user', content: 'x'.repeat(1_200) }] },
  describe: { task: 'describe', messages: [{ role: 'user', content: 'x'.repeat(1_600) }] },
};

export class AiService {
  readonly catalog: Catalog;
  readonly settings: AiSettingsStore;
  readonly ledger: Ledger;
  readonly budgets: Budgets;
  readonly health: HealthBook;
  readonly registry: ProviderRegistry;
  private currentSupervisor: OllamaSupervisor;
  private readonly inner: Router;
  private started: Promise<void> | null = null;

  /** The router callers use; the first call finds or starts Ollama and reads the keys. */
  readonly router: AiRouter & { plan: Router['plan']; embed: Router['embed'] };

  constructor(private readonly o: AiServiceOptions) {
    this.catalog = o.catalog ?? loadCatalog(join(o.dataDir, 'ai-models.json'));
    this.settings = new AiSettingsStore(o.db);
    this.ledger = new Ledger(o.db);
    this.budgets = new Budgets(o.db, this.ledger);
    this.health = new HealthBook(o.health);
    this.currentSupervisor = this.createSupervisor(this.settings.get());
    this.registry = new ProviderRegistry({
      catalog: this.catalog,
      keys: o.keys,
      settings: () => this.settings.get(),
      health: this.health,
      ollamaHost: () => this.supervisor.host(),
      ollamaProblem: () => {
        const s = this.supervisor.status();
        return s.state === 'unavailable' ? s.lastError : null;
      },
      baseURLs: o.baseURLs,
    });
    this.inner = new Router({
      catalog: this.catalog,
      providers: this.registry,
      settings: () => this.settings.get(),
      ledger: this.ledger,
      budgets: this.budgets,
      health: this.health,
      ...o.router,
    });
    this.router = {
      stream: (request, signal) => this.lazyStream(request, signal),
      plan: async (request) => {
        await this.start();
        return this.inner.plan(request);
      },
      embed: async (request, signal) => {
        await this.start();
        return this.inner.embed(request, signal);
      },
    };
  }

  /** The Ollama supervisor in use (replaced when the Ollama settings change). */
  get supervisor(): OllamaSupervisor {
    return this.currentSupervisor;
  }

  private async *lazyStream(
    request: RouteRequest,
    signal?: AbortSignal,
  ): AsyncGenerator<RouterEvent> {
    await this.start();
    yield* this.inner.stream(request, signal);
  }

  private createSupervisor(settings: AiSettings): OllamaSupervisor {
    return new OllamaSupervisor({
      dataDir: this.o.dataDir,
      resourcesDir: this.o.resourcesDir,
      host: settings.ollama.host,
      manage: this.o.reuseOllamaOnly ? false : settings.ollama.manage,
      autoPull: this.o.reuseOllamaOnly ? false : settings.ollama.autoPull,
      chatModel: settings.providers.ollama.chatModel ?? DEFAULT_OLLAMA_CHAT_MODEL,
      embedModel: settings.providers.ollama.embedModel ?? DEFAULT_OLLAMA_EMBED_MODEL,
      onStatus: (s) => this.o.emit?.('ai.ollama.status', s),
      onProgress: (p) => this.o.emit?.('ai.ollama.progress', p),
      log: this.o.log,
      ...this.o.ollama,
    });
  }

  /** Reads the keys and finds (or starts) Ollama; once. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.registry.reloadKeys();
      if (this.settings.get().providers.ollama.enabled) await this.supervisor.start();
    })();
    return this.started;
  }

  private async providerInfo(id: AiProviderId, settings: AiSettings): Promise<AiProviderInfo> {
    const local = id === 'ollama';
    const ollama = local ? this.supervisor.status() : null;
    const configured = local
      ? this.supervisor.host() !== null
      : this.registry.hasKey(id as AiCloudProviderId);
    const models = local ? (ollama?.models ?? []) : this.catalog.modelIds(id);
    return {
      id,
      label: this.catalog.label(id),
      local: local && ollama?.host !== null && isLoopbackHost(ollama?.host ?? ''),
      enabled: settings.providers[id].enabled,
      configured,
      hasKey: local ? false : configured,
      healthy: this.health.healthy(id),
      breaker: this.health.breaker(id),
      rateLimitedUntil: this.health.rateLimitedUntil(id),
      latencyMs: this.health.latencyMs(id),
      models,
      chatModel: settings.providers[id].chatModel,
      embedModel: settings.providers[id].embedModel,
      lastError: this.health.lastError(id) ?? (local ? (ollama?.lastError ?? null) : null),
    };
  }

  /** Checks each configured cloud provider (lists its models) and records the result. */
  async checkHealth(): Promise<void> {
    await Promise.all(
      AI_PROVIDER_IDS.map(async (id) => {
        const provider = this.registry.get(id);
        if (!provider) return;
        if (id === 'ollama') {
          await this.registry.ollamaInstalled(true);
          return;
        }
        try {
          await provider.health(AbortSignal.timeout(5_000));
          this.health.setHealthy(id, true);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.health.setHealthy(id, false, redactSecrets(message, this.registry.secrets()));
        }
      }),
    );
  }

  async status(refresh = false): Promise<AiStatus> {
    await this.start();
    if (refresh) {
      // Another process (the CLI's `ai key set`, the desktop app) may have changed the key store.
      await this.registry.reloadKeys();
      await this.checkHealth();
    }
    const settings = this.settings.get();
    const providers = await Promise.all(
      AI_PROVIDER_IDS.map((id) => this.providerInfo(id, settings)),
    );
    const chosen = {} as Record<AiTask, AiRouteChoice | null>;
    for (const task of AI_TASKS) {
      if (task === 'embed') {
        chosen.embed = this.embeddingChoice(settings, providers);
        continue;
      }
      const plan = await this.inner.plan(TYPICAL[task]);
      const c = plan.candidates[0];
      chosen[task] = c
        ? {
            provider: c.provider,
            model: c.model.id,
            degraded: c.degraded,
            estimatedCostUsd: c.estimatedCostUsd,
          }
        : null;
    }
    return {
      localOnly: settings.localOnly,
      keyStorage: this.o.keys.info(),
      providers,
      chosen,
      pricesAsOf: this.catalog.pricesAsOf,
      endpointChanges: this.catalog.endpointChanges(),
      settings,
      ollama: this.supervisor.status(),
    };
  }

  private embeddingChoice(settings: AiSettings, providers: AiProviderInfo[]): AiRouteChoice | null {
    for (const p of providers) {
      if (!p.enabled || !p.configured || (settings.localOnly && p.id !== 'ollama')) continue;
      const models =
        p.id === 'ollama'
          ? this.catalog
              .embeddingModels('ollama')
              .filter((m) => p.models.some((x) => x.split(':')[0] === m.id))
          : this.catalog.embeddingModels(p.id);
      const pinned = settings.providers[p.id].embedModel;
      const m =
        models.find((x) => x.id === pinned) ??
        [...models].sort((a, b) => a.inputPerM - b.inputPerM)[0];
      if (m)
        return {
          provider: p.id,
          model: m.id,
          degraded: false,
          estimatedCostUsd: (m.inputPerM * 200) / 1e6,
        };
    }
    return null;
  }

  usage(month?: string): AiUsage {
    return usageReport(
      { ledger: this.ledger, budgets: this.budgets, catalog: this.catalog },
      { month },
    );
  }

  /** Saves settings; a change to Ollama's (host, management, models, on/off) restarts the supervisor. */
  async setSettings(patch: AiSettingsPatch): Promise<AiSettings> {
    const ollamaPart = (s: AiSettings) => JSON.stringify([s.ollama, s.providers.ollama]);
    const before = ollamaPart(this.settings.get());
    const next = this.settings.update(patch);
    if (ollamaPart(next) !== before) {
      await this.currentSupervisor.stop();
      this.currentSupervisor = this.createSupervisor(next);
      this.registry.invalidateModels();
      this.started = null;
    }
    return next;
  }

  setBudget(
    scope: BudgetScope,
    period: 'day' | 'month',
    limitUsd: number | null,
  ): AiBudgetStatus[] {
    this.budgets.set(scope, period, limitUsd);
    return this.budgets.status();
  }

  async setKey(
    provider: AiCloudProviderId,
    key: string | null,
  ): Promise<{ provider: AiCloudProviderId; configured: boolean }> {
    if (!this.o.keys.info().writable) {
      throw new AppError('UNSUPPORTED', `keys cannot be changed here (${this.o.keys.info().kind})`);
    }
    if (key === null) await this.o.keys.delete(provider);
    else await this.o.keys.set(provider, key);
    await this.registry.reloadKeys();
    return { provider, configured: this.registry.hasKey(provider) };
  }

  async pullModel(model?: string): Promise<OllamaStatus> {
    await this.start();
    const status = await this.supervisor.pull(
      model ?? this.settings.get().providers.ollama.chatModel ?? DEFAULT_OLLAMA_CHAT_MODEL,
    );
    this.registry.invalidateModels();
    return status;
  }

  /** Stops an Ollama we started. */
  async close(): Promise<void> {
    await this.supervisor.stop();
  }
}
