import { parseKey, parseNoteName, relativeKey, type MusicalKey } from '../../shared/music';
import { TONAL_CLASSES, type SampleClass, type SampleKind } from '../../shared/taxonomy';

/** The project the producer is working in: what "sync" auditions to. */
export interface SyncSettings {
  enabled: boolean;
  bpm: number;
  /** "A minor" etc.; null: do not transpose. */
  key: string | null;
}

export interface SyncSubject {
  kind: SampleKind | null;
  bpm: number | null;
  key: string | null;
  rootNote: string | null;
  class: SampleClass | null;
}

/**
 * How to play a sample in sync:
 * - `direct`: as it is;
 * - `stretch`: loops, time-stretched by `rate` with the pitch kept (granular), then
 *   transposed by `semitones`;
 * - `repitch`: tonal one-shots played faster/slower like a sampler (`rate` = 2^(st/12)).
 */
export interface SyncPlan {
  engine: 'direct' | 'stretch' | 'repitch';
  rate: number;
  semitones: number;
  /** Why (shown as a tooltip next to the sync toggle). */
  note: string;
}

const DIRECT: SyncPlan = { engine: 'direct', rate: 1, semitones: 0, note: 'original' };

/**
 * Tempo ratio from a loop's BPM to the project's, folded by octaves into [0.75, 1.5)
 * so that a 170 BPM loop plays half-time in an 85 BPM project instead of at half speed.
 */
export function stretchRatio(sampleBpm: number, projectBpm: number): number {
  if (!(sampleBpm > 0) || !(projectBpm > 0)) return 1;
  let r = projectBpm / sampleBpm;
  while (r >= 1.5) r /= 2;
  while (r < 0.75) r *= 2;
  return r;
}

/** Smallest transposition (−5…+6 semitones) from pitch class `from` to `to`. */
export function intervalBetween(from: number, to: number): number {
  const d = (((to - from) % 12) + 12) % 12;
  return d > 6 ? d - 12 : d;
}

/** Semitones that bring a key onto the project key (modes matched through the relative key). */
export function keyShift(sample: MusicalKey, project: MusicalKey): number {
  const aligned = sample.mode === project.mode ? sample : relativeKey(sample);
  return intervalBetween(aligned.tonic, project.tonic);
}

function isTonal(s: SyncSubject): boolean {
  if (s.class) return TONAL_CLASSES.includes(s.class);
  return s.key !== null || s.rootNote !== null;
}

/** The pitch class of a sample's root: its root note, else its key's tonic. */
function rootOf(s: SyncSubject): MusicalKey | null {
  if (s.key) {
    const k = parseKey(s.key);
    if (k) return k;
  }
  if (s.rootNote) {
    const midi = parseNoteName(s.rootNote);
    if (midi !== null) return { tonic: midi % 12, mode: 'major' };
  }
  return null;
}

export function syncPlan(subject: SyncSubject, settings: SyncSettings): SyncPlan {
  if (!settings.enabled) return DIRECT;
  const projectKey = settings.key ? parseKey(settings.key) : null;
  const root = isTonal(subject) ? rootOf(subject) : null;
  if (subject.kind === 'loop') {
    if (!subject.bpm) return { ...DIRECT, note: 'no BPM known: plays as recorded' };
    const rate = stretchRatio(subject.bpm, settings.bpm);
    const semitones = root && projectKey && subject.key ? keyShift(root, projectKey) : 0;
    return {
      engine: 'stretch',
      rate,
      semitones,
      note: `stretched ×${rate.toFixed(3)}${semitones ? `, ${signed(semitones)} st` : ''}`,
    };
  }
  if (root && projectKey) {
    // One-shot root notes carry no mode: compare the tonic with the project tonic.
    const semitones = subject.key
      ? keyShift(root, projectKey)
      : intervalBetween(root.tonic, projectKey.tonic);
    return {
      engine: semitones === 0 ? 'direct' : 'repitch',
      rate: 2 ** (semitones / 12),
      semitones,
      note: semitones === 0 ? 'already in key' : `repitched ${signed(semitones)} st`,
    };
  }
  return { ...DIRECT, note: root ? 'no project key set' : 'not tonal: plays as recorded' };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Seconds between metronome clicks at a tempo. */
export function beatSeconds(bpm: number): number {
  return 60 / Math.max(20, Math.min(400, bpm));
}
