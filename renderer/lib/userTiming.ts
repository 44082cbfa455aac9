import {
  AUDITION_MARK,
  SEARCH_MEASURE,
  VOICE_MARK,
  type SearchTiming,
  type VoiceState,
} from '../../shared/userTiming';

/** Entries kept per name: the oldest are cleared past this, so a long session holds no more. */
const KEEP = 500;
const counts = new Map<string, number>();

function room(name: string, clear: (name: string) => void): void {
  const n = (counts.get(name) ?? 0) + 1;
  if (n > KEEP) {
    clear(name);
    counts.set(name, 1);
  } else counts.set(name, n);
}

/** A search answered: request at `startMs` (performance.now()) → now. */
export function measureSearch(startMs: number, timing: SearchTiming): void {
  room(SEARCH_MEASURE, (n) => performance.clearMeasures(n));
  performance.measure(SEARCH_MEASURE, { start: startMs, end: performance.now(), detail: timing });
}

/** An audition asked for. */
export function markAudition(): void {
  room(AUDITION_MARK, (n) => performance.clearMarks(n));
  performance.mark(AUDITION_MARK);
}

/** The audition voice started or stopped sounding. */
export function markVoice(state: VoiceState): void {
  room(VOICE_MARK, (n) => performance.clearMarks(n));
  performance.mark(VOICE_MARK, { detail: state });
}
