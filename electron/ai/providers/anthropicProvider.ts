/** Claude through Anthropic's Messages API (`@anthropic-ai/sdk`, streaming; retries off). */
import type { Provider, ProviderChatRequest, ProviderEvent } from '../types';
import {
  readAnthropicStream,
  toAnthropicRequest,
  toAnthropicTools,
  type AnthropicLikeEvent,
} from './anthropicWire';
import { lazySdkClient, sdkProvider, streamChat, type SdkProviderOptions } from './sdkProvider';

/** `baseURL`: default https://api.anthropic.com (the SDK adds /v1/messages). */
export type AnthropicProviderOptions = SdkProviderOptions;

export function createAnthropicProvider(options: AnthropicProviderOptions): Provider {
  const client = lazySdkClient(() => import('@anthropic-ai/sdk'), options, { authToken: null });

  async function* chat(
    request: ProviderChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<ProviderEvent> {
    const { system, messages } = toAnthropicRequest(request.messages, request.json === true);
    const tools = toAnthropicTools(request.tools);
    yield* streamChat(
      'anthropic',
      signal,
      async (callOptions) =>
        (await client()).messages.create(
          {
            model: request.model,
            max_tokens: request.maxOutputTokens,
            messages,
            stream: true,
            ...(system !== undefined ? { system } : {}),
            ...(tools ? { tools } : {}),
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          },
          callOptions,
        ),
      (stream) => readAnthropicStream('anthropic', stream as AsyncIterable<AnthropicLikeEvent>),
    );
  }

  return sdkProvider('anthropic', chat, async (signal) => {
    const ids: string[] = [];
    for await (const m of (await client()).models.list({}, { signal })) ids.push(m.id);
    return ids;
  });
}
