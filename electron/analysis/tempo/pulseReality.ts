/**
 * Is a pulse really there? Random events — the crackle of a record, rain, a Geiger
 * counter — always give the tempo estimator some best tempo (their onset autocorrelation
 * is flat, and the prior and the bar fit pick a point on it). A pulse is real only when
 * the onset novelty is more periodic than the same novelty values in random order:
 * surrogates that keep how many events there are and how strong, and lose only their
 * timing. The test compares the best beat salience of the novelty over the tempo range
 * with the best one of each surrogate (seeded, so the answer is reproducible).
 */
import { seededRandom } from '../../../shared/random';
import { at, autocorrelation } from './novelty';

export interface PulseOptions {
  /** The novelty is one period of a loop (circular autocorrelation). */
  loop: boolean;
  minBpm?: number;
  maxBpm?: number;
  /** Surrogates drawn (default 24). */
  surrogates?: number;
  /** At most this many seconds of novelty are tested (default 30; the cost grows with it). */
  maxSec?: number;
}

export interface PulseEvidence {
  /** Best beat salience of the novelty over the tempo range (normalised autocorrelation comb). */
  observed: number;
  /** Mean and standard deviation of the same for the shuffled surrogates. */
  surrogateMean: number;
  surrogateStd: number;
  /** (observed − surrogate mean) / surrogate std; 0 when undefined. */
  z: number;
}

/** How many surrogate standard deviations above random timing a real pulse stands (see docs/analysis.md). */
export const PULSE_MIN_Z = 3;

/** Best comb salience acf(l) + ½ acf(2l) + ¼ acf(4l) over the beat lags of the tempo range. */
function bestSalience(
  x: Float32Array,
  frameRate: number,
  loop: boolean,
  minBpm: number,
  maxBpm: number,
): number {
  const n = x.length;
  const lagMin = (60 * frameRate) / maxBpm;
  const lagMax = (60 * frameRate) / minBpm;
  const need = Math.min(n - 1, Math.ceil(4 * lagMax) + 1);
  const acf = autocorrelation(x, need, loop);
  const a0 = acf[0] as number;
  if (!(a0 > 0)) return 0;
  const acfAt = (lag: number): number => {
    // lag % n ≤ lag ≤ need: no lag beyond those computed is asked for.
    if (loop) return at(acf, lag % n) / a0;
    return lag <= need ? at(acf, lag) / a0 : 0;
  };
  let best = 0;
  for (let lag = lagMin; lag <= lagMax; lag += 0.5) {
    const s = acfAt(lag) + 0.5 * acfAt(2 * lag) + 0.25 * acfAt(4 * lag);
    if (s > best) best = s;
  }
  return best;
}

/** Evidence for a real pulse in an onset novelty curve (tempo/novelty.ts). */
export function pulseEvidence(
  nov: Float32Array,
  frameRate: number,
  opts: PulseOptions,
): PulseEvidence {
  const minBpm = opts.minBpm ?? 50;
  const maxBpm = opts.maxBpm ?? 220;
  const k = opts.surrogates ?? 24;
  const cap = Math.round((opts.maxSec ?? 30) * frameRate);
  const x = nov.length > cap ? nov.subarray(0, cap) : nov;
  // A long excerpt cut to `cap` is no longer one loop period.
  const loop = opts.loop && x.length === nov.length;
  const none = { observed: 0, surrogateMean: 0, surrogateStd: 0, z: 0 };
  if (x.length < 8) return none;
  const observed = bestSalience(x, frameRate, loop, minBpm, maxBpm);
  const rand = seededRandom(0x5eed + x.length);
  const shuffled = Float32Array.from(x);
  const values: number[] = [];
  for (let s = 0; s < k; s++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = shuffled[i] as number;
      shuffled[i] = shuffled[j] as number;
      shuffled[j] = t;
    }
    values.push(bestSalience(shuffled, frameRate, loop, minBpm, maxBpm));
  }
  const mean = values.reduce((a, v) => a + v, 0) / k;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / k);
  const z = std > 0 ? (observed - mean) / std : observed > mean ? Infinity : 0;
  return { observed, surrogateMean: mean, surrogateStd: std, z };
}

