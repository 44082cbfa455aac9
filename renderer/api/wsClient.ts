import type {
  EventName,
  Events,
  HandlerName,
  InputOf,
  InvokeOptions,
  OutputOf,
  SampleMindApi,
} from '../../shared/contract';
import type { Result } from '../../shared/result';
import {
  CLOSE_TOO_BIG,
  MAX_MESSAGE_BYTES,
  WS_PATH,
  type InvokeMessage,
  type ServerMessage,
} from '../../shared/wire';

type Pending = (result: Result<unknown>) => void;

/**
 * The web-mode API: the same invoke/on surface as the Electron bridge, over the
 * server's WebSocket. Requests made while (re)connecting wait; a dropped
 * connection fails pending requests with a clear error and reconnects.
 */
export function createWsClient(
  url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`,
): SampleMindApi {
  let socket: WebSocket | null = null;
  let open: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  const connect = (): Promise<WebSocket> => {
    if (open) return open;
    open = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('cannot reach the SampleMind server'));
      ws.onclose = (event: CloseEvent) => {
        socket = null;
        open = null;
        const message =
          event.code === CLOSE_TOO_BIG
            ? 'the server refused a message over its size limit; the connection was reset'
            : 'lost the connection to the SampleMind server';
        for (const [id, done] of pending) {
          done({ ok: false, error: { code: 'IO_ERROR', message } });
          pending.delete(id);
        }
        // Reconnect while someone is listening for events.
        if (listeners.size > 0) setTimeout(() => void connect().catch(() => undefined), 1000);
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as ServerMessage;
        if (message.type === 'result') {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        } else {
          for (const l of listeners.get(message.name) ?? [])
            (l as (p: unknown) => void)(message.payload);
        }
      };
    });
    open.catch(() => {
      open = null;
    });
    return open;
  };

  return {
    async invoke<K extends HandlerName>(
      name: K,
      input: InputOf<K>,
      options?: InvokeOptions,
    ): Promise<Result<OutputOf<K>>> {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'IO_ERROR',
            message: error instanceof Error ? error.message : String(error),
          },
        };
      }
      const id = nextId++;
      const message: InvokeMessage = {
        type: 'invoke',
        id,
        name,
        input,
        ...(options?.background ? { background: true as const } : {}),
      };
      const text = JSON.stringify(message);
      // Count UTF-8 bytes as the server will (a character is at most 3 bytes per UTF-16 unit).
      if (text.length * 3 > MAX_MESSAGE_BYTES && utf8Length(text) > MAX_MESSAGE_BYTES) {
        return {
          ok: false,
          error: {
            code: 'BAD_INPUT',
            message: `this request is too large to send (over ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB)`,
          },
        };
      }
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        ws.send(text);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (payload: never) => void);
      void connect().catch(() => undefined);
      return () => {
        set.delete(listener as (payload: never) => void);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}
