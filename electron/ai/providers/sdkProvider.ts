/**
 * What the providers built on a vendor SDK (Anthropic, Groq, OpenAI and the
 * OpenAI-compatible ones) share: the client settings (retries off: the router retries),
 * the streamed call with its failures classified, and listModels/health.
 */
import { chatFailure, classifyError } from '../errors';
import type { AiProviderId, Provider, ProviderEvent, ProviderHealth } from '../types';

export interface SdkProviderOptions {
  apiKey: string;
  baseURL: string;
  /** Limit for calls that are not streams (list, health, embeddings). Default 30 s. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** The settings every SDK client is made with (retries off: the router retries). */
export interface SdkClientSettings {
  apiKey: string;
  baseURL: string;
  maxRetries: 0;
  timeout: number;
  logLevel: 'off';
  fetch?: typeof fetch;
}

/**
 * The provider's SDK client, made on first use: the SDK module (`load`, a dynamic import)
 * loads then, not when the CLI, the server or the app starts (the SDKs were about half of
 * the CLI's start-up CPU). `extra` adds vendor-specific settings.
 */
export function lazySdkClient<C, X extends object = object>(
  load: () => Promise<{ default: new (settings: SdkClientSettings & X) => C }>,
  options: SdkProviderOptions,
  extra?: X,
): () => Promise<C> {
  let made: Promise<C> | null = null;
  return () =>
    (made ??= load().then(
      ({ default: Sdk }) =>
        new Sdk({
          apiKey: options.apiKey,
          baseURL: options.baseURL,
          maxRetries: 0,
          timeout: options.requestTimeoutMs ?? 30_000,
          logLevel: 'off',
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(extra as X),
        }),
    ));
}

/**
 * A streamed chat: opens the stream and reads it, any failure (opening or mid-stream)
 * turned into a ProviderError. `open` gets the per-call options: streams are limited by
 * the router's first-token / idle guard, so the SDK's own timeout is lifted for them.
 */
export async function* streamChat<S>(
  id: AiProviderId,
  signal: AbortSignal,
  open: (callOptions: { signal: AbortSignal; timeout: number }) => Promise<S>,
  read: (stream: S) => AsyncIterable<ProviderEvent>,
): AsyncGenerator<ProviderEvent> {
  try {
    yield* read(await open({ signal, timeout: 24 * 3600_000 }));
  } catch (error) {
    throw chatFailure(id, signal, error);
  }
}

/** A Provider from its chat and its model listing (errors classified; health = a listing). */
export function sdkProvider(
  id: AiProviderId,
  chat: Provider['chat'],
  listModels: (signal?: AbortSignal) => Promise<string[]>,
): Provider {
  const provider: Provider = {
    id,
    chat,
    async listModels(signal) {
      try {
        return await listModels(signal);
      } catch (error) {
        throw classifyError(id, error);
      }
    },
    async health(signal): Promise<ProviderHealth> {
      const started = performance.now();
      const models = await provider.listModels(signal);
      return { latencyMs: performance.now() - started, models, version: null };
    },
  };
  return provider;
}
