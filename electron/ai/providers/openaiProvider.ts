/**
 * OpenAI, and the OpenAI-compatible endpoints of DeepSeek and Gemini, through the
 * `openai` SDK (retries off: the router retries, honouring Retry-After).
 */
import { classifyError } from '../errors';
import type {
  EmbedRequest,
  EmbedResult,
  Provider,
  ProviderChatRequest,
  ProviderEvent,
} from '../types';
import { readOpenAiStream, toOpenAiChatRequest } from './openaiWire';
import { lazySdkClient, sdkProvider, streamChat, type SdkProviderOptions } from './sdkProvider';

export type OpenAiCompatibleId = 'openai' | 'deepseek' | 'gemini';

export interface OpenAiProviderOptions extends SdkProviderOptions {
  id: OpenAiCompatibleId;
}

/** OpenAI's reasoning models take max_completion_tokens and no temperature. */
function isReasoningModel(model: string): boolean {
  return /^(gpt-5|o\d)/.test(model);
}

export function createOpenAiProvider(options: OpenAiProviderOptions): Provider {
  const { id } = options;
  const client = lazySdkClient(() => import('openai'), options);

  async function* chat(
    request: ProviderChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<ProviderEvent> {
    const reasoning = id === 'openai' && isReasoningModel(request.model);
    const lengthCap =
      id === 'openai'
        ? { max_completion_tokens: request.maxOutputTokens }
        : { max_tokens: request.maxOutputTokens };
    yield* streamChat(
      id,
      signal,
      async (callOptions) =>
        (await client()).chat.completions.create(
          {
            ...toOpenAiChatRequest(request, !reasoning),
            stream_options: { include_usage: true },
            ...lengthCap,
          },
          callOptions,
        ),
      (stream) => readOpenAiStream(id, stream),
    );
  }

  const provider = sdkProvider(id, chat, async (signal) => {
    const ids: string[] = [];
    // Gemini names its models "models/<id>".
    for await (const m of (await client()).models.list({ signal }))
      ids.push(m.id.replace(/^models\//, ''));
    return ids;
  });
  if (id !== 'deepseek') {
    provider.embed = async (request: EmbedRequest, signal: AbortSignal): Promise<EmbedResult> => {
      try {
        const res = await (
          await client()
        ).embeddings.create(
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