export interface GridOptions {
  /** Length of the loop (s): grid steps divide it (the grid wraps with the loop). */
  durationSec: number;
  minBpm?: number;
  maxBpm?: number;
  surrogates?: number;
}

/** Shortest grid step tested (s): 16th triplets at 220 BPM are 45 ms. */
const MIN_STEP_SEC = 0.045;

/**
 * Strength-weighted phase coherence of onset times on a grid of `step` seconds
 * (Rayleigh statistic: N_eff · R², about 1 for random times, N_eff for times on the grid).
 */
function coherence(times: readonly number[], weights: readonly number[], step: number): number {
  let c = 0;
  let s = 0;
  let w = 0;
  let w2 = 0;
  for (let i = 0; i < times.length; i++) {
    const a = (2 * Math.PI * (times[i] as number)) / step;
    const wi = weights[i] as number;
    c += wi * Math.cos(a);
    s += wi * Math.sin(a);
    w += wi;
    w2 += wi * wi;
  }
  if (!(w > 0)) return 0;
  const r2 = (c * c + s * s) / (w * w);
  return r2 * ((w * w) / w2);
}

/** Best coherence over the grids that divide the loop: every beat count in the tempo range, each subdivided 1–4 or 6 times. */
function bestGrid(
  times: readonly number[],
  weights: readonly number[],
  durationSec: number,
  minBpm: number,
  maxBpm: number,
): number {
  let best = 0;
  const seen = new Set<number>();
  const beatsMin = Math.max(1, Math.ceil((durationSec * minBpm) / 60));
  const beatsMax = Math.floor((durationSec * maxBpm) / 60);
  for (let beats = beatsMin; beats <= beatsMax; beats++)
    for (const sub of [1, 2, 3, 4, 6]) {
      const m = beats * sub;
      if (seen.has(m) || durationSec / m < MIN_STEP_SEC) continue;
      seen.add(m);
      best = Math.max(best, coherence(times, weights, durationSec / m));
    }
  return best;
}

/**
 * Evidence that the onsets of a loop sit on a metrical grid: the loop's length divided
 * into whole beats (at a tempo in range) and those into 8ths, 16ths or triplets. A one-bar
 * pattern that never repeats inside the file has no periodicity to find (pulseEvidence),
 * but its hits still sit on the grid; random clicks do not. Surrogates: the same onset
 * strengths at uniformly random times.
 */
export function gridEvidence(
  onsets: readonly number[],
  strengths: readonly number[],
  opts: GridOptions,
): PulseEvidence {
  const none = { observed: 0, surrogateMean: 0, surrogateStd: 0, z: 0 };
  if (onsets.length < 3 || !(opts.durationSec > 0)) return none;
  const minBpm = opts.minBpm ?? 50;
  const maxBpm = opts.maxBpm ?? 220;
  const k = opts.surrogates ?? 24;
  const w = strengths.map((v) => Math.max(0.05, v));
  const observed = bestGrid(onsets, w, opts.durationSec, minBpm, maxBpm);
  const rand = seededRandom(0x9e1d + onsets.length);
  const values: number[] = [];
  for (let s = 0; s < k; s++) {
    const t = onsets.map(() => rand() * opts.durationSec);
    values.push(bestGrid(t, w, opts.durationSec, minBpm, maxBpm));
  }
  const mean = values.reduce((a, v) => a + v, 0) / k;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / k);
  const z = std > 0 ? (observed - mean) / std : observed > mean ? Infinity : 0;
  return { observed, surrogateMean: mean, surrogateStd: std, z };
}

/**
 * Whether the onsets hold a pulse: periodic beyond random timing (pulseEvidence), or, for
 * a whole loop, sitting on a grid that divides it (gridEvidence). Either at PULSE_MIN_Z.
 */
export function hasPulse(
  nov: Float32Array,
  frameRate: number,
  onsets: readonly number[],
  strengths: readonly number[],
  opts: { loop: boolean; durationSec: number },
): boolean {
  if (pulseEvidence(nov, frameRate, { loop: opts.loop }).z >= PULSE_MIN_Z) return true;
  return (
    opts.loop && gridEvidence(onsets, strengths, { durationSec: opts.durationSec }).z >= PULSE_MIN_Z
  );
}
