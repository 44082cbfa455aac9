import type { EventName, Events } from './contract';
import type { Result } from './result';

/** Messages of the web-mode WebSocket: requests from the page, results and events from the server. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  name: string;
  input: unknown;
  /** The page sent it by itself, not the user (InvokeOptions.background). */
  background?: true;
}

export type ClientMessage = InvokeMessage;

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; name: E; payload: Events[E] } }[EventName];

export const WS_PATH = '/ws';
/** Where web mode serves a sample's audio, and its waveform peaks (the SMPK binary). */
export const AUDIO_PATH = '/media/audio/';
export const PEAKS_PATH = '/media/peaks/';

/**
 * The desktop app's `sample://` scheme: `sample://audio/<id>` (the sample's file) and
 * `sample://peaks/<id>` (its peaks). A URL names a sample by id only, never a path;
 * `electron/media/sampleUrl.ts` parses what the protocol receives.
 */
export const SAMPLE_SCHEME = 'sample';
export const SAMPLE_RESOURCES = ['audio', 'peaks'] as const;
export type SampleResource = (typeof SAMPLE_RESOURCES)[number];

/** The `sample://` URL of a sample's audio or peaks. */
export function sampleUrl(resource: SampleResource, sampleId: number): string {
  if (!Number.isSafeInteger(sampleId) || sampleId < 1) {
    throw new RangeError(`not a sample id: ${String(sampleId)}`);
  }
  return `${SAMPLE_SCHEME}://${resource}/${sampleId}`;
}

/** The largest WebSocket message either side accepts (bytes); larger ones close the socket with 1009. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** WebSocket close code for a message over the limit (RFC 6455). */
export const CLOSE_TOO_BIG = 1009;
