/** RBJ-cookbook biquad filters, applied in place (dataset augmentation and the drum synthesiser). */
export type BiquadKind = 'lowpass' | 'highpass' | 'bandpass';

/** Filters `x` in place with a biquad of the given kind, corner / centre `freq` (Hz) and `q`. */
export function biquad(
  x: Float32Array,
  sampleRate: number,
  kind: BiquadKind,
  freq: number,
  q = Math.SQRT1_2,
): Float32Array {
  const w = (2 * Math.PI * Math.min(freq, sampleRate * 0.45)) / sampleRate;
  const cos = Math.cos(w);
  const alpha = Math.sin(w) / (2 * q);
  const a0 = 1 + alpha;
  let b0: number, b1: number, b2: number;
  if (kind === 'lowpass') {
    b0 = b2 = (1 - cos) / 2 / a0;
    b1 = (1 - cos) / a0;
  } else if (kind === 'highpass') {
    b1 = -(1 + cos) / a0;
    b0 = b2 = -b1 / 2;
  } else {
    b0 = alpha / a0;
    b1 = 0;
    b2 = -b0;
  }
  const a1 = (-2 * cos) / a0;
  const a2 = (1 - alpha) / a0;
  let x1 = 0,
    x2 = 0,
    y1 = 0,
    y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const x0 = x[i] as number;
    const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
    x[i] = y0;
  }
  return x;
}
