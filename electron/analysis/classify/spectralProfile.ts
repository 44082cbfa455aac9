/**
 * TEMPORARY (part of the provisional feature vector, see provisionalFeatures.ts):
 * the coarse spectral shape of a sound, independent of level and of sample rates from
 * 22.05 kHz up — a 24-band mel profile from 30 Hz to 10 kHz of the whole sound and of its
 * attack (first 50 ms from the loudest frame), in dB below the loudest band, plus the
 * mean spectral crest (peak / mean power, a tonal-versus-noise cue).
 */
import { realFft } from '../dsp/fft';
import { applyMel, melFilterbank } from '../dsp/melFilterbank';
import { hann } from '../dsp/window';

export const PROFILE_BANDS = 24;
const F_MAX = 10000;

function frameSize(sampleRate: number): number {
  return 2 ** Math.max(8, Math.round(Math.log2(sampleRate * 0.046)));
}

/** Level-normalised dB profile scaled to about −1.5 … 0. */
function profileOf(acc: Float64Array): number[] {
  let max = 0;
  for (const v of acc) max = Math.max(max, v);
  return Array.from(acc, (v) =>
    max > 0 ? Math.max(-90, 10 * Math.log10(Math.max(v, 1e-30) / max)) / 60 : -1.5,
  );
}

/** [24 body bands, 24 attack bands, crest]: 49 values. */
export function spectralProfile(x: Float32Array, sampleRate: number): number[] {
  const n = frameSize(sampleRate);
  const hop = n / 2;
  const bank = melFilterbank(n, sampleRate, PROFILE_BANDS, 30, F_MAX);
  const fft = realFft(n);
  const win = hann(n);
  const frames = Math.max(1, Math.ceil(x.length / hop));
  const power = new Float64Array(n / 2 + 1);
  const mel = new Float64Array(PROFILE_BANDS);
  const melFrames: Float64Array[] = [];
  const energy = new Float64Array(frames);
  const crest = new Float64Array(frames);
  const kLo = Math.max(1, Math.round((200 * n) / sampleRate));
  const kHi = Math.min(n / 2, Math.round((F_MAX * n) / sampleRate));
  for (let t = 0; t < frames; t++) {
    fft.power(x, power, win, t * hop);
    applyMel(bank, power, mel);
    melFrames.push(Float64Array.from(mel));
    let e = 0;
    let peak = 0;
    for (let k = kLo; k <= kHi; k++) {
      const p = power[k] as number;
      e += p;
      if (p > peak) peak = p;
    }
    energy[t] = e;
    crest[t] = e > 0 ? Math.log10((peak * (kHi - kLo + 1)) / e) : 0;
  }
  let maxE = 0;
  let peakFrame = 0;
  energy.forEach((e, t) => {
    if (e > maxE) {
      maxE = e;
      peakFrame = t;
    }
  });
  const body = new Float64Array(PROFILE_BANDS);
  const attack = new Float64Array(PROFILE_BANDS);
  const attackFrames = Math.max(1, Math.round((0.05 * sampleRate) / hop));
  let crestSum = 0;
  let crestW = 0;
  for (let t = 0; t < frames; t++) {
    const e = energy[t] as number;
    if (e <= maxE * 1e-5) continue;
    const m = melFrames[t] as Float64Array;
    for (let b = 0; b < PROFILE_BANDS; b++) {
      body[b] = (body[b] as number) + (m[b] as number);
      if (t >= peakFrame && t < peakFrame + attackFrames)
        attack[b] = (attack[b] as number) + (m[b] as number);
    }
    crestSum += (crest[t] as number) * e;
    crestW += e;
  }
  return [...profileOf(body), ...profileOf(attack), crestW > 0 ? crestSum / crestW / 3 : 0];
}
