/**
 * A fake Anthropic Messages API: SSE events message_start, content_block_start /
 * content_block_delta (text_delta, input_json_delta) / content_block_stop,
 * message_delta (stop_reason, usage), message_stop, with pings; Anthropic-shaped errors.
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

export interface FakeAnthropic {
  server: FakeHttpServer;
  url: string;
  steps: StepQueue;
  chatRequests(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const event = (type: string, data: object) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

export function anthropicFrames(step: ChatStep, request: RecordedRequest): string[] {
  const body = (request.body ?? {}) as { model?: string };
  const usage = step.usage === undefined ? defaultUsage(step, request) : step.usage;
  const frames: string[] = [
    event('message_start', {
      message: {
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        model: body.model ?? 'unknown',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: usage?.input ?? 0,
          output_tokens: 1,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
    }),
    event('ping', {}),
  ];
  let index = 0;
  const pieces = textPieces(step.text);
  if (pieces.length > 0) {
    frames.push(event('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    for (const p of pieces) {
      frames.push(event('content_block_delta', { index, delta: { type: 'text_delta', text: p } }));
    }
    frames.push(event('content_block_stop', { index }));
    index++;
  }
  for (const call of step.toolCalls ?? []) {
    frames.push(
      event('content_block_start', {
        index,
        content_block: {
          type: 'tool_use',
          id: call.id ?? `toolu_${index}`,
          name: call.name,
          input: {},
        },
      }),
    );
    for (const p of splitInto(call.arguments, call.pieces ?? 3)) {
      frames.push(
        event('content_block_delta', {
          index,
          delta: { type: 'input_json_delta', partial_json: p },
        }),
      );
    }
    frames.push(event('content_block_stop', { index }));
    index++;
  }
  const stop = step.finishReason ?? ((step.toolCalls?.length ?? 0) > 0 ? 'tool_use' : 'end_turn');
  frames.push(
    event('message_delta', {
      delta: { stop_reason: stop, stop_sequence: null },
      usage: { output_tokens: usage?.output ?? 0 },
    }),
  );
  frames.push(event('message_stop', {}));
  if (step.malformedAt !== undefined && step.malformedAt < frames.length) {
    frames[step.malformedAt] =
      'event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0,\n\n';
  }
  return frames;
}

export function anthropicReply(step: ChatStep, request: RecordedRequest): Reply {
  if (step.hang) return { type: 'hang' };
  if (step.status !== undefined && step.status >= 400) {
    const type =
      step.status === 429
        ? 'rate_limit_error'
        : step.status === 529
          ? 'overloaded_error'
          : 'api_error';
    return {
      type: 'json',
      status: step.status,
      headers: step.headers,
      body: errorBodyOf(step, request, {
        type: 'error',
        error: { type, message: `fake error ${step.status}` },
      }),
    };
  }
  return {
    type: 'stream',
    contentType: 'text/event-stream',
    frames: anthropicFrames(step, request),
    firstDelayMs: step.firstDelayMs,
    gapMs: step.gapMs,
    cutAfter: step.cutAfter,
    stallAfter: step.stallAfter,
  };
}

export async function startFakeAnthropic(
  options: { models?: string[]; answer?: (request: RecordedRequest) => ChatStep } = {},
): Promise<FakeAnthropic> {
  const steps = new StepQueue(options.answer ?? (() => ({ text: 'Hello from Claude.' })));
  const server = new FakeHttpServer((req) => {
    if (req.method === 'POST' && req.path === '/v1/messages')
      return anthropicReply(steps.next(req), req);
    if (req.method === 'GET' && req.path === '/v1/models') {
      const data = (options.models ?? ['claude-haiku-4-5']).map((id) => ({
        type: 'model',
        id,
        display_name: id,
        created_at: '2026-01-01T00:00:00Z',
      }));
      return {
        type: 'json',
        body: {
          data,
          has_more: false,
          first_id: data[0]?.id ?? null,
          last_id: data.at(-1)?.id ?? null,
        },
      };
    }
    return {
      type: 'json',
      status: 404,
      body: { type: 'error', error: { type: 'not_found_error', message: req.path } },
    };
  });
  await server.start();
  return {
    server,
    url: server.url,
    steps,
    chatRequests: () =>
      server.requests
        .filter((r) => r.path === '/v1/messages')
        .map((r) => r.body as Record<string, unknown>),
    close: () => server.close(),
  };
}
