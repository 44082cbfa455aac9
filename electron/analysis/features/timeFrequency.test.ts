import { describe, expect, it } from 'vitest';
import { drumHit, sine, whiteNoise } from '../test-support/signals';
import { envelopeFeatures } from './envelope';
import {
  attackStart,
  TF_BANDS,
  TF_DECAY_DB,
  TF_DECAY_GROUPS,
  TF_FLOOR_DB,
  TF_WINDOWS,
  timeFrequencyFeatures,
} from './timeFrequency';

const sr = 44100;

function tfOf(x: Float32Array, rate = sr) {
  return timeFrequencyFeatures(x, rate, envelopeFeatures(x, rate));
}

/** Noise with an exponential decay (time constant `tau` s), after `lead` s of silence. */
function decayingNoise(tau: number, seconds: number, lead = 0, seed = 3): Float32Array {
  const n = whiteNoise(seconds, sr, 0.5, seed);
  const out = new Float32Array(Math.round(lead * sr) + n.length);
  for (let i = 0; i < n.length; i++)
    out[Math.round(lead * sr) + i] = (n[i] as number) * Math.exp(-i / sr / tau);
  return out;
}

/** `count` short noise bursts `gapMs` apart (a clap), then a decaying tail. */
function clap(count: number, gapMs: number): Float32Array {
  const out = new Float32Array(Math.round(0.4 * sr));
  const noise = whiteNoise(0.4, sr, 0.5, 9);
  for (let k = 0; k < count; k++) {
    const at = Math.round((k * gapMs * sr) / 1000);
    for (let i = 0; i < Math.round(0.004 * sr); i++)
      out[at + i] = (noise[at + i] as number) * Math.exp(-i / (0.0015 * sr));
  }
  const tail = Math.round((count * gapMs * sr) / 1000);
  for (let i = tail; i < out.length; i++)
    out[i] = (noise[i] as number) * 0.6 * Math.exp(-(i - tail) / (0.05 * sr));
  return out;
}

describe('timeFrequencyFeatures', () => {
  it('has fixed shapes and a grid normalised to its loudest cell', () => {
    const tf = tfOf(drumHit(sr, { pitch: 60, decay: 0.2 }));
    expect(tf.melDb).toHaveLength(TF_WINDOWS * TF_BANDS);
    expect(tf.centroidHz).toHaveLength(TF_WINDOWS);
    expect(tf.flatness).toHaveLength(TF_WINDOWS);
    expect(tf.decaySec).toHaveLength(TF_DECAY_GROUPS * TF_DECAY_DB.length);
    expect(Math.max(...tf.melDb)).toBeCloseTo(0, 5);
    expect(Math.min(...tf.melDb)).toBeGreaterThanOrEqual(TF_FLOOR_DB);
  });

  it('does not depend on gain', () => {
    const x = drumHit(sr, { pitch: 120, decay: 0.1, noise: 0.4 });
    const quiet = x.map((v) => v * 0.05);
    const a = tfOf(x);
    const b = tfOf(quiet);
    for (let i = 0; i < a.melDb.length; i++)
      expect(b.melDb[i]).toBeCloseTo(a.melDb[i] as number, 2);
    expect(b.lowPeakHz[0]).toBeCloseTo(a.lowPeakHz[0], 3);
  });

  it('aligns to the attack, not to the start of the file', () => {
    const x = decayingNoise(0.05, 0.5, 0.25);
    expect(attackStart(envelopeFeatures(x, sr), sr) / sr).toBeCloseTo(0.25, 2);
    const a = tfOf(decayingNoise(0.05, 0.5));
    const b = tfOf(x);
    for (let i = 0; i < a.melDb.length; i++)
      expect(Math.abs((b.melDb[i] as number) - (a.melDb[i] as number))).toBeLessThan(3);
  });

  it('times the decay per band: a long high-band tail (cymbal) vs a short one (closed hat)', () => {
    const hat = tfOf(decayingNoise(0.03, 0.6));
    const cymbal = tfOf(decayingNoise(0.6, 2.5));
    const top = (TF_DECAY_GROUPS - 1) * TF_DECAY_DB.length;
    expect(hat.decaySec[top]).toBeLessThan(0.2);
    expect(cymbal.decaySec[top]).toBeGreaterThan(1);
    // the late window of the hat is at the floor, the cymbal's is within 40 dB of its peak
    const late = (TF_WINDOWS - 1) * TF_BANDS + TF_BANDS - 2;
    expect(hat.melDb[late]).toBeLessThan(-60);
    expect(cymbal.melDb[late]).toBeGreaterThan(-40);
    expect(cymbal.flatness[0]).toBeGreaterThan(0.5);
  });

  it('counts the bursts of a clap and finds one in a single hit', () => {
    expect(tfOf(clap(4, 10)).bursts).toBeGreaterThanOrEqual(3);
    expect(tfOf(clap(4, 10)).roughness).toBeGreaterThan(tfOf(decayingNoise(0.1, 0.4)).roughness);
    expect(tfOf(decayingNoise(0.1, 0.4)).bursts).toBe(1);
    // a kick with a little click, a snare-like hit and a mid tone are one burst each (a pure
    // low sine can still ripple the 2 ms envelope into two or three)
    expect(tfOf(drumHit(sr, { pitch: 55, decay: 0.3, noise: 0.2 })).bursts).toBe(1);
    expect(tfOf(drumHit(sr, { pitch: 180, decay: 0.1, noise: 0.6 })).bursts).toBe(1);
    expect(tfOf(drumHit(sr, { pitch: 400, decay: 0.3, noise: 0 })).bursts).toBe(1);
  });

  it('follows the low pitch: a kick-like sweep falls, a steady tone stays', () => {
    const kick = new Float32Array(Math.round(0.5 * sr));
    let phase = 0;
    for (let i = 0; i < kick.length; i++) {
      const t = i / sr;
      phase += (2 * Math.PI * (45 + 110 * Math.exp(-t / 0.04))) / sr;
      kick[i] = 0.8 * Math.exp(-t / 0.25) * Math.sin(phase);
    }
    const k = tfOf(kick);
    expect(k.lowPeakHz[0]).toBeGreaterThan(k.lowPeakHz[1] + 10);
    expect(k.subShare[1]).toBeGreaterThan(0.5);
    const tone = tfOf(sine(200, 0.5, sr, 0.5));
    expect(tone.lowPeakHz[0]).toBeCloseTo(200, -1);
    expect(tone.lowPeakHz[1]).toBeCloseTo(200, -1);
    expect(tone.subShare[0]).toBeLessThan(0.05);
    expect(tone.flatness[1]).toBeLessThan(0.2);
  });

  it('handles silence, very short sounds and other rates', () => {
    const silent = tfOf(new Float32Array(1000));
    expect(Math.max(...silent.melDb)).toBe(TF_FLOOR_DB);
    expect(silent.lowPeakHz).toEqual([0, 0]);
    expect(Array.from(silent.centroidHz)).toEqual([0, 0, 0, 0]);
    const short = tfOf(whiteNoise(0.005, sr, 0.5));
    expect(short.melDb.every((v) => Number.isFinite(v))).toBe(true);
    const low = tfOf(drumHit(16000, { pitch: 80 }), 16000);
    expect(low.melDb.every((v) => Number.isFinite(v))).toBe(true);
    expect(low.centroidHz[0]).toBeGreaterThan(0);
  });
});
