import { realFft } from '../dsp/fft';
import { hann } from '../dsp/window';

/** Lowest and highest frequency the measure looks at (Hz). */
const LOW_HZ = 150;
const HIGH_HZ = 16000;
/** Neighbouring bins per group. */
const GROUP = 16;
/** Groups this far below the frame's strongest group are left out (dB). */
const RANGE_DB = 40;

/**
 * Local spectral flatness (0 … 1): the geometric over the arithmetic mean of the power in
 * groups of 16 neighbouring FFT bins, averaged over the groups of a frame and taken as
 * the median over up to `maxFrames` frames (~46 ms) spread over the sound. Within a narrow
 * band, noise of any colour has bin powers spread like χ² with two degrees of freedom,
 * whose flatness is e^−γ ≈ 0.56; tones and harmonics concentrate the power and score far
 * lower. Unlike the mel-band flatness (a white-noise detector), pink or brown noise score
 * like white noise here.
 */
export function localFlatness(x: Float32Array, sampleRate: number, maxFrames = 24): number {
  const size = 2 ** Math.max(8, Math.round(Math.log2(sampleRate * 0.046)));
  if (x.length < size) return 0;
  const fft = realFft(size);
  const win = hann(size);
  const frame = new Float64Array(size);
  const re = new Float64Array(fft.bins);
  const im = new Float64Array(fft.bins);
  const binHz = sampleRate / size;
  const lo = Math.max(1, Math.round(LOW_HZ / binHz));
  const hi = Math.min(fft.bins - 1, Math.round(Math.min(HIGH_HZ, sampleRate * 0.45) / binHz));
  const groups = Math.floor((hi - lo) / GROUP);
  if (groups < 2) return 0;
  const positions = Math.min(maxFrames, Math.floor(x.length / size));
  const step = (x.length - size) / Math.max(1, positions - 1);
  // Frame energies first: silent frames are left out.
  const starts: number[] = [];
  const energies: number[] = [];
  for (let f = 0; f < positions; f++) {
    const s = Math.round(f * step);
    let e = 0;
    for (let i = 0; i < size; i++) e += (x[s + i] as number) ** 2;
    starts.push(s);
    energies.push(e);
  }
  const loudest = Math.max(...energies);
  if (!(loudest > 0)) return 0;
  const scores: number[] = [];
  const logP = new Float64Array(groups);
  const meanP = new Float64Array(groups);
  for (let f = 0; f < starts.length; f++) {
    if ((energies[f] as number) < loudest * 1e-3) continue;
    const s = starts[f] as number;
    for (let i = 0; i < size; i++) frame[i] = (x[s + i] as number) * (win[i] as number);
    fft.forward(frame, re, im);
    let top = 0;
    for (let g = 0; g < groups; g++) {
      let sum = 0;
      let logSum = 0;
      for (let k = lo + g * GROUP; k < lo + (g + 1) * GROUP; k++) {
        const p = (re[k] as number) ** 2 + (im[k] as number) ** 2 + 1e-30;
        sum += p;
        logSum += Math.log(p);
      }
      meanP[g] = sum / GROUP;
      logP[g] = logSum / GROUP;
      if (sum / GROUP > top) top = sum / GROUP;
    }
    const floor = top * 10 ** (-RANGE_DB / 10);
    let acc = 0;
    let used = 0;
    for (let g = 0; g < groups; g++) {
      const m = meanP[g] as number;
      if (m < floor) continue;
      acc += Math.exp(logP[g] as number) / m;
      used++;
    }
    if (used > 0) scores.push(acc / used);
  }
  if (scores.length === 0) return 0;
  scores.sort((a, b) => a - b);
  return scores[Math.floor(scores.length / 2)] as number;
}
