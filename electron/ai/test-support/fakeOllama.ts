/**
 * A fake Ollama HTTP API in this process: /api/chat as NDJSON (content pieces, native
 * tool calls with object arguments, a final `done` line with counts), /api/embed,
 * /api/tags, /api/version, /api/pull with progress lines, `{ "error": … }` failures.
 */
import { defaultUsage, errorBodyOf, StepQueue, textPieces, type ChatStep } from './chatScript';
import { FakeHttpServer, type RecordedRequest, type Reply } from './fakeHttp';
import { fakeEmbedding } from './fakeOpenAi';

export interface FakeOllama {
  server: FakeHttpServer;
  url: string;
  steps: StepQueue;
  /** Installed models (pull adds to it). */
  models: Set<string>;
  chatRequests(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const line = (data: unknown) => `${JSON.stringify(data)}\n`;
const CREATED = '2026-11-25T00:00:00Z';

export function ollamaFrames(step: ChatStep, request: RecordedRequest): string[] {
  const body = (request.body ?? {}) as { model?: string };
  const model = body.model ?? 'unknown';
  const frames = textPieces(step.text).map((content) =>
    line({ model, created_at: CREATED, message: { role: 'assistant', content }, done: false }),
  );
  if ((step.toolCalls?.length ?? 0) > 0) {
    frames.push(
      line({
        model,
        created_at: CREATED,
        message: {
          role: 'assistant',
          content: '',
          tool_calls: step.toolCalls!.map((c) => ({
            function: { name: c.name, arguments: JSON.parse(c.arguments) as unknown },
          })),
        },
        done: false,
      }),
    );
  }
  const usage = step.usage === undefined ? defaultUsage(step, request) : step.usage;
  frames.push(
    line({
      model,
      created_at: CREATED,
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: step.finishReason ?? 'stop',
      total_duration: 1_000_000,
      load_duration: 1000,
      prompt_eval_count: usage?.input ?? 0,
      prompt_eval_duration: 1000,
      eval_count: usage?.output ?? 0,
      eval_duration: 1000,
    }),
  );
  if (step.malformedAt !== undefined && step.malformedAt < frames.length) {
    frames[step.malformedAt] = '{"model": "broken", "message": {\n';
  }
  return frames;
}

export function ollamaReply(step: ChatStep, request: RecordedRequest): Reply {
  if (step.hang) return { type: 'hang' };
  if (step.status !== undefined && step.status >= 400) {
    return {
      type: 'json',
      status: step.status,
      headers: step.headers,
      body: errorBodyOf(step, request, { error: `fake error ${step.status}` }),
    };
  }
  return {
    type: 'stream',
    contentType: 'application/x-ndjson',
    frames: ollamaFrames(step, request),
    firstDelayMs: step.firstDelayMs,
    gapMs: step.gapMs,
    cutAfter: step.cutAfter,
    stallAfter: step.stallAfter,
  };
}

export function pullFrames(model: string): string[] {
  const total = 2_000_000;
  return [
    line({ status: 'pulling manifest' }),
    ...[0, 500_000, 1_500_000, total].map((completed) =>
      line({ status: `pulling ${model}`, digest: 'sha256:fake', total, completed }),
    ),
    line({ status: 'verifying sha256 digest' }),
    line({ status: 'writing manifest' }),
    line({ status: 'success' }),
  ];
}

export async function startFakeOllama(
  options: { models?: string[]; answer?: (request: RecordedRequest) => ChatStep } = {},
): Promise<FakeOllama> {
  const models = new Set(options.models ?? ['llama3.2:3b', 'nomic-embed-text:latest']);
  const steps = new StepQueue(options.answer ?? (() => ({ text: 'Hello from Ollama.' })));
  const server = new FakeHttpServer((req) => {
    if (req.path === '/' && req.method === 'GET') {
      return { type: 'text', status: 200, body: 'Ollama is running' };
    }
    if (req.path === '/api/version') return { type: 'json', body: { version: '0.12.9' } };
    if (req.path === '/api/tags') {
      return {
        type: 'json',
        body: {
          models: [...models].map((name) => ({
            name,
            model: name,
            modified_at: CREATED,
            size: 2_000_000_000,
            digest: 'fake',
            details: { family: 'fake', parameter_size: '3B', quantization_level: 'Q4_K_M' },
          })),
        },
      };
    }
    if (req.path === '/api/chat') return ollamaReply(steps.next(req), req);
    if (req.path === '/api/embed') {
      const body = req.body as { input: string | string[]; model: string };
      if (![...models].some((m) => m.split(':')[0] === body.model.split(':')[0])) {
        return {
          type: 'json',
          status: 404,
          body: { error: `model "${body.model}" not found, try pulling it first` },
        };
      }
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      return {
        type: 'json',
        body: {
          model: body.model,
          embeddings: inputs.map((t) => fakeEmbedding(t, 8)),
          prompt_eval_count: inputs.reduce((n, t) => n + Math.ceil(t.length / 4), 0),
        },
      };
    }
    if (req.path === '/api/pull') {
      // The ollama package sends the model as `name` (the server accepts both).
      const body = req.body as { model?: string; name?: string };
      const model = body.model ?? body.name ?? '';
      models.add(model);
      return { type: 'stream', contentType: 'application/x-ndjson', frames: pullFrames(model) };
    }
    return { type: 'text', status: 404, body: '404 page not found' };
  });
  await server.start();
  return {
    server,
    url: server.url,
    steps,
    models,
    chatRequests: () =>
      server.requests
        .filter((r) => r.path === '/api/chat')
        .map((r) => r.body as Record<string, unknown>),
    close: () => server.close(),
  };
}
