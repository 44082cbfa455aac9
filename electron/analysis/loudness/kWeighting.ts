/**
 * K-weighting of ITU-R BS.1770-4 for any sample rate.
 *
 * The standard gives biquad coefficients for 48 kHz only. Both stages are re-derived from
 * their analog prototypes with the bilinear transform (the method libebur128 and ffmpeg
 * use): a high-shelf "pre-filter" (+4 dB above ~1.7 kHz) and the RLB high-pass (~38 Hz).
 * At 48 kHz the result equals the published coefficients to 1e-8.
 */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

const SHELF_F0 = 1681.974450955533;
const SHELF_GAIN_DB = 3.999843853973347;
const SHELF_Q = 0.7071752369554196;
const HP_F0 = 38.13547087602444;
const HP_Q = 0.5003270373238773;

export function kWeightingFilters(sampleRate: number): [Biquad, Biquad] {
  let k = Math.tan((Math.PI * SHELF_F0) / sampleRate);
  const vh = 10 ** (SHELF_GAIN_DB / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / SHELF_Q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / SHELF_Q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / SHELF_Q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / SHELF_Q + k * k) / a0,
  };
  k = Math.tan((Math.PI * HP_F0) / sampleRate);
  a0 = 1 + k / HP_Q + k * k;
  const highPass: Biquad = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / HP_Q + k * k) / a0,
  };
  return [shelf, highPass];
}

/** Magnitude response of a biquad at `freq` Hz (for tests and documentation). */
export function biquadGain(f: Biquad, freq: number, sampleRate: number): number {
  const w = (2 * Math.PI * freq) / sampleRate;
  const cos1 = Math.cos(w);
  const sin1 = Math.sin(w);
  const cos2 = Math.cos(2 * w);
  const sin2 = Math.sin(2 * w);
  const nr = f.b0 + f.b1 * cos1 + f.b2 * cos2;
  const ni = -(f.b1 * sin1 + f.b2 * sin2);
  const dr = 1 + f.a1 * cos1 + f.a2 * cos2;
  const di = -(f.a1 * sin1 + f.a2 * sin2);
  return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
}
