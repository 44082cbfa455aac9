import { decimate } from '../dsp/decimator';
import type { EnvelopeFeatures } from '../features/envelope';
import { yinFor } from './yin';

export interface PitchEstimate {
  /** Nearest MIDI note of the median pitch. */
  midi: number;
  /** Median pitch minus `midi`, in cents. */
  cents: number;
  /** Median fundamental (Hz). */
  hz: number;
  /** 0 … 1: voiced share × periodicity × stability of the frames. */
  confidence: number;
}

const TARGET_RATE = 11025;
const MIN_HZ = 27;
const MAX_HZ = 2100;
const FRAMES = 12;
/**
 * A period found at the longest lag searched (the lowest frequency) is not trusted: the
 * difference function was still falling there, so the true period lies beyond the range
 * (seen on low drawbar-organ notes, whose 16′ sub-octave read as 27 Hz).
 */
const EDGE_HZ = MIN_HZ * 1.03;

/**
 * Root pitch of a (one-shot) sound: YIN on up to 12 frames of its sustained part (from
 * 30 ms after the main peak until the envelope has fallen 30 dB), on the signal
 * decimated to ~11 kHz. Returns null when nothing periodic is found.
 */
export function estimatePitch(
  x: Float32Array,
  sampleRate: number,
  env: EnvelopeFeatures,
): PitchEstimate | null {
  if (env.peak <= 0) return null;
  const factor = Math.max(1, Math.round(sampleRate / TARGET_RATE));
  const first = pitchAt(x, sampleRate, env, factor);
  // High notes have periods of a few samples at ~11 kHz: refine at a higher rate.
  if (first && factor > 1 && first.hz * 24 > sampleRate / factor) {
    const fine = Math.max(1, Math.floor(sampleRate / (first.hz * 24)));
    if (fine < factor) {
      const again = pitchAt(x, sampleRate, env, fine);
      if (
        again &&
        Math.abs(again.midi + again.cents / 100 - (first.midi + first.cents / 100)) < 0.6
      )
        return again;
    }
  }
  return first;
}

function pitchAt(
  x: Float32Array,
  sampleRate: number,
  env: EnvelopeFeatures,
  factor: number,
): PitchEstimate | null {
  const rate = sampleRate / factor;
  // The frames lie in the region around the main peak (0.2 s before, 1.8 s after).
  const peakSample = Math.round((env.peakIndex / env.rate) * sampleRate);
  const s0 = Math.max(0, peakSample - Math.round(0.2 * sampleRate));
  const s1 = Math.min(x.length, peakSample + Math.round(1.8 * sampleRate));
  const seg = x.subarray(s0, s1);
  const yLength = Math.ceil(seg.length / factor);
  const window = Math.round(rate * 0.08);
  const yin = yinFor(rate, MIN_HZ, Math.min(MAX_HZ, rate / 4), window);
  // Sustained region (in envelope points → samples of y).
  const toY = (p: number): number => Math.round((p / env.rate) * rate - s0 / factor);
  const from = toY(env.peakIndex) + Math.round(0.03 * rate);
  let endPoint = env.peakIndex;
  const thr = env.peak * 10 ** (-30 / 20);
  for (let p = env.env.length - 1; p > env.peakIndex; p--) {
    if ((env.env[p] as number) >= thr) {
      endPoint = p;
      break;
    }
  }
  const to = Math.min(yLength - yin.span, toY(endPoint) - yin.span, from + Math.round(1.5 * rate));
  const starts: number[] = [];
  if (to <= from) {
    // Too short for a full frame after the attack: take the one frame that fits best.
    starts.push(Math.max(0, Math.min(from, yLength - yin.span)));
  } else {
    const count = Math.min(FRAMES, 1 + Math.floor((to - from) / (window / 2)));
    for (let i = 0; i < count; i++)
      starts.push(Math.round(from + ((to - from) * i) / Math.max(1, count - 1)));
  }
  // Only the samples the frames read are decimated (each the same as in a full decimation).
  const y = decimate(
    seg,
    factor,
    starts[0] as number,
    (starts[starts.length - 1] as number) + yin.span,
  );
  const midis: number[] = [];
  const weights: number[] = [];
  let apSum = 0;
  let totalEnergy = 0;
  for (const s of starts) {
    const fr = yin.analyze(y, s);
    let e = 0;
    for (let i = s; i < Math.min(y.length, s + window); i++) e += (y[i] as number) ** 2;
    totalEnergy += e;
    if (fr.f0 > EDGE_HZ && fr.aperiodicity < 0.35) {
      midis.push(69 + 12 * Math.log2(fr.f0 / 440));
      weights.push(e);
      apSum += fr.aperiodicity;
    }
  }
  if (midis.length === 0) return null;
  // The pitch that holds most of the voiced energy (within half a semitone): the note a
  // bass "drop" or a sliding note starts on, where the loud part of the sound is.
  let voicedEnergy = 0;
  for (const w of weights) voicedEnergy += w;
  let best = 0;
  let bestW = -1;
  midis.forEach((m, i) => {
    let w = 0;
    midis.forEach((o, j) => {
      if (Math.abs(o - m) < 0.5) w += weights[j] as number;
    });
    if (w > bestW + 1e-12 * voicedEnergy || (i === 0 && bestW < 0)) {
      bestW = w;
      best = i;
    }
  });
  const centre = midis[best] as number;
  const cluster = midis.filter((m) => Math.abs(m - centre) < 0.5).sort((p, q) => p - q);
  const median = cluster[Math.floor(cluster.length / 2)] as number;
  const stable = voicedEnergy > 0 ? bestW / voicedEnergy : cluster.length / midis.length;
  const voiced = totalEnergy > 0 ? voicedEnergy / totalEnergy : midis.length / starts.length;
  const periodicity = 1 - apSum / midis.length / 0.35;
  const midi = Math.round(median);
  return {
    midi,
    cents: Math.round((median - midi) * 100),
    hz: 440 * 2 ** ((median - 69) / 12),
    confidence: Math.max(0, Math.min(1, voiced * stable * (0.5 + 0.5 * periodicity))),
  };
}
