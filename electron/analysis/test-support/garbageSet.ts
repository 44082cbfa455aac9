/**
 * The "garbage set": files that hold no sound a producer would label — silence, dither,
 * a single sample, NaN data, DC, steady noise, isolated clicks. Generated (seeded) for
 * tests and checks; none of them may get a class, a tempo or a key.
 */
import { seededRandom } from '../../../shared/random';
import { writeWav, type WavEncoding } from './writeAudio';

export interface GarbageFile {
  name: string;
  bytes: Uint8Array;
  /** What it is, in words. */
  what: string;
  /** Steady noise: the analysis should tag it `noise`. */
  noise?: boolean;
}

const LSB16 = 1 / 32768;

/** TPDF dither of ±1 LSB at 16 bits (what a dithered export of silence holds). */
export function ditherNoise(frames: number, seed: number): Float32Array {
  const r = seededRandom(seed);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) out[i] = (r() - r()) * LSB16;
  return out;
}

export function gaussianNoise(frames: number, rms: number, seed: number): Float32Array {
  const r = seededRandom(seed);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const u = Math.max(1e-12, r());
    out[i] = rms * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
  }
  return out;
}

/** Pink (1/f) noise by Paul Kellet's filter of white noise, scaled to `rms`. */
export function pinkNoise(frames: number, rms: number, seed: number): Float32Array {
  const w = gaussianNoise(frames, 1, seed);
  const out = new Float32Array(frames);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let b4 = 0;
  let b5 = 0;
  let b6 = 0;
  let sq = 0;
  for (let i = 0; i < frames; i++) {
    const x = w[i] as number;
    b0 = 0.99886 * b0 + x * 0.0555179;
    b1 = 0.99332 * b1 + x * 0.0750759;
    b2 = 0.969 * b2 + x * 0.153852;
    b3 = 0.8665 * b3 + x * 0.3104856;
    b4 = 0.55 * b4 + x * 0.5329522;
    b5 = -0.7616 * b5 - x * 0.016898;
    const v = b0 + b1 + b2 + b3 + b4 + b5 + b6 + x * 0.5362;
    b6 = x * 0.115926;
    out[i] = v;
    sq += v * v;
  }
  const k = rms / Math.sqrt(sq / Math.max(1, frames));
  for (let i = 0; i < frames; i++) out[i] = (out[i] as number) * k;
  return out;
}

/**
 * Random clicks: `count` short decaying bursts (1–3 ms, random sign and level) at
 * uniformly random times — the crackle of a worn record, with no pulse in it.
 */
export function randomClicks(
  frames: number,
  sampleRate: number,
  count: number,
  seed: number,
): Float32Array {
  const r = seededRandom(seed);
  const out = new Float32Array(frames);
  for (let c = 0; c < count; c++) {
    const at = Math.floor(r() * frames);
    const amp = (0.15 + 0.6 * r()) * (r() < 0.5 ? -1 : 1);
    const tau = (0.001 + 0.002 * r()) * sampleRate;
    for (let i = 0; at + i < frames && i < 8 * tau; i++)
      out[at + i] = (out[at + i] as number) + amp * Math.exp(-i / tau) * (2 * r() - 1);
  }
  return out;
}

function wav(sampleRate: number, x: Float32Array, encoding: WavEncoding = 's16'): Uint8Array {
  return writeWav({ sampleRate, channels: [x], encoding });
}

export interface GarbageOptions {
  sampleRate?: number;
  /** Length of the long dithered silence (s, default 600: ten minutes). */
  longSeconds?: number;
  seed?: number;
}

/** The garbage set, as WAV bytes. */
export function garbageSet(opts: GarbageOptions = {}): GarbageFile[] {
  const sr = opts.sampleRate ?? 44100;
  const seed = opts.seed ?? 7;
  const clicks = new Float32Array(4 * sr);
  for (const [t, a] of [
    [0.31, 0.8],
    [1.73, -0.6],
    [2.9, 0.7],
  ] as const)
    clicks[Math.round(t * sr)] = a;
  const crackle = randomClicks(8 * sr, sr, 60, seed + 5);
  return [
    { name: 'digital-silence-1s.wav', what: '1 s of zeros', bytes: wav(sr, new Float32Array(sr)) },
    {
      name: 'dither-10s.wav',
      what: '10 s of 16-bit TPDF dither',
      bytes: wav(sr, ditherNoise(10 * sr, seed)),
    },
    {
      name: 'one-sample.wav',
      what: 'a file of one sample',
      bytes: wav(sr, new Float32Array([0.5])),
    },
    {
      name: 'few-samples.wav',
      what: 'a file of 24 samples',
      bytes: wav(
        sr,
        new Float32Array(24).map((_, i) => 0.5 * Math.sin(i)),
      ),
    },
    {
      name: 'all-nan.wav',
      what: '1 s of NaN in a float WAV',
      bytes: wav(sr, new Float32Array(sr).fill(Number.NaN), 'f32'),
    },
    {
      name: 'inf.wav',
      what: '1 s of ±Infinity in a float WAV',
      bytes: wav(
        sr,
        new Float32Array(sr).map((_, i) => (i % 2 ? Infinity : -Infinity)),
        'f32',
      ),
    },
    {
      name: 'dc-offset.wav',
      what: '2 s of a constant 0.25',
      bytes: wav(sr, new Float32Array(2 * sr).fill(0.25)),
    },
    {
      name: 'white-noise.wav',
      what: '5 s of white noise at −15 dBFS RMS',
      bytes: wav(sr, gaussianNoise(5 * sr, 0.18, seed + 1)),
      noise: true,
    },
    {
      name: 'pink-noise.wav',
      what: '5 s of pink noise at −15 dBFS RMS',
      bytes: wav(sr, pinkNoise(5 * sr, 0.18, seed + 2)),
      noise: true,
    },
    {
      name: 'clicks.wav',
      what: 'three single-sample clicks in 4 s of silence',
      bytes: wav(sr, clicks),
    },
    {
      name: 'crackle.wav',
      what: '8 s of record crackle: 60 random clicks over pink noise at −40 dBFS RMS',
      bytes: wav(
        sr,
        pinkNoise(8 * sr, 0.01, seed + 4).map((v, i) => v + (crackle[i] as number)),
      ),
      noise: true,
    },
    {
      name: 'random-clicks.wav',
      what: '8 s of 60 random clicks in digital silence',
      bytes: wav(sr, crackle),
      noise: true,
    },
    {
      name: 'dithered-silence-long.wav',
      what: `${opts.longSeconds ?? 600} s of 16-bit TPDF dither`,
      bytes: wav(sr, ditherNoise(Math.round((opts.longSeconds ?? 600) * sr), seed + 3)),
    },
  ];
}
