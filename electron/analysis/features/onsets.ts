/**
 * Onset times from the onset-strength curve (FrameFeatures.flux): local maxima that
 * stand out from their neighbourhood and from the loudest onset.
 */
export interface OnsetOptions {
  /** Half-width of the local-maximum test (s). */
  maxWindowSec?: number;
  /** Half-width of the local-mean threshold (s). */
  meanWindowSec?: number;
  /** Minimum height above the local mean, as a fraction of the strongest onset. */
  delta?: number;
  /** Minimum height as a fraction of the strongest onset. */
  floor?: number;
  /** Minimum gap between onsets (s). */
  minGapSec?: number;
}

export function detectOnsets(
  flux: Float32Array,
  frameRate: number,
  opts: OnsetOptions = {},
): number[] {
  const n = flux.length;
  let max = 0;
  for (let i = 0; i < n; i++) if ((flux[i] as number) > max) max = flux[i] as number;
  if (max <= 0) return [];
  const wMax = Math.max(1, Math.round((opts.maxWindowSec ?? 0.03) * frameRate));
  const wMean = Math.max(1, Math.round((opts.meanWindowSec ?? 0.1) * frameRate));
  const delta = (opts.delta ?? 0.07) * max;
  const floor = (opts.floor ?? 0.1) * max;
  const minGap = Math.max(1, Math.round((opts.minGapSec ?? 0.03) * frameRate));
  // Running sums for the local mean.
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (flux[i] as number);
  const out: number[] = [];
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = flux[i] as number;
    if (v < floor) continue;
    let isMax = true;
    for (let j = Math.max(0, i - wMax); j <= Math.min(n - 1, i + wMax); j++) {
      if ((flux[j] as number) > v || ((flux[j] as number) === v && j < i)) {
        isMax = false;
        break;
      }
    }
    if (!isMax) continue;
    const a = Math.max(0, i - wMean);
    const b = Math.min(n, i + wMean + 1);
    const mean = ((prefix[b] as number) - (prefix[a] as number)) / (b - a);
    if (v < mean + delta) continue;
    if (i - last < minGap) continue;
    out.push(i / frameRate);
    last = i;
  }
  return out;
}

/** Onset-strength value at each onset time, relative to the strongest onset (0 … 1). */
export function onsetStrengths(flux: Float32Array, frameRate: number, onsets: number[]): number[] {
  const values = onsets.map(
    (t) => flux[Math.min(flux.length - 1, Math.round(t * frameRate))] as number,
  );
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? v / max : 0));
}
