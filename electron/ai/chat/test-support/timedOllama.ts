/**
 * A fake Ollama that notes when it sends each piece of an answer: the same Ollama HTTP
 * protocol as fakeOllama (frames from `ollamaFrames`: NDJSON content pieces, native tool
 * calls, a `done` line with counts; /api/tags, /api/version), written by a timed writer
 * that records the wall-clock time (ms since the epoch, sub-millisecond:
 * performance.timeOrigin + performance.now()) just before each content piece goes out.
 * For latency figures measured against a browser on the same machine and clock.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ChatStep } from '../../test-support/chatScript';
import { recordRequest, type RecordedRequest } from '../../test-support/fakeHttp';
import { ollamaFrames } from '../../test-support/fakeOllama';

/** Wall-clock now, ms since the epoch with sub-ms resolution (comparable with a browser's). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface TimedWrite {
  /** When the piece was handed to the socket (epochNow). */
  at: number;
  text: string;
  /** Characters of answer text sent so far, this piece included. */
  total: number;
}

export interface TimedChat {
  /** The newest user message of the request. */
  question: string;
  /** Content pieces, in the order written (empty for a tool-call-only step). */
  writes: TimedWrite[];
}

export interface TimedOllama {
  url: string;
  chats: TimedChat[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const CREATED = '2026-11-25T00:00:00Z';

function lastQuestion(body: unknown): string {
  const messages = (body as { messages?: Array<{ role?: string; content?: unknown }> } | null)
    ?.messages;
  const user = (messages ?? []).filter((m) => m.role === 'user').at(-1);
  return typeof user?.content === 'string' ? user.content : '';
}

function contentOf(frame: string): string {
  try {
    const line = JSON.parse(frame) as { message?: { content?: unknown } };
    return typeof line.message?.content === 'string' ? line.message.content : '';
  } catch {
    return '';
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startTimedOllama(options: {
  models: string[];
  answer: (request: RecordedRequest) => ChatStep;
}): Promise<TimedOllama> {
  const chats: TimedChat[] = [];
  const sockets = new Set<Socket>();

  async function chat(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const step = options.answer(request);
    if (step.status !== undefined && step.status >= 400) {
      json(res, step.status, { error: `fake error ${step.status}` });
      return;
    }
    const record: TimedChat = { question: lastQuestion(request.body), writes: [] };
    chats.push(record);
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.flushHeaders();
    if (step.firstDelayMs) await sleep(step.firstDelayMs);
    let total = 0;
    for (const [i, frame] of ollamaFrames(step, request).entries()) {
      if (i > 0 && step.gapMs) await sleep(step.gapMs);
      if (res.destroyed) return;
      const text = contentOf(frame);
      if (text) {
        total += text.length;
        record.writes.push({ at: epochNow(), text, total });
      }
      res.write(frame);
    }
    res.end();
  }

  const server = createServer((req, res) => {
    void recordRequest(req).then((request) => {
      if (request.path === '/') return res.end('Ollama is running');
      if (request.path === '/api/version') return json(res, 200, { version: '0.12.9' });
      if (request.path === '/api/tags') {
        return json(res, 200, {
          models: options.models.map((name) => ({
            name,
            model: name,
            modified_at: CREATED,
            size: 2_000_000_000,
            digest: 'fake',
            details: { family: 'fake', parameter_size: '8B', quantization_level: 'Q4_K_M' },
          })),
        });
      }
      if (request.path === '/api/chat') return chat(request, res);
      return json(res, 404, { error: 'not found' });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    chats,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
