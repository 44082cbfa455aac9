/** Claude through Anthropic's Messages API (`@anthropic-ai/sdk`, streaming; retries off). */
import Anthropic from '@anthropic-ai/sdk';
import { chatFailure, classifyError } from '../errors';
import type { Provider, ProviderChatRequest, ProviderEvent, ProviderHealth } from '../types';
import {
  readAnthropicStream,
  toAnthropicRequest,
  toAnthropicTools,
  type AnthropicLikeEvent,
} from './anthropicWire';

export interface AnthropicProviderOptions {
  apiKey: string;
  /** Default https://api.anthropic.com (the SDK adds /v1/messages). */
  baseURL: string;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

export function createAnthropicProvider(options: AnthropicProviderOptions): Provider {
  const client = new Anthropic({
    apiKey: options.apiKey,
    authToken: null,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: options.requestTimeoutMs ?? 30_000,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function* chat(
    request: ProviderChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<ProviderEvent> {
    const { system, messages } = toAnthropicRequest(request.messages, request.json === true);
    const tools = toAnthropicTools(request.tools);
    try {
      const stream = await client.messages.create(
        {
          model: request.model,
          max_tokens: request.maxOutputTokens,
          messages,
          stream: true,
          ...(system !== undefined ? { system } : {}),
          ...(tools ? { tools } : {}),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
        { signal, timeout: 24 * 3600_000 },
      );
      yield* readAnthropicStream('anthropic', stream as AsyncIterable<AnthropicLikeEvent>);
    } catch (error) {
      throw chatFailure('anthropic', signal, error);
    }
  }

  const provider: Provider = {
    id: 'anthropic',
    chat,
    async listModels(signal) {
      try {
        const ids: string[] = [];
        for await (const m of client.models.list({}, { signal })) ids.push(m.id);
        return ids;
      } catch (error) {
        throw classifyError('anthropic', error);
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
