/** Synthetic test signals whose analysis results are known. */
import { seededRandom } from '../../../shared/random';
import { concatSamples } from './concatSamples';

export function sine(
  freq: number,
  seconds: number,
  sampleRate: number,
  amp = 0.5,
  phase = 0,
): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  const w = (2 * Math.PI * freq) / sampleRate;
  for (let i = 0; i < n; i++) out[i] = amp * Math.sin(w * i + phase);
  return out;
}

/** A seeded PRNG (mulberry32). */
export const rng = seededRandom;

export function whiteNoise(seconds: number, sampleRate: number, amp = 0.5, seed = 1): Float32Array {
  const r = rng(seed);
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amp * (2 * r() - 1);
  return out;
}

/** A harmonic tone (sawtooth-like, `harmonics` partials with 1/k amplitudes) with an optional decay. */
export function harmonicTone(
  freq: number,
  seconds: number,
  sampleRate: number,
  opts: { harmonics?: number; amp?: number; decay?: number; attack?: number } = {},
): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  const h = opts.harmonics ?? 8;
  const amp = opts.amp ?? 0.3;
  const attack = Math.max(1, Math.round((opts.attack ?? 0.005) * sampleRate));
  for (let k = 1; k <= h; k++) {
    if (freq * k >= sampleRate / 2) break;
    const w = (2 * Math.PI * freq * k) / sampleRate;
    const a = amp / k;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + a * Math.sin(w * i);
  }
  for (let i = 0; i < n; i++) {
    const env =
      Math.min(1, i / attack) * (opts.decay ? Math.exp(-i / (opts.decay * sampleRate)) : 1);
    out[i] = (out[i] as number) * env;
  }
  return out;
}

/** Am–F–G–Am, 2 s per chord of decaying 5-harmonic tones summed: a loop in A minor. */
export function aMinorChordLoop(sampleRate: number): Float32Array {
  const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);
  const chord = (notes: number[]): Float32Array => {
    const out = new Float32Array(Math.round(2 * sampleRate));
    for (const n of notes) {
      const tone = harmonicTone(hz(n), 2, sampleRate, { harmonics: 5, amp: 0.15, decay: 2 });
      for (let i = 0; i < tone.length; i++) out[i] = (out[i] as number) + (tone[i] as number);
    }
    return out;
  };
  return concatSamples(
    [
      [57, 60, 64],
      [53, 57, 60],
      [55, 59, 62],
      [57, 60, 64],
    ].map(chord),
  );
}

/** A drum-like hit: a decaying pitched thump plus a noise burst. */
export function drumHit(
  sampleRate: number,
  opts: { pitch?: number; decay?: number; noise?: number; amp?: number; seed?: number } = {},
): Float32Array {
  const decay = opts.decay ?? 0.15;
  const n = Math.round(decay * 6 * sampleRate);
  const out = new Float32Array(n);
  const r = rng(opts.seed ?? 7);
  const pitch = opts.pitch ?? 60;
  const noise = opts.noise ?? 0.3;
  const amp = opts.amp ?? 0.8;
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const env = Math.exp(-t / decay);
    phase += (2 * Math.PI * pitch * (1 + 2 * Math.exp(-t / 0.01))) / sampleRate;
    const nEnv = Math.exp(-t / (decay / 4));
    out[i] = amp * (env * Math.sin(phase) * (1 - noise) + noise * nEnv * (2 * r() - 1));
  }
  return out;
}

/** Mixes `hit` into `out` at `at` (frames), wrapping around the end (seamless loop). */
export function mixWrapped(out: Float32Array, hit: Float32Array, at: number, gain = 1): void {
  const n = out.length;
  for (let i = 0; i < hit.length; i++) {
    const j = (at + i) % n;
    out[j] = (out[j] as number) + gain * (hit[i] as number);
  }
}

/** A simple seamless drum loop: kick on 1 and 3, snare on 2 and 4, hats on 8ths. */
export function drumLoop(bpm: number, bars: number, sampleRate: number, seed = 3): Float32Array {
  const beat = (60 / bpm) * sampleRate;
  const n = Math.round(beat * 4 * bars);
  const out = new Float32Array(n);
  const kick = drumHit(sampleRate, { pitch: 55, decay: 0.12, noise: 0.05, seed });
  const snare = drumHit(sampleRate, {
    pitch: 190,
    decay: 0.08,
    noise: 0.7,
    amp: 0.6,
    seed: seed + 1,
  });
  const hat = drumHit(sampleRate, {
    pitch: 6000,
    decay: 0.02,
    noise: 0.95,
    amp: 0.25,
    seed: seed + 2,
  });
  for (let b = 0; b < bars * 4; b++) {
    const at = Math.round(b * beat);
    mixWrapped(out, b % 2 === 0 ? kick : snare, at);
    mixWrapped(out, hat, at);
    mixWrapped(out, hat, Math.round(at + beat / 2), 0.6);
  }
  return out;
}
