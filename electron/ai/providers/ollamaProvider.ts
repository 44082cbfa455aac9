/**
 * A local (or LAN) Ollama through the `ollama` package: /api/chat NDJSON streaming with
 * native tool calls, /api/embed, /api/tags, /api/version. The host can change while the
 * app runs (the supervisor restarts Ollama on another port), so it is read per call.
 */
import { Ollama, type Message as OllamaMessage, type Tool as OllamaTool } from 'ollama';
import { classifyError, ProviderError } from '../errors';
import type {
  ChatMessage,
  EmbedRequest,
  EmbedResult,
  FinishReason,
  Provider,
  ProviderChatRequest,
  ProviderEvent,
  ProviderHealth,
  ToolCall,
  ToolSpec,
} from '../types';

export interface OllamaProviderOptions {
  /** The base URL to use now (null: no Ollama available). */
  host: () => string | null;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** "nomic-embed-text" and "nomic-embed-text:latest" are the same model. */
export function ollamaModelKey(name: string): string {
  return name.endsWith(':latest') ? name.slice(0, -':latest'.length) : name;
}

export function toOllamaMessages(messages: ChatMessage[]): OllamaMessage[] {
  return messages.map((m): OllamaMessage => {
    switch (m.role) {
      case 'system':
      case 'user':
        return { role: m.role, content: m.content };
      case 'assistant':
        return m.toolCalls && m.toolCalls.length > 0
          ? {
              role: 'assistant',
              content: m.content,
              tool_calls: m.toolCalls.map((c) => ({
                function: {
                  name: c.name,
                  arguments:
                    typeof c.input === 'object' && c.input !== null
                      ? (c.input as Record<string, unknown>)
                      : {},
                },
              })),
            }
          : { role: 'assistant', content: m.content };
      case 'tool':
        return { role: 'tool', content: m.content, tool_name: m.name };
    }
  });
}

export function toOllamaTools(tools: ToolSpec[] | undefined): OllamaTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}

function mapDoneReason(reason: string | undefined): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'stop' || reason === undefined || reason === '') return 'stop';
  return 'other';
}

export function createOllamaProvider(options: OllamaProviderOptions): Provider {
  const timeout = options.requestTimeoutMs ?? 30_000;
  const baseFetch = options.fetch ?? fetch;

  /** A client whose every request also stops when `signal` aborts (or after `limitMs`). */
  function client(signal: AbortSignal | undefined, limitMs: number | null): Ollama {
    const host = options.host();
    if (host === null) {
      throw new ProviderError('ollama', 'network', 'Ollama is not running');
    }
    const wrapped: typeof fetch = (input, init) => {
      const signals = [
        init?.signal,
        signal,
        limitMs === null ? null : AbortSignal.timeout(limitMs),
      ].filter((s): s is AbortSignal => s instanceof AbortSignal);
      return baseFetch(input, { ...init, signal: AbortSignal.any(signals) });
    };
    return new Ollama({ host, fetch: wrapped });
  }

  async function* chat(
    request: ProviderChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<ProviderEvent> {
    const calls: ToolCall[] = [];
    try {
      const stream = await client(signal, null).chat({
        model: request.model,
        messages: toOllamaMessages(request.messages),
        stream: true,
        ...(toOllamaTools(request.tools) ? { tools: toOllamaTools(request.tools) } : {}),
        ...(request.json ? { format: 'json' } : {}),
        options: {
          num_predict: request.maxOutputTokens,
          ...(request.contextTokens ? { num_ctx: request.contextTokens } : {}),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
      });
      for await (const part of stream) {
        if (part.message?.content) yield { type: 'text', text: part.message.content };
        for (const tc of part.message?.tool_calls ?? []) {
          const args = tc.function.arguments ?? {};
          calls.push({
            id: `call_${calls.length}`,
            name: tc.function.name,
            arguments: JSON.stringify(args),
            input: args,
          });
        }
        if (part.done) {
          for (const call of calls) yield { type: 'tool_call', call };
          const reason = mapDoneReason(part.done_reason);
          yield {
            type: 'done',
            finishReason: calls.length > 0 && reason === 'stop' ? 'tool_calls' : reason,
            usage: {
              inputTokens: part.prompt_eval_count ?? 0,
              outputTokens: part.eval_count ?? 0,
            },
          };
          return;
        }
      }
      throw new ProviderError('ollama', 'incomplete', 'the stream ended before done');
    } catch (error) {
      if (signal.aborted)
        throw new ProviderError('ollama', 'cancelled', 'cancelled', { cause: error });
      const e = classifyError('ollama', error);
      // The package reports a stream cut short as a plain Error.
      if (e.kind === 'server' && /Did not receive done/.test(e.message)) {
        throw new ProviderError('ollama', 'incomplete', e.message, { cause: error });
      }
      throw e;
    }
  }

  const provider: Provider = {
    id: 'ollama',
    chat,
    async embed(request: EmbedRequest, signal: AbortSignal): Promise<EmbedResult> {
      try {
        const res = await client(signal, timeout).embed({
          model: request.model,
          input: request.input,
        });
        return { vectors: res.embeddings, usage: { inputTokens: res.prompt_eval_count ?? 0 } };
      } catch (error) {
        throw classifyError('ollama', error);
      }
    },
    async listModels(signal) {
      try {
        const res = await client(signal, timeout).list();
        return res.models.map((m) => ollamaModelKey(m.name));
      } catch (error) {
        throw classifyError('ollama', error);
      }
    },
    async health(signal): Promise<ProviderHealth> {
      const started = performance.now();
      try {
        const c = client(signal, timeout);
        const { version } = await c.version();
        const { models } = await c.list();
        return {
          latencyMs: performance.now() - started,
          models: models.map((m) => ollamaModelKey(m.name)),
          version,
        };
      } catch (error) {
        throw classifyError('ollama', error);
      }
    },
  };
  return provider;
}
