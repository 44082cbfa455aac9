import type { FrameFeatures } from '../features/frameAnalysis';
import { BAND_COUNT } from '../features/frameAnalysis';
import type { TrackFrame } from '../pitch/pitchTrack';
import type { PitchEstimate } from '../pitch/rootNote';

/** One note held from start to end: what a loop is not. */
export interface HeldNote {
  /** MIDI note of the held pitch (the most common octave of its pitch class). */
  midi: number;
  /** Median deviation from `midi` in cents. */
  cents: number;
  /** Share of the sounding frames on that pitch class (0 … 1). */
  share: number;
}

/** Frames within this many dB of the loudest are "sounding". */
const ACTIVE_DB = 30;
/** At least this many sounding track frames (100 ms each). */
const MIN_ACTIVE = 8;
/** Share of sounding frames that must be periodic. */
const MIN_VOICED = 0.9;
/** Share of periodic frames that must sit on one pitch class (± ½ semitone, any octave). */
const MIN_SAME_NOTE = 0.9;
/** A level rise of this much (dB) within RISE_SEC is a new attack. */
const RISE_DB = 12;
const RISE_SEC = 0.05;
/** The first attack of the note is not a re-attack. */
const SKIP_START_SEC = 0.1;
/** Rises are counted where the band is within this many dB of its loudest frame. */
const RISE_WITHIN_DB = 30;

/** Frames (after the first attack) where a level series jumps by RISE_DB to within `withinDb` of its loudest frame. */
export function reattacks(db: Float64Array, frameRate: number, withinDb = RISE_WITHIN_DB): number {
  let max = -Infinity;
  for (const v of db) if (v > max) max = v;
  const back = Math.max(1, Math.round(RISE_SEC * frameRate));
  const gap = Math.max(1, Math.round(0.05 * frameRate));
  let count = 0;
  let last = -Infinity;
  for (let i = Math.max(back, Math.round(SKIP_START_SEC * frameRate)); i < db.length; i++) {
    const v = db[i] as number;
    if (v < max - withinDb) continue;
    let low = Infinity;
    for (let j = i - back; j < i; j++) low = Math.min(low, db[j] as number);
    if (v - low >= RISE_DB && i - last > gap) {
      count++;
      last = i;
    }
  }
  return count;
}

/**
 * Level (dB) per frame of the whole spectrum, and of the bands ≥ 4 kHz (hats, snares), for
 * the frames that lie inside the excerpt (a wrapped analysis's last frames hold its start).
 */
export function levels(
  frames: FrameFeatures,
  excerptSamples: number,
): { all: Float64Array; high: Float64Array } {
  const inside = Math.floor((excerptSamples - frames.frameSize / 2) / frames.hop) + 1;
  const n = Math.max(0, Math.min(frames.frames, inside));
  const all = new Float64Array(n);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    all[i] = 10 * Math.log10((frames.energy[i] as number) + 1e-20);
    const h =
      (frames.bands[i * BAND_COUNT + 3] as number) + (frames.bands[i * BAND_COUNT + 4] as number);
    high[i] = 10 * Math.log10(h + 1e-20);
  }
  return { all, high };
}

/**
 * A single note held throughout (a sustained bass, pad or drone, its timbre moving with a
 * filter or vowel sweep but never struck again): nearly every sounding part periodic, on
 * one pitch class, and no new attack in the whole spectrum or above 4 kHz (where a drum
 * break over a sub bass shows its hits). Null otherwise.
 */
export function heldNote(
  track: readonly TrackFrame[],
  frames: FrameFeatures,
  excerptSamples: number,
): HeldNote | null {
  let max = -Infinity;
  for (const f of track) max = Math.max(max, f.db);
  const active = track.filter((f) => f.db >= max - ACTIVE_DB);
  if (active.length < MIN_ACTIVE) return null;
  const voiced = active.map((f) => f.midi).filter((m): m is number => m !== null);
  if (voiced.length < MIN_VOICED * active.length) return null;
  // Pitch class with most frames within ½ semitone (circular over the octave).
  let bestPc = 0;
  let bestCount = -1;
  for (const m of voiced) {
    const pc = ((m % 12) + 12) % 12;
    let c = 0;
    for (const o of voiced) {
      const d = Math.abs(((((o - pc) % 12) + 18) % 12) - 6);
      if (d < 0.5) c++;
    }
    if (c > bestCount) {
      bestCount = c;
      bestPc = pc;
    }
  }
  const share = bestCount / voiced.length;
  if (share < MIN_SAME_NOTE) return null;
  const { all, high } = levels(frames, excerptSamples);
  if (reattacks(all, frames.frameRate) > 0 || reattacks(high, frames.frameRate) > 0) return null;
  const onNote = voiced.filter((o) => Math.abs(((((o - bestPc) % 12) + 18) % 12) - 6) < 0.5);
  // The octave most frames are in, then the median there.
  const octaves = new Map<number, number[]>();
  for (const o of onNote) {
    const k = Math.round(o - bestPc) / 12;
    const key = Math.round(k);
    octaves.set(key, [...(octaves.get(key) ?? []), o]);
  }
  const main = [...octaves.values()].sort((a, b) => b.length - a.length)[0] as number[];
  main.sort((a, b) => a - b);
  const median = main[Math.floor(main.length / 2)] as number;
  const midi = Math.round(median);
  return { midi, cents: Math.round((median - midi) * 100), share };
}

/** The held note as a root-note estimate (its confidence: the share of frames on it). */
export function pitchOfHeldNote(h: HeldNote): PitchEstimate {
  return {
    midi: h.midi,
    cents: h.cents,
    hz: 440 * 2 ** ((h.midi + h.cents / 100 - 69) / 12),
    confidence: h.share,
  };
}
