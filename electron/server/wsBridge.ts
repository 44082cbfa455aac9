import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../shared/wire';
import { WS_PATH } from '../../shared/wire';
import type { Backend } from '../library/backend';
import type { WebAuth } from './auth';

const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

function parseMessage(data: unknown): ClientMessage | null {
  try {
    const value: unknown = JSON.parse(String(data));
    if (typeof value !== 'object' || value === null) return null;
    const m = value as Record<string, unknown>;
    if (m.type !== 'invoke' || !Number.isSafeInteger(m.id) || typeof m.name !== 'string')
      return null;
    return { type: 'invoke', id: m.id as number, name: m.name, input: m.input };
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
): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    if (
      url.pathname !== WS_PATH ||
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
    ws.on('message', (data) => {
      const message = parseMessage(data);
      if (!message) {
        ws.close(1003, 'bad message');
        return;
      }
      void app
        .dispatch(message.name, message.input, { origin: 'web' })
        .then((result) => send(ws, { type: 'result', id: message.id, result }));
    });
  });

  const off = app.events.onAny((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload });
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });
  wss.on('close', off);
  return wss;
}
