import type { z } from 'zod';
import type { aiSchemas, AiProviderId, AiSettings, AiTask } from '../schemas/ai';

export type {
  AiTask,
  AiProviderId,
  AiCloudProviderId,
  AiQualityTier,
  AiSettings,
  AiSettingsPatch,
  AiProviderSettings,
} from '../schemas/ai';

/** Circuit-breaker state of a provider: closed = in use, open = cooling down, half-open = probing. */
export type AiBreakerState = 'closed' | 'open' | 'half-open';

/** Where API keys are kept. Keys themselves never cross this boundary. */
export interface AiKeyStorageInfo {
  kind: 'os-keychain' | 'file' | 'env' | 'memory';
  /** Keys can be added or removed from the app (false for environment variables). */
  writable: boolean;
  /** Linux without a keyring: safeStorage fell back to plain text. */
  plainTextFallback: boolean;
  /** A message for the settings view (null when all is well). */
  warning: string | null;
}

export interface AiRouteChoice {
  provider: AiProviderId;
  model: string;
  /** The choice does not meet the task's default quality tier (best available instead). */
  degraded: boolean;
  /** Estimated cost of a typical request of this task, US dollars. */
  estimatedCostUsd: number;
}

export interface AiProviderInfo {
  id: AiProviderId;
  label: string;
  /** Runs on this machine (a loopback Ollama). */
  local: boolean;
  enabled: boolean;
  /** Has what it needs to be used: a key (cloud) or a host (Ollama). */
  configured: boolean;
  hasKey: boolean;
  /** Last health check (null: not checked yet). */
  healthy: boolean | null;
  breaker: AiBreakerState;
  /** Set while the provider asked us to wait (429 Retry-After), epoch ms. */
  rateLimitedUntil: number | null;
  /** Smoothed time to first token, ms (null: no calls yet). */
  latencyMs: number | null;
  /** Models the provider reports (cloud: from the price table; Ollama: installed). */
  models: string[];
  chatModel: string | null;
  embedModel: string | null;
  lastError: string | null;
}

export interface AiProvidersInfo {
  localOnly: boolean;
  keyStorage: AiKeyStorageInfo;
  providers: AiProviderInfo[];
  /** What the router would pick right now for a typical request of each task (null: nothing can serve it). */
  chosen: Record<AiTask, AiRouteChoice | null>;
  /** Date of the price table (YYYY-MM-DD). */
  pricesAsOf: string;
  /**
   * Provider addresses that <data dir>/ai-models.json changed from the built-in table
   * (keys are sent there): Settings shows every one.
   */
  endpointChanges: AiEndpointChange[];
}

export interface AiEndpointChange {
  provider: AiProviderId;
  label: string;
  baseURL: string;
  builtIn: string;
}

export interface AiSpendRow {
  provider: AiProviderId;
  calls: number;
  failedCalls: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

export interface AiBudgetStatus {
  scope: 'total' | AiProviderId;
  period: 'day' | 'month';
  capUsd: number;
  spentUsd: number;
  remainingUsd: number;
}

export interface AiUsage {
  /** YYYY-MM-DD (local time). */
  day: string;
  /** YYYY-MM. */
  month: string;
  today: { costUsd: number; calls: number; byProvider: AiSpendRow[] };
  monthToDate: {
    costUsd: number;
    calls: number;
    byProvider: AiSpendRow[];
    /** What the same successful calls would have cost on the baseline model. */
    baselineUsd: number;
    savingsUsd: number;
    /** 0–100; null with no baseline spend yet. */
    savingsPct: number | null;
  };
  daily: Array<{ day: string; costUsd: number; calls: number }>;
  baseline: { provider: AiProviderId; model: string };
  budgets: AiBudgetStatus[];
  pricesAsOf: string;
}

export type OllamaState =
  'stopped' | 'starting' | 'running' | 'external' | 'restarting' | 'crashed' | 'unavailable';

export interface OllamaStatus {
  state: OllamaState;
  /** Base URL in use (null when none). */
  host: string | null;
  /** Started (and will be stopped) by SampleMind. */
  managed: boolean;
  pid: number | null;
  version: string | null;
  binary: string | null;
  models: string[];
  chatModel: string;
  embedModel: string;
  chatModelInstalled: boolean;
  restarts: number;
  lastError: string | null;
}

export interface OllamaPullProgress {
  model: string;
  status: string;
  completedBytes: number | null;
  totalBytes: number | null;
  /** 0–100 when the size is known. */
  percent: number | null;
  done: boolean;
}

/** Everything the settings view shows. Keys never appear here, only whether one is set. */
export interface AiStatus extends AiProvidersInfo {
  settings: AiSettings;
  ollama: OllamaStatus;
}

type In<K extends keyof typeof aiSchemas> = z.infer<(typeof aiSchemas)[K]>;

export interface AiContract {
  'ai.status': { input: In<'ai.status'>; output: AiStatus };
  'ai.setKey': { input: In<'ai.setKey'>; output: { provider: AiProviderId; configured: boolean } };
  'ai.setProviderSettings': { input: In<'ai.setProviderSettings'>; output: AiSettings };
  'ai.setBudget': { input: In<'ai.setBudget'>; output: AiBudgetStatus[] };
  'ai.usage': { input: In<'ai.usage'>; output: AiUsage };
  'ai.ollama.pull': { input: In<'ai.ollama.pull'>; output: OllamaStatus };
}

export interface AiEvents {
  'ai.ollama.progress': OllamaPullProgress;
  'ai.ollama.status': OllamaStatus;
}
