/**
 * Onset novelty for tempo: the onset-strength curve minus its local mean (≈ 0.25 s),
 * half-wave rectified, so sustained loudness changes do not look like beats.
 */
export function novelty(flux: Float32Array, frameRate: number): Float32Array {
  const n = flux.length;
  const half = Math.max(1, Math.round(0.125 * frameRate));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (flux[i] as number);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i + half + 1);
    const mean = ((prefix[b] as number) - (prefix[a] as number)) / (b - a);
    const v = (flux[i] as number) - mean;
    out[i] = v > 0 ? v : 0;
  }
  return out;
}

/**
 * Autocorrelation of `x` for lags 0..maxLag. `circular`: the signal is one period of a
 * loop (lag wraps around); otherwise each lag is normalised by its overlap.
 */
export function autocorrelation(x: Float32Array, maxLag: number, circular: boolean): Float64Array {
  const n = x.length;
  const out = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag; lag++) {
    let s = 0;
    if (circular) {
      for (let i = 0; i < n; i++) {
        const j = i + lag;
        s += (x[i] as number) * (x[j < n ? j : j % n] as number);
      }
      out[lag] = s / n;
    } else {
      const m = n - lag;
      if (m <= 0) break;
      for (let i = 0; i < m; i++) s += (x[i] as number) * (x[i + lag] as number);
      out[lag] = s / m;
    }
  }
  return out;
}

/** Linear interpolation into an array at a fractional index (0 outside). */
export function at(x: ArrayLike<number>, pos: number): number {
  if (pos < 0 || pos > x.length - 1) return 0;
  const i = Math.floor(pos);
  const f = pos - i;
  const a = x[i] as number;
  return f === 0 ? a : a + f * ((x[i + 1] as number) - a);
}
