/**
 * Builds the provider clients from the keys, the settings and the Ollama host, and
 * keeps what the router needs to know about each: whether it can be called now, and
 * (Ollama) which models are installed — refreshed at most every `modelsTtlMs`.
 */
import {
  AI_CLOUD_PROVIDER_IDS,
  type AiCloudProviderId,
  type AiSettings,
} from '../../shared/schemas/ai';
import type { Catalog } from './catalog';
import type { HealthBook } from './healthBook';
import type { KeyStore } from './keys';
import type { ProviderView } from './policy';
import { createAnthropicProvider } from './providers/anthropicProvider';
import { createGroqProvider } from './providers/groqProvider';
import { createOllamaProvider } from './providers/ollamaProvider';
import { createOpenAiProvider } from './providers/openaiProvider';
import { redactSecrets } from './redact';
import type { ProviderSource } from './providerSource';
import type { AiProviderId, Provider } from './types';
import { isLoopbackHost } from './loopback';

export { isLoopbackHost };

export interface RegistryOptions {
  catalog: Catalog;
  keys: KeyStore;
  settings: () => AiSettings;
  health: HealthBook;
  /** The Ollama base URL in use now (supervisor or settings); null: none. */
  ollamaHost: () => string | null;
  /** Why Ollama cannot be used now (the supervisor's words, e.g. not installed); null: no better reason. */
  ollamaProblem?: () => string | null;
  /** Endpoints other than the price table's (tests, proxies). */
  baseURLs?: Partial<Record<AiProviderId, string>>;
  /** How long the list of installed Ollama models is trusted (default 30 s). */
  modelsTtlMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export class ProviderRegistry implements ProviderSource {
  private readonly keys = new Map<AiCloudProviderId, string>();
  private readonly clients = new Map<AiProviderId, Provider>();
  private ollama: Provider | null = null;
  private ollamaModels: { host: string; at: number; models: string[] } | null = null;
  private readonly now: () => number;

  constructor(private readonly o: RegistryOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Reads the keys again (after one was set or removed). */
  async reloadKeys(): Promise<void> {
    this.keys.clear();
    this.clients.clear();
    for (const id of AI_CLOUD_PROVIDER_IDS) {
      const key = await this.o.keys.get(id);
      if (key) this.keys.set(id, key);
    }
  }

  hasKey(id: AiCloudProviderId): boolean {
    return this.keys.has(id);
  }

  secrets(): string[] {
    return [...this.keys.values()];
  }

  baseURL(id: AiProviderId): string {
    return this.o.baseURLs?.[id] ?? this.o.catalog.defaultBaseURL(id);
  }

  get(id: AiProviderId): Provider | null {
    if (id === 'ollama') {
      if (this.o.ollamaHost() === null) return null;
      this.ollama ??= createOllamaProvider({
        host: () => this.o.ollamaHost(),
        fetch: this.o.fetch,
      });
      return this.ollama;
    }
    const key = this.keys.get(id);
    if (!key) return null;
    let client = this.clients.get(id);
    if (!client) {
      const common = {
        apiKey: key,
        baseURL: this.baseURL(id),
        ...(this.o.fetch ? { fetch: this.o.fetch } : {}),
      };
      client =
        id === 'groq'
          ? createGroqProvider(common)
          : id === 'anthropic'
            ? createAnthropicProvider(common)
            : createOpenAiProvider({ ...common, id });
      this.clients.set(id, client);
    }
    return client;
  }

  /** Installed Ollama models (cached); null when Ollama cannot be reached. */
  async ollamaInstalled(force = false): Promise<string[] | null> {
    const host = this.o.ollamaHost();
    const provider = this.get('ollama');
    if (host === null || provider === null) return null;
    const cached = this.ollamaModels;
    if (
      !force &&
      cached &&
      cached.host === host &&
      this.now() - cached.at < (this.o.modelsTtlMs ?? 30_000)
    ) {
      return cached.models;
    }
    try {
      const h = await provider.health(AbortSignal.timeout(3_000));
      this.o.health.setHealthy('ollama', true);
      this.ollamaModels = { host, at: this.now(), models: h.models ?? [] };
      return this.ollamaModels.models;
    } catch (error) {
      this.o.health.setHealthy(
        'ollama',
        false,
        redactSecrets(error instanceof Error ? error.message : String(error)),
      );
      this.ollamaModels = null;
      return null;
    }
  }

  /** Forget the installed-model list (after a pull, or when the host changed). */
  invalidateModels(): void {
    this.ollamaModels = null;
  }

  whyMissing(): Partial<Record<AiProviderId, string>> {
    const problem = this.o.ollamaProblem?.() ?? null;
    return problem ? { ollama: problem } : {};
  }

  async views(): Promise<ProviderView[]> {
    const views: ProviderView[] = [];
    const host = this.o.ollamaHost();
    if (host !== null && this.o.settings().providers.ollama.enabled) {
      const installed = await this.ollamaInstalled();
      if (installed !== null) views.push({ id: 'ollama', local: isLoopbackHost(host), installed });
    }
    for (const id of this.keys.keys()) views.push({ id, local: false, installed: null });
    return views;
  }
}
