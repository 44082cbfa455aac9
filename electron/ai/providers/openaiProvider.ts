/**
 * OpenAI, and the OpenAI-compatible endpoints of DeepSeek and Gemini, through the
 * `openai` SDK (retries off: the router retries, honouring Retry-After).
 */
import OpenAI from 'openai';
import { chatFailure, classifyError } from '../errors';
import type {
  EmbedRequest,
  EmbedResult,
  Provider,
  ProviderChatRequest,
  ProviderEvent,
  ProviderHealth,
} from '../types';
import { readOpenAiStream, toOpenAiMessages, toOpenAiTools } from './openaiWire';

export type OpenAiCompatibleId = 'openai' | 'deepseek' | 'gemini';

export interface OpenAiProviderOptions {
  id: OpenAiCompatibleId;
  apiKey: string;
  baseURL: string;
  /** Limit for calls that are not streams (list, health, embeddings). Default 30 s. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** OpenAI's reasoning models take max_completion_tokens and no temperature. */
function isReasoningModel(model: string): boolean {
  return /^(gpt-5|o\d)/.test(model);
}

export function createOpenAiProvider(options: OpenAiProviderOptions): Provider {
  const { id } = options;
  const timeout = options.requestTimeoutMs ?? 30_000;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function* chat(
    request: ProviderChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<ProviderEvent> {
    const reasoning = id === 'openai' && isReasoningModel(request.model);
    const lengthCap =
      id === 'openai'
        ? { max_completion_tokens: request.maxOutputTokens }
        : { max_tokens: request.maxOutputTokens };
    try {
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages: toOpenAiMessages(request.messages, request.json === true),
          stream: true,
          stream_options: { include_usage: true },
          ...lengthCap,
          ...(toOpenAiTools(request.tools) ? { tools: toOpenAiTools(request.tools) } : {}),
          ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
          ...(request.temperature !== undefined && !reasoning
            ? { temperature: request.temperature }
            : {}),
        },
        // Streams are limited by the router's first-token / idle guard instead.
        { signal, timeout: 24 * 3600_000 },
      );
      yield* readOpenAiStream(id, stream);
    } catch (error) {
      throw chatFailure(id, signal, error);
    }
  }

  const provider: Provider = {
    id,
    chat,
    async listModels(signal) {
      try {
        const ids: string[] = [];
        // Gemini names its models "models/<id>".
        for await (const m of client.models.list({ signal }))
          ids.push(m.id.replace(/^models\//, ''));
        return ids;
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
  if (id !== 'deepseek') {
    provider.embed = async (request: EmbedRequest, signal: AbortSignal): Promise<EmbedResult> => {
      try {
        const res = await client.embeddings.create(
          { model: request.model, input: request.input, encoding_format: 'float' },
          { signal },
        );
        return {
          vectors: [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding),
          usage: { inputTokens: res.usage?.prompt_tokens ?? 0 },
        };
      } catch (error) {
        throw classifyError(id, error);
      }
    };
  }
  return provider;
}
