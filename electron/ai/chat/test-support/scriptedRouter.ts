/**
 * A stand-in AiRouter that replays model turns (text pieces, tool calls) decided by a
 * script that sees each request — enough to drive the chat engine's loop in tests.
 */
import type { AiProviderId } from '../../../../shared/schemas/ai';
import type { AiRouter, RouterEvent } from '../../routerTypes';
import type { FinishReason, RouteRequest } from '../../types';

export interface ScriptedTurn {
  text?: string | string[];
  toolCalls?: Array<{ name: string; input?: unknown; arguments?: string; id?: string }>;
  finishReason?: FinishReason;
  costUsd?: number;
  provider?: AiProviderId;
  model?: string;
  /** Throw this instead of answering (e.g. an AppError BUDGET_EXCEEDED). */
  error?: Error;
}

export type Script = (request: RouteRequest, index: number) => ScriptedTurn;

export class ScriptedRouter implements AiRouter {
  readonly requests: RouteRequest[] = [];

  constructor(readonly script: Script) {}

  /** A router that plays these turns in order (then answers "done."). */
  static of(...turns: ScriptedTurn[]): ScriptedRouter {
    return new ScriptedRouter((_req, i) => turns[i] ?? { text: 'done.' });
  }

  async *stream(request: RouteRequest, signal?: AbortSignal): AsyncIterable<RouterEvent> {
    const index = this.requests.length;
    this.requests.push(structuredClone(request));
    const turn = this.script(request, index);
    if (turn.error) throw turn.error;
    const provider = turn.provider ?? 'ollama';
    const model = turn.model ?? 'scripted-model';
    yield { type: 'route', provider, model };
    const pieces = Array.isArray(turn.text)
      ? turn.text
      : turn.text
        ? (turn.text.match(/\S+\s*|\s+/g) ?? [])
        : [];
    for (const text of pieces) {
      if (signal?.aborted) throw new Error('aborted');
      await Promise.resolve();
      yield { type: 'text', text };
    }
    const calls = turn.toolCalls ?? [];
    for (const [i, c] of calls.entries()) {
      const args = c.arguments ?? JSON.stringify(c.input ?? {});
      let input: unknown;
      try {
        input = JSON.parse(args) as unknown;
      } catch {
        input = null;
      }
      yield {
        type: 'tool_call',
        call: { id: c.id ?? `call_${i}`, name: c.name, arguments: args, input },
      };
    }
    yield {
      type: 'done',
      finishReason: turn.finishReason ?? (calls.length > 0 ? 'tool_calls' : 'stop'),
      outcome: {
        provider,
        model,
        usage: { inputTokens: 100, outputTokens: 20 },
        costUsd: turn.costUsd ?? 0,
        latencyMs: 1,
        fallbacks: [],
      },
    };
  }
}

/** The JSON data inside the last tool result of a request (what the model would read). */
export function lastToolData(
  request: RouteRequest,
): { tool: string; ok: boolean; data?: unknown; error?: { code: string; message: string } } | null {
  const last = [...request.messages].reverse().find((m) => m.role === 'tool');
  if (!last || last.role !== 'tool') return null;
  return JSON.parse(last.content) as { tool: string; ok: boolean; data?: unknown };
}
