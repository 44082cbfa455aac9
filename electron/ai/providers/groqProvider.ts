/**
 * Groq through `groq-sdk` (OpenAI-style chunks; usage arrives in `x_groq.usage` on the
 * final chunk). Retries off: the router retries.
 */
import Groq from 'groq-sdk';
import { chatFailure, classifyError } from '../errors';
import type { Provider, ProviderChatRequest, ProviderEvent, ProviderHealth } from '../types';
import { readOpenAiStream, toOpenAiMessages, toOpenAiTools } from './openaiWire';

export interface GroqProviderOptions {
  apiKey: string;
  /** Default https://api.groq.com (the SDK adds /openai/v1). */
  baseURL: string;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

export function createGroqProvider(options: GroqProviderOptions): Provider {
  const client = new Groq({
    apiKey: options.apiKey,
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
    const tools = toOpenAiTools(request.tools);
    try {
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages: toOpenAiMessages(request.messages, request.json === true),
          stream: true,
          max_completion_tokens: request.maxOutputTokens,
          ...(tools ? { tools } : {}),
          ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
        { signal, timeout: 24 * 3600_000 },
      );
      yield* readOpenAiStream('groq', stream);
    } catch (error) {
      throw chatFailure('groq', signal, error);
    }
  }

  const provider: Provider = {
    id: 'groq',
    chat,
    async listModels(signal) {
      try {
        const res = await client.models.list({ signal });
        return res.data.map((m) => m.id);
      } catch (error) {
        throw classifyError('groq', error);
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
