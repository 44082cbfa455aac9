/**
 * A minimal AiRouter over one real provider (no policy, no fallback): lets the chat be
 * tested end to end through a real provider and its protocol (the Ollama provider and
 * the fake Ollama HTTP server) independently of the full router.
 */
import { AppError } from '../../../../shared/result';
import type { AiRouter, RouterEvent } from '../../routerTypes';
import type { Provider, RouteRequest } from '../../types';

export function singleProviderRouter(
  provider: Provider,
  model: string,
  pricePerMTokens = { input: 0, output: 0 },
): AiRouter {
  return {
    async *stream(request: RouteRequest, signal?: AbortSignal): AsyncIterable<RouterEvent> {
      const started = performance.now();
      yield { type: 'route', provider: provider.id, model };
      try {
        for await (const event of provider.chat(
          {
            model,
            messages: request.messages,
            ...(request.tools ? { tools: request.tools } : {}),
            ...(request.json ? { json: true } : {}),
            maxOutputTokens: request.maxOutputTokens ?? 1024,
          },
          signal ?? new AbortController().signal,
        )) {
          if (event.type !== 'done') {
            yield event;
            continue;
          }
          const usage = event.usage ?? { inputTokens: 0, outputTokens: 0 };
          yield {
            type: 'done',
            finishReason: event.finishReason,
            outcome: {
              provider: provider.id,
              model,
              usage,
              costUsd:
                (usage.inputTokens * pricePerMTokens.input +
                  usage.outputTokens * pricePerMTokens.output) /
                1e6,
              latencyMs: performance.now() - started,
              fallbacks: [],
            },
          };
        }
      } catch (error) {
        throw new AppError(
          'PROVIDER_ERROR',
          error instanceof Error ? error.message : String(error),
        );
      }
    },
  };
}
