/**
 * Crackle: random clicks — over a steady noise floor (a worn record's crackle and hiss) or
 * in silence — with no pulse and no pitch. Random events always give the tempo estimator
 * some best tempo and the kind model many events; they are noise: tag `noise`, no tempo,
 * no loop, no class heard in the audio (quality/steadyNoise.ts covers noise without
 * events). The pulse test is tempo/pulseReality.ts.
 */
import {
  NOISE_MAX_DRIFT_DB,
  NOISE_MAX_LEVEL_STD_DB,
  NOISE_MAX_PITCH_CONFIDENCE,
  NOISE_MIN_FLATNESS,
} from './steadyNoise';

export interface CrackleEvidence {
  durationSec: number;
  /** Frame energies of the analysis STFT (power, linear). */
  frameEnergy: ArrayLike<number>;
  frameRate: number;
  /** Separate events in the amplitude envelope (kind/envelopePeaks.ts). */
  events: number;
  /** Pitch confidence of the sound (0 when none). */
  pitchConfidence: number;
  /** Share of the sound within 30 dB of its loudest sample (quality/activeSeconds.ts). */
  activeShare: number;
  /** Local spectral flatness (quality/localFlatness.ts); computed only when needed. */
  localFlatness: () => number;
  /** Whether a real pulse is in the onsets (tempo/pulseReality.ts); computed only when needed. */
  pulse: () => boolean;
}

/** Shortest sound judged (s): below two beats at 200 BPM nothing can be a loop anyway. */
export const CRACKLE_MIN_SEC = 1;
/** A pitch at least this clear is not crackle. */
export const CRACKLE_MAX_PITCH_CONFIDENCE = NOISE_MAX_PITCH_CONFIDENCE;
/** The floor under the clicks: running median of the frame level over this long (s). */
export const FLOOR_MEDIAN_SEC = 0.1;
/** Most the floor may wander (standard deviation, dB) and drift (dB), as for steady noise. */
export const FLOOR_MAX_STD_DB = NOISE_MAX_LEVEL_STD_DB;
export const FLOOR_MAX_DRIFT_DB = NOISE_MAX_DRIFT_DB;
/** The floor's spectrum is noise from this local flatness on (as quality/steadyNoise.ts). */
export const FLOOR_MIN_FLATNESS = NOISE_MIN_FLATNESS;
/** Crackle is many clicks: at least this many events (a tambourine's jingles or a 3D printer's ticks make 4–5). */
export const CLICKS_MIN_EVENTS = 8;
/** Clicks in silence are together within 30 dB of the peak for less than this share of the sound (drum hits ring longer). */
export const CLICKS_MAX_ACTIVE_SHARE = 0.1;
/**
 * Clicks over noise stand out of the floor: the loudest 2 % of the frames at least this
 * far above the median frame (dB; record crackle 11–21, a snare roll 8.5, a crowd 3).
 */
export const CLICKS_ABOVE_FLOOR_DB = 10;

function runningMedian(x: readonly number[], width: number): number[] {
  const h = Math.floor(width / 2);
  return x.map((_, i) => {
    const w = x.slice(Math.max(0, i - h), i + h + 1).sort((a, b) => a - b);
    return w[w.length >> 1] as number;
  });
}

/** Whether clicks stand out of a floor whose level stays put over the middle 80 % of the sound. */
function steadyFloor(e: CrackleEvidence): boolean {
  const n = e.frameEnergy.length;
  const a = Math.floor(n * 0.1);
  const b = Math.ceil(n * 0.9);
  if (b - a < 8) return false;
  const db: number[] = [];
  for (let i = a; i < b; i++) db.push(10 * Math.log10(Math.max(1e-20, e.frameEnergy[i] as number)));
  const sorted = [...db].sort((p, q) => p - q);
  const q = (f: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] as number;
  if (q(0.98) - q(0.5) < CLICKS_ABOVE_FLOOR_DB) return false;
  const floor = runningMedian(db, Math.max(1, Math.round(FLOOR_MEDIAN_SEC * e.frameRate)) | 1);
  const avg = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
  const mean = avg(floor);
  const std = Math.sqrt(avg(floor.map((v) => (v - mean) ** 2)));
  if (std > FLOOR_MAX_STD_DB) return false;
  const k = Math.max(1, Math.floor(floor.length / 8));
  return Math.abs(avg(floor.slice(-k)) - avg(floor.slice(0, k))) <= FLOOR_MAX_DRIFT_DB;
}

export function isCrackle(e: CrackleEvidence): boolean {
  if (e.durationSec < CRACKLE_MIN_SEC || e.events < CLICKS_MIN_EVENTS) return false;
  if (e.pitchConfidence >= CRACKLE_MAX_PITCH_CONFIDENCE) return false;
  const clicksInSilence = e.events >= CLICKS_MIN_EVENTS && e.activeShare < CLICKS_MAX_ACTIVE_SHARE;
  const overNoise = !clicksInSilence && steadyFloor(e) && e.localFlatness() >= FLOOR_MIN_FLATNESS;
  return (clicksInSilence || overNoise) && !e.pulse();
}
