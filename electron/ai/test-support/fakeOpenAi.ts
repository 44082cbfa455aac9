/**
 * A fake OpenAI-style chat-completions server (OpenAI, DeepSeek, Gemini's compatible
 * endpoint; Groq with `flavor: 'groq'`): SSE chunks with content and tool-call deltas,
 * a final usage chunk when `stream_options.include_usage` is set (Groq: `x_groq.usage`
 * on the last chunk), `data: [DONE]`, OpenAI-shaped errors, /models and /embeddings.
 */
import {
  defaultUsage,
  errorBodyOf,
  splitInto,
  StepQueue,
  textPieces,
  type ChatStep,
} from './chatScript';
import { FakeHttpServer, type RecordedRequest, type Reply } from './fakeHttp';

export interface FakeOpenAiOptions {
  flavor?: 'openai' | 'groq';
  models?: string[];
  /** Default answer when no step is queued. */
  answer?: (request: RecordedRequest) => ChatStep;
  embeddingDims?: number;
}

export interface FakeOpenAi {
  server: FakeHttpServer;
  url: string;
  steps: StepQueue;
  /** Bodies of the chat requests received. */
  chatRequests(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const sse = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

export function openAiFrames(
  step: ChatStep,
  request: RecordedRequest,
  flavor: 'openai' | 'groq',
): string[] {
  const body = (request.body ?? {}) as {
    model?: string;
    stream_options?: { include_usage?: boolean };
  };
  const base = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_790_000_000,
    model: body.model ?? 'unknown',
  };
  const chunk = (delta: unknown, finish: string | null = null, extra: object = {}) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...extra,
  });
  const frames: string[] = [sse(chunk({ role: 'assistant', content: '' }))];
  for (const piece of textPieces(step.text)) frames.push(sse(chunk({ content: piece })));
  (step.toolCalls ?? []).forEach((call, index) => {
    frames.push(
      sse(
        chunk({
          tool_calls: [
            {
              index,
              id: call.id ?? `call_${index}`,
              type: 'function',
              function: { name: call.name, arguments: '' },
            },
          ],
        }),
      ),
    );
    for (const piece of splitInto(call.arguments, call.pieces ?? 3)) {
      frames.push(sse(chunk({ tool_calls: [{ index, function: { arguments: piece } }] })));
    }
  });
  const usage = step.usage === undefined ? defaultUsage(step, request) : step.usage;
  const usageJson = usage && {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
  };
  const finish = step.finishReason ?? ((step.toolCalls?.length ?? 0) > 0 ? 'tool_calls' : 'stop');
  frames.push(
    sse(
      chunk(
        {},
        finish,
        flavor === 'groq' && usageJson ? { x_groq: { id: 'req_fake', usage: usageJson } } : {},
      ),
    ),
  );
  if (flavor === 'openai' && usageJson && body.stream_options?.include_usage) {
    frames.push(sse({ ...base, choices: [], usage: usageJson }));
  }
  frames.push('data: [DONE]\n\n');
  if (step.malformedAt !== undefined && step.malformedAt < frames.length) {
    frames[step.malformedAt] = 'data: {"choices": [{"delta": {"content": "broken\n\n';
  }
  return frames;
}

export function openAiReply(
  step: ChatStep,
  request: RecordedRequest,
  flavor: 'openai' | 'groq',
): Reply {
  if (step.hang) return { type: 'hang' };
  if (step.status !== undefined && step.status >= 400) {
    return {
      type: 'json',
      status: step.status,
      headers: step.headers,
      body: errorBodyOf(step, request, {
        error: { message: `fake error ${step.status}`, type: 'server_error', code: null },
      }),
    };
  }
  return {
    type: 'stream',
    contentType: 'text/event-stream',
    frames: openAiFrames(step, request, flavor),
    firstDelayMs: step.firstDelayMs,
    gapMs: step.gapMs,
    cutAfter: step.cutAfter,
    stallAfter: step.stallAfter,
  };
}

/** A deterministic unit vector per text (so tests can compare embeddings). */
export function fakeEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (let i = 0; i < text.length; i++) v[(text.charCodeAt(i) * 31 + i) % dims]! += 1;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const flavor = options.flavor ?? 'openai';
  const dims = options.embeddingDims ?? 8;
  const steps = new StepQueue(options.answer ?? (() => ({ text: `Hello from ${flavor}.` })));
  const server = new FakeHttpServer((req) => {
    if (req.method === 'POST' && req.path.endsWith('/chat/completions')) {
      return openAiReply(steps.next(req), req, flavor);
    }
    if (req.method === 'GET' && req.path.endsWith('/models')) {
      return {
        type: 'json',
        body: {
          object: 'list',
          data: (options.models ?? ['fake-model']).map((id) => ({
            id,
            object: 'model',
            created: 1_790_000_000,
            owned_by: 'fake',
          })),
        },
      };
    }
    if (req.method === 'POST' && req.path.endsWith('/embeddings')) {
      const body = req.body as { input: string | string[]; model: string };
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      const tokens = inputs.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
      return {
        type: 'json',
        body: {
          object: 'list',
          model: body.model,
          data: inputs.map((t, index) => ({
            object: 'embedding',
            index,
            embedding: fakeEmbedding(t, dims),
          })),
          usage: { prompt_tokens: tokens, total_tokens: tokens },
        },
      };
    }
    return { type: 'json', status: 404, body: { error: { message: `no route ${req.path}` } } };
  });
  await server.start();
  return {
    server,
    url: server.url,
    steps,
    chatRequests: () =>
      server.requests
        .filter((r) => r.path.endsWith('/chat/completions'))
        .map((r) => r.body as Record<string, unknown>),
    close: () => server.close(),
  };
}
