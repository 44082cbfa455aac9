/** Triangular mel filterbank over FFT bins (HTK mel scale), stored sparsely. */
export interface MelFilterbank {
  bands: number;
  /** First bin of each band. */
  start: Int32Array;
  /** Weights of each band, from its first bin on. */
  weights: Float32Array[];
  /** Centre frequency of each band in Hz. */
  centers: Float64Array;
}

export function hzToMel(hz: number): number {
  return 2595 * Math.log10(1 + hz / 700);
}

export function melToHz(mel: number): number {
  return 700 * (10 ** (mel / 2595) - 1);
}

const cache = new Map<string, MelFilterbank>();

/**
 * The shared filterbank for these parameters (built once per thread, like `realFft` and
 * `hann`); callers only read it.
 */
export function melFilterbank(
  fftSize: number,
  sampleRate: number,
  bands: number,
  fMin: number,
  fMax: number,
): MelFilterbank {
  const key = `${fftSize}/${sampleRate}/${bands}/${fMin}/${fMax}`;
  let fb = cache.get(key);
  if (!fb) {
    fb = buildMelFilterbank(fftSize, sampleRate, bands, fMin, fMax);
    cache.set(key, fb);
  }
  return fb;
}

function buildMelFilterbank(
  fftSize: number,
  sampleRate: number,
  bands: number,
  fMin: number,
  fMax: number,
): MelFilterbank {
  const bins = fftSize / 2 + 1;
  const hi = Math.min(fMax, sampleRate / 2);
  const mLo = hzToMel(fMin);
  const mHi = hzToMel(hi);
  const edges = Array.from({ length: bands + 2 }, (_, i) =>
    melToHz(mLo + ((mHi - mLo) * i) / (bands + 1)),
  );
  const binHz = sampleRate / fftSize;
  const start = new Int32Array(bands);
  const weights: Float32Array[] = [];
  const centers = new Float64Array(bands);
  for (let b = 0; b < bands; b++) {
    const lo = edges[b] as number;
    const mid = edges[b + 1] as number;
    const top = edges[b + 2] as number;
    centers[b] = mid;
    const first = Math.max(0, Math.ceil(lo / binHz));
    const last = Math.min(bins - 1, Math.floor(top / binHz));
    const w: number[] = [];
    for (let k = first; k <= last; k++) {
      const f = k * binHz;
      w.push(
        f <= mid ? (f - lo) / Math.max(1e-9, mid - lo) : (top - f) / Math.max(1e-9, top - mid),
      );
    }
    // Bands narrower than a bin still get the nearest bin, so no band is empty.
    if (w.every((v) => v <= 0)) {
      const k = Math.min(bins - 1, Math.round(mid / binHz));
      start[b] = k;
      weights.push(new Float32Array([1]));
      continue;
    }
    start[b] = first;
    weights.push(Float32Array.from(w, (v) => Math.max(0, v)));
  }
  return { bands, start, weights, centers };
}

/** Applies the filterbank to a power spectrum. */
export function applyMel(
  fb: MelFilterbank,
  power: Float32Array | Float64Array,
  out: Float64Array,
): void {
  for (let b = 0; b < fb.bands; b++) {
    const w = fb.weights[b] as Float32Array;
    const s = fb.start[b] as number;
    let acc = 0;
    for (let j = 0; j < w.length; j++) acc += (w[j] as number) * (power[s + j] as number);
    out[b] = acc;
  }
}
