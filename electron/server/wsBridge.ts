import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../shared/wire';
import { MAX_MESSAGE_BYTES, WS_PATH } from '../../shared/wire';
import type { Backend } from '../library/backend';
import type { CallContext } from '../core/handlerTypes';
import type { WebAuth } from './auth';

function parseMessage(data: unknown): ClientMessage | null {
  try {
    const value: unknown = JSON.parse(String(data));
    if (typeof value !== 'object' || value === null) return null;
    const m = value as Record<string, unknown>;
    if (m.type !== 'invoke' || !Number.isSafeInteger(m.id) || typeof m.name !== 'string')
      return null;
    return {
      type: 'invoke',
      id: m.id as number,
      name: m.name,
      input: m.input,
      ...(m.background === true ? { background: true as const } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * The same handler map as IPC, over a WebSocket: only from the server's own origin
 * and with a valid session cookie. Backend events are pushed to every client.
 */
export function attachWebSocket(
  server: Server,
  app: Backend,
  auth: WebAuth,
  allowedOrigins: () => string[],
  isOwnHost: (host: string | undefined) => boolean,
): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // A socket error before or during the handshake must not reach the process.
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    const origin = req.headers.origin;
    if (
      path !== WS_PATH ||
      !isOwnHost(req.headers.host) ||
      !origin ||
      !allowedOrigins().includes(origin) ||
      !auth.hasSession(req.headers.cookie)
    ) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, message: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  wss.on('connection', (ws: WebSocket) => {
    // Protocol errors (too large, bad UTF-8, reserved bits, unmasked frames …) end this
    // connection only. ws has already sent the close code that says why (1009 "message
    // too big", 1007, 1002 …) and ends the socket itself; terminating here could drop
    // that frame before it is written. Without a listener, the error would end the process.
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => {
      const message = isBinary ? null : parseMessage(data);
      if (!message) {
        ws.close(1003, 'bad message');
        return;
      }
      const ctx: CallContext = message.background
        ? { origin: 'web', background: true }
        : { origin: 'web' };
      void app.dispatch(message.name, message.input, ctx).then(
        (result) => send(ws, { type: 'result', id: message.id, result }),
        (error: unknown) =>
          send(ws, {
            type: 'result',
            id: message.id,
            result: {
              ok: false,
              error: {
                code: 'INTERNAL',
                message: error instanceof Error ? error.message : 'internal error',
              },
            },
          }),
      );
    });
  });

  const off = app.events.onAny((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload });
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });
  wss.on('close', off);
  return wss;
}
