/**
 * Hostile requests against a running web-mode server, each answered by what the
 * server did with it. Used by the server's unit tests and by the fault suite
 * (`npm run faults`), which also checks that the server still answers after each.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { request } from 'node:http';
import WebSocket from 'ws';

export interface Target {
  port: number;
  /** A session cookie ("sm_session=…"). */
  cookie: string;
  /** The token the server printed (already spent by the caller's login). */
  token: string;
}

export interface AttackOutcome {
  /** True when the server refused or neutralised the request as it should. */
  refused: boolean;
  /** What came back (status, close code …). */
  detail: string;
}

export interface Attack {
  name: string;
  run(t: Target): Promise<AttackOutcome>;
}

interface RawReply {
  status: number;
  body: string;
}

/** Sends bytes as they are and reads until the server closes (or `ms` pass). */
export function rawExchange(port: number, bytes: Buffer | string, ms = 3000): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = netConnect(port, '127.0.0.1', () => socket.write(bytes));
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', done);
    socket.on('close', done);
  });
}

function statusOf(reply: Buffer): number {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(reply.toString('latin1'));
  return m ? Number(m[1]) : 0;
}

/** A plain HTTP request (any path, even one a URL parser refuses). */
export function httpGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function handshake(port: number, cookie: string, host = `127.0.0.1:${port}`): string {
  return (
    `GET /ws HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
    `Origin: http://127.0.0.1:${port}\r\nCookie: ${cookie}\r\n\r\n`
  );
}

/** One client frame (payload < 126 bytes). */
export function frame(
  opcode: number,
  payload: Buffer,
  opts: { masked?: boolean; rsv1?: boolean } = {},
): Buffer {
  const masked = opts.masked ?? true;
  const head = Buffer.from([
    0x80 | (opts.rsv1 ? 0x40 : 0) | opcode,
    (masked ? 0x80 : 0) | payload.length,
  ]);
  if (!masked) return Buffer.concat([head, payload]);
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([head, mask, body]);
}

/** Opens a WebSocket by hand, sends one frame, and returns the close code the server sent (0: none). */
async function sendFrame(t: Target, bytes: Buffer): Promise<number> {
  const socket: Socket = netConnect(t.port, '127.0.0.1');
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    let upgraded = false;
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const rest = end >= 0 ? all.subarray(end + 4) : Buffer.alloc(0);
      // The server's close frame: 0x88, length, then the 2-byte code.
      const code = rest.length >= 4 && rest[0] === 0x88 ? rest.readUInt16BE(2) : 0;
      resolve(code);
    };
    const timer = setTimeout(finish, 3000);
    socket.on('connect', () => socket.write(handshake(t.port, t.cookie)));
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (!upgraded && end >= 0) {
        upgraded = true;
        if (statusOf(all) !== 101) return finish();
        socket.write(bytes);
      }
      // The close frame has come: no need to wait for the server to drop the socket.
      if (upgraded && all.length >= end + 8 && all[end + 4] === 0x88) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

const closeCode = (name: string, bytes: Buffer, expected: number[]): Attack => ({
  name,
  async run(t) {
    const code = await sendFrame(t, bytes);
    return { refused: expected.includes(code), detail: `close ${code}` };
  },
});

const status = (
  name: string,
  path: string,
  expected: number[],
  headers: Record<string, string> = {},
): Attack => ({
  name,
  async run(t) {
    const host = 'Host' in headers ? '' : `Host: 127.0.0.1:${t.port}\r\n`;
    const reply = await rawExchange(
      t.port,
      `GET ${path} HTTP/1.1\r\n${host}${Object.entries(headers)
        .map(([k, v]) => `${k}: ${String(v)}\r\n`)
        .join('')}Connection: close\r\n\r\n`,
    );
    const s = statusOf(reply);
    return { refused: expected.includes(s), detail: `HTTP ${s}` };
  },
});

export const ATTACKS: readonly Attack[] = [
  status('GET // (path a URL parser refuses)', '//', [400]),
  status('GET //evil.example/x', '//evil.example/x', [400]),
  status('GET *', '*', [400]),
  status('GET with a foreign Host', '/', [421], { Host: 'evil.example' }),
  {
    name: 'garbage request line',
    async run(t) {
      const s = statusOf(await rawExchange(t.port, 'HELLO\r\n\r\n'));
      return { refused: s === 400, detail: `HTTP ${s}` };
    },
  },
  {
    name: 'header over 64 KiB',
    async run(t) {
      const s = statusOf(
        await rawExchange(
          t.port,
          `GET / HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
        ),
      );
      return { refused: s === 431 || s === 400, detail: `HTTP ${s}` };
    },
  },
  {
    name: 'login token used a second time',
    async run(t) {
      const r = await httpGet(t.port, `/?token=${encodeURIComponent(t.token)}`);
      return { refused: r.status === 401, detail: `HTTP ${r.status}` };
    },
  },
  {
    name: 'static path traversal',
    async run(t) {
      const r = await httpGet(t.port, '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', { cookie: t.cookie });
      return { refused: !r.body.includes('root:'), detail: `HTTP ${r.status}` };
    },
  },
  {
    name: '404 body names no absolute path',
    async run(t) {
      const r = await httpGet(t.port, '/media/audio/999999', { cookie: t.cookie });
      return { refused: r.status === 404 && !r.body.includes('/'), detail: `HTTP ${r.status}` };
    },
  },
  {
    name: 'WebSocket upgrade with a foreign Host',
    async run(t) {
      const s = statusOf(await rawExchange(t.port, handshake(t.port, t.cookie, 'evil.example')));
      return { refused: s === 403, detail: `HTTP ${s}` };
    },
  },
  {
    name: 'WebSocket upgrade without a session',
    async run(t) {
      const s = statusOf(await rawExchange(t.port, handshake(t.port, 'sm_session=nope')));
      return { refused: s === 403, detail: `HTTP ${s}` };
    },
  },
  {
    name: 'WebSocket message over 4 MiB',
    async run(t) {
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${t.port}/ws`, {
          headers: { cookie: t.cookie, origin: `http://127.0.0.1:${t.port}` },
        });
        ws.on('open', () =>
          ws.send(
            JSON.stringify({
              type: 'invoke',
              id: 1,
              name: 'library.search',
              input: { text: 'x'.repeat(4.5 * 1024 * 1024) },
            }),
          ),
        );
        ws.on('close', (c) => resolve(c));
        ws.on('error', () => undefined);
      });
      return { refused: code === 1009, detail: `close ${code}` };
    },
  },
  closeCode('WebSocket invalid UTF-8 text', frame(0x1, Buffer.from([0xc3, 0x28])), [1007]),
  closeCode('WebSocket reserved opcode 0x3', frame(0x3, Buffer.from('x')), [1002]),
  closeCode(
    'WebSocket unmasked client frame',
    frame(0x1, Buffer.from('{}'), { masked: false }),
    [1002],
  ),
  closeCode(
    'WebSocket RSV1 without an extension',
    frame(0x1, Buffer.from('{}'), { rsv1: true }),
    [1002],
  ),
  closeCode('WebSocket binary frame', frame(0x2, Buffer.from([1, 2, 3])), [1003]),
  closeCode('WebSocket text that is not a request', frame(0x1, Buffer.from('not json')), [1003]),
];

/** The server still serves its page to a logged-in browser. */
export async function isAlive(t: Target): Promise<boolean> {
  try {
    const r = await httpGet(t.port, '/', { cookie: t.cookie });
    return r.status === 200;
  } catch {
    return false;
  }
}
