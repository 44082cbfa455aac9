/**
 * Steady noise: hiss, white / pink / brown noise, dither — a sound with no events, no
 * pitch and a level that stays put, whose spectrum is noise in every band. It gets the
 * `noise` tag; no class is heard in it and no tempo (there is no pulse).
 */
export interface NoiseEvidence {
  durationSec: number;
  /** Frame energies of the analysis STFT (power, linear). */
  frameEnergy: ArrayLike<number>;
  /** Separate events in the amplitude envelope (kind/envelopePeaks.ts). */
  events: number;
  /** Pitch confidence of the sound (pitch/rootNote.ts; 0 when none): distorted basses are noisy but pitched. */
  pitchConfidence: number;
  /** Local spectral flatness (quality/localFlatness.ts): ≈ 0.56–0.62 for noise of any colour; computed only when needed. */
  localFlatness: () => number;
}

/** Shortest sound called steady noise (s). */
export const NOISE_MIN_SEC = 0.5;
/** Local flatness from which the spectrum counts as noise (applause ≈ 0.57, crowd ≈ 0.53, swooshes ≈ 0.3). */
export const NOISE_MIN_FLATNESS = 0.5;
/** A pitch at least this clear is not noise (distorted basses read 0.8–0.9). */
export const NOISE_MAX_PITCH_CONFIDENCE = 0.3;
/** Most the frame level may wander over the middle 80 % of the sound (standard deviation, dB). */
export const NOISE_MAX_LEVEL_STD_DB = 3;
/** Most the level may rise or fall from the start to the end of that middle part (dB). */
export const NOISE_MAX_DRIFT_DB = 6;

export function isSteadyNoise(e: NoiseEvidence): boolean {
  if (e.durationSec < NOISE_MIN_SEC || e.events > 1) return false;
  if (e.pitchConfidence >= NOISE_MAX_PITCH_CONFIDENCE) return false;
  const n = e.frameEnergy.length;
  const a = Math.floor(n * 0.1);
  const b = Math.ceil(n * 0.9);
  if (b - a < 8) return false;
  const db: number[] = [];
  for (let i = a; i < b; i++) db.push(10 * Math.log10(Math.max(1e-20, e.frameEnergy[i] as number)));
  const mean = db.reduce((s, v) => s + v, 0) / db.length;
  const std = Math.sqrt(db.reduce((s, v) => s + (v - mean) ** 2, 0) / db.length);
  if (std > NOISE_MAX_LEVEL_STD_DB) return false;
  // Drift: the mean of the first and last eighths of the middle part.
  const k = Math.max(1, Math.floor(db.length / 8));
  const avg = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
  if (Math.abs(avg(db.slice(-k)) - avg(db.slice(0, k))) > NOISE_MAX_DRIFT_DB) return false;
  return e.localFlatness() >= NOISE_MIN_FLATNESS;
}
