import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../shared/wire';
import { createWsClient } from './wsClient';

let wss: WebSocketServer;
let url: string;
const received: number[] = [];

beforeAll(async () => {
  // The browser's WebSocket, as the client uses it (ws implements the same surface).
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise((r) => wss.once('listening', r));
  url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/ws`;
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      received.push(String(data).length);
      const { id } = JSON.parse(String(data)) as { id: number };
      ws.send(JSON.stringify({ type: 'result', id, result: { ok: true, value: null } }));
    });
  });
});
afterAll(() => wss.close());

describe('web-mode client', () => {
  it('refuses to send a request over the server limit, with a clear error, and goes on', async () => {
    const api = createWsClient(url);
    const big = await api.invoke('library.search', { text: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expect(big).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/too large/) as string },
    });
    expect(received).toEqual([]);
    expect(await api.invoke('library.search', { text: 'kick' })).toEqual({ ok: true, value: null });
    expect(received).toHaveLength(1);
  });
});
