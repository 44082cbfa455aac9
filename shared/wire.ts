import type { EventName, Events } from './contract';
import type { Result } from './result';

/** Messages of the web-mode WebSocket: requests from the page, results and events from the server. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  name: string;
  input: unknown;
}

export type ClientMessage = InvokeMessage;

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; name: E; payload: Events[E] } }[EventName];

export const WS_PATH = '/ws';
export const AUDIO_PATH = '/media/audio/';
