/**
 * The renderer's entries in the browser's User Timing API (`performance.mark` /
 * `performance.measure`): they show in the DevTools performance panel, and the E2E tests
 * and the UI bench read them with `performance.getEntriesByName`. Names and details only;
 * the renderer records them (`renderer/lib/userTiming.ts`).
 */

/** A measure per search answered by the backend: request → answer; `detail` is SearchTiming. */
export const SEARCH_MEASURE = 'samplemind:search';
/** A mark when an audition is asked for (a row selected, play pressed). */
export const AUDITION_MARK = 'samplemind:audition';
/** A mark each time the audition voice starts or stops sounding; `detail` is VoiceState. */
export const VOICE_MARK = 'samplemind:voice';

export interface SearchTiming {
  /** The time the backend reports it took (ms). */
  serverMs: number;
}

/** Which voice sounds: a streamed <audio> element, a decoded buffer, the Tone.js sync voice. */
export type VoiceKind = 'media' | 'buffer' | 'tone' | null;

export interface VoiceState {
  voice: VoiceKind;
  playing: boolean;
}
