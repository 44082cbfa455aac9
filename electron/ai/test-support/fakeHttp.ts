/**
 * A real HTTP server on 127.0.0.1 (random port) for protocol-level fakes. Each request is
 * recorded and answered by a Reply: JSON, an HTTP error, or a stream of frames that can
 * arrive late, pause, stall forever, or stop halfway (the socket is destroyed).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (null when empty or not JSON). */
  body: unknown;
  rawBody: string;
}

/** Reads a request whole: method, path without the query, headers, raw and JSON body (null when not JSON). */
export async function recordRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = rawBody === '' ? null : (JSON.parse(rawBody) as unknown);
  } catch {
    body = null;
  }
  return {
    method: req.method ?? 'GET',
    path: (req.url ?? '/').split('?')[0]!,
    headers: req.headers,
    body,
    rawBody,
  };
}

export type Reply =
  | {
      type: 'json';
      body: unknown;
      status?: number;
      headers?: Record<string, string>;
      delayMs?: number;
    }
  | {
      type: 'text';
      body: string;
      status: number;
      contentType?: string;
      headers?: Record<string, string>;
    }
  | {
      type: 'stream';
      contentType: string;
      frames: string[];
      firstDelayMs?: number;
      gapMs?: number;
      /** Destroy the connection after this many frames. */
      cutAfter?: number;
      /** Stop writing after this many frames, leaving the connection open. */
      stallAfter?: number;
    }
  /** Never answer. */
  | { type: 'hang' };

export type Responder = (request: RecordedRequest) => Reply | Promise<Reply>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private responder: Responder;
  private port = 0;

  constructor(responder: Responder) {
    this.responder = responder;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  setResponder(responder: Responder): void {
    this.responder = responder;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await recordRequest(req);
    this.requests.push(recorded);
    let reply: Reply;
    try {
      reply = await this.responder(recorded);
    } catch (error) {
      reply = { type: 'json', status: 500, body: { error: String(error) } };
    }
    await this.send(res, reply);
  }

  private async send(res: ServerResponse, reply: Reply): Promise<void> {
    switch (reply.type) {
      case 'hang':
        return;
      case 'json':
        if (reply.delayMs) await sleep(reply.delayMs);
        res.writeHead(reply.status ?? 200, {
          'content-type': 'application/json',
          ...reply.headers,
        });
        res.end(JSON.stringify(reply.body));
        return;
      case 'text':
        res.writeHead(reply.status, {
          'content-type': reply.contentType ?? 'text/plain',
          ...reply.headers,
        });
        res.end(reply.body);
        return;
      case 'stream': {
        res.writeHead(200, {
          'content-type': reply.contentType,
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        res.flushHeaders();
        // Headers at once, the first token late: how a slow provider looks.
        if (reply.firstDelayMs) await sleep(reply.firstDelayMs);
        for (let i = 0; i < reply.frames.length; i++) {
          if (reply.cutAfter !== undefined && i >= reply.cutAfter) {
            res.socket?.destroy();
            return;
          }
          if (reply.stallAfter !== undefined && i >= reply.stallAfter) return;
          if (i > 0 && reply.gapMs) await sleep(reply.gapMs);
          if (res.destroyed) return;
          res.write(reply.frames[i]);
        }
        if (reply.cutAfter !== undefined && reply.cutAfter >= reply.frames.length) {
          res.socket?.destroy();
          return;
        }
        res.end();
        return;
      }
    }
  }
}

/** Header value as one string. */
export function header(request: RecordedRequest, name: string): string | undefined {
  const v = request.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}
