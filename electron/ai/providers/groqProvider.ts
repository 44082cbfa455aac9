/**
 * Groq through `groq-sdk` (OpenAI-style chunks; usage arrives in `x_groq.usage` on the
 * final chunk). Retries off: the router retries.
 */
import Groq from 'groq-sdk';
import type { Provider, ProviderChatRequest, ProviderEvent } from '../types';
import { readOpenAiStream, toOpenAiMessages, toOpenAiTools } from './openaiWire';
import {
  sdkClientOptions,
  sdkProvider,
  streamCallOptions,
  streamChat,
  type SdkProviderOptions,
} from './sdkProvider';

/** `baseURL`: default https://api.groq.com (the SDK adds /openai/v1). */
export type GroqProviderOptions = SdkProviderOptions;

export function createGroqProvider(options: GroqProviderOptions): Provider {
  const client = new Groq(sdkClientOptions(options));

  async function* chat(
    request: ProviderChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<ProviderEvent> {
    const tools = toOpenAiTools(request.tools);
    yield* streamChat(
      'groq',
      signal,
      () =>
        client.chat.completions.create(
          {
            model: request.model,
            messages: toOpenAiMessages(request.messages, request.json === true),
            stream: true,
            max_completion_tokens: request.maxOutputTokens,
            ...(tools ? { tools } : {}),
            ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          },
          streamCallOptions(signal),
        ),
      (stream) => readOpenAiStream('groq', stream),
    );
  }

  return sdkProvider('groq', chat, async (signal) => {
    const res = await client.models.list({ signal });
    return res.data.map((m) => m.id);
  });
}
