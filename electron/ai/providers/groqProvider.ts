/**
 * Groq through `groq-sdk` (OpenAI-style chunks; usage arrives in `x_groq.usage` on the
 * final chunk). Retries off: the router retries.
 */
import type { Provider, ProviderChatRequest, ProviderEvent } from '../types';
import { readOpenAiStream, toOpenAiChatRequest } from './openaiWire';
import { lazySdkClient, sdkProvider, streamChat, type SdkProviderOptions } from './sdkProvider';

/** `baseURL`: default https://api.groq.com (the SDK adds /openai/v1). */
export type GroqProviderOptions = SdkProviderOptions;

export function createGroqProvider(options: GroqProviderOptions): Provider {
  const client = lazySdkClient(() => import('groq-sdk'), options);

  async function* chat(
    request: ProviderChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<ProviderEvent> {
    yield* streamChat(
      'groq',
      signal,
      async (callOptions) =>
        (await client()).chat.completions.create(
          { ...toOpenAiChatRequest(request), max_completion_tokens: request.maxOutputTokens },
          callOptions,
        ),
      (stream) => readOpenAiStream('groq', stream),
    );
  }

  return sdkProvider('groq', chat, async (signal) => {
    const res = await (await client()).models.list({ signal });
    return res.data.map((m) => m.id);
  });
}
