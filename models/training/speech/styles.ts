/**
 * Delivery styles made from a plain synthesised utterance: shouted (higher, brighter,
 * driven), whispered (LPC resynthesis with a noise excitation: the vocal-tract filter
 * kept, the voicing gone), chopped (one syllable-sized slice cut at an onset) and
 * stuttered ("y-y-yeah": the start repeated before the whole).
 */
import { biquad } from '../biquad';
import { resample } from '../augment';
import { softClip } from '../soundShaping';
import type { Random } from '../synth/random';

export type Style = 'spoken' | 'shout' | 'whisper' | 'chop' | 'stutter';

/** Draws a style: mostly spoken, then shouts, whispers, chops and stutters. */
export function drawStyle(r: Random): Style {
  const u = r.next();
  return u < 0.42
    ? 'spoken'
    : u < 0.62
      ? 'shout'
      : u < 0.76
        ? 'whisper'
        : u < 0.9
          ? 'chop'
          : 'stutter';
}

export function shout(x: Float32Array, sampleRate: number, r: Random): Float32Array {
  const up = resample(x, 2 ** (r.range(1, 4) / 12));
  const bright = biquad(up.slice(), sampleRate, 'highpass', r.logRange(1200, 3000));
  const g = r.range(0.8, 2);
  const mixed = up.map((v, i) => v + g * (bright[i] as number));
  let peak = 0;
  for (const v of mixed) peak = Math.max(peak, Math.abs(v));
  return softClip(
    mixed.map((v) => v / (peak || 1)),
    r.range(1.5, 5),
  );
}

/** Autocorrelation LPC of order `order` (Levinson–Durbin): [a1..ap] and the residual energy. */
export function lpc(frame: Float32Array, order: number): { a: Float64Array; error: number } {
  const r = new Float64Array(order + 1);
  for (let k = 0; k <= order; k++) {
    let s = 0;
    for (let i = k; i < frame.length; i++) s += (frame[i] as number) * (frame[i - k] as number);
    r[k] = s;
  }
  const a = new Float64Array(order + 1);
  let error = (r[0] as number) * (1 + 1e-9) + 1e-12;
  a[0] = 1;
  for (let i = 1; i <= order; i++) {
    let acc = r[i] as number;
    for (let j = 1; j < i; j++) acc += (a[j] as number) * (r[i - j] as number);
    const k = -acc / error;
    const prev = a.slice();
    for (let j = 1; j < i; j++) a[j] = (prev[j] as number) + k * (prev[i - j] as number);
    a[i] = k;
    error *= 1 - k * k;
  }
  return { a: a.subarray(1), error: Math.max(error, 0) };
}

export function whisper(x: Float32Array, sampleRate: number, r: Random): Float32Array {
  const size = 2 ** Math.round(Math.log2(0.03 * sampleRate));
  const hop = size / 2;
  const order = Math.min(24, Math.round(sampleRate / 1000) + 4);
  const pre = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) pre[i] = (x[i] as number) - 0.9 * ((x[i - 1] ?? 0) as number);
  const out = new Float32Array(x.length + size);
  const win = Float32Array.from(
    { length: size },
    (_, i) => Math.sin((Math.PI * (i + 0.5)) / size) ** 2,
  );
  for (let start = 0; start + size <= pre.length; start += hop) {
    const frame = pre.subarray(start, start + size).map((v, i) => v * (win[i] as number));
    const { a, error } = lpc(frame, order);
    const gain = Math.sqrt(error / size);
    const mem = new Float64Array(order);
    for (let i = 0; i < size; i++) {
      let y = gain * r.noise() * Math.sqrt(3);
      for (let j = 0; j < order; j++) y -= (a[j] as number) * (mem[j] as number);
      mem.copyWithin(1, 0, order - 1);
      mem[0] = y;
      out[start + i] =
        (out[start + i] as number) + (Number.isFinite(y) ? y : 0) * (win[i] as number);
    }
  }
  // undo the pre-emphasis
  for (let i = 1; i < out.length; i++) out[i] = (out[i] as number) + 0.9 * (out[i - 1] as number);
  return out.subarray(0, x.length);
}

/** Level of 10 ms frames. */
function frameLevels(x: Float32Array, sampleRate: number): { hop: number; rms: Float64Array } {
  const hop = Math.max(1, Math.round(0.01 * sampleRate));
  const rms = new Float64Array(Math.max(1, Math.floor(x.length / hop)));
  for (let f = 0; f < rms.length; f++) {
    let s = 0;
    for (let i = f * hop; i < Math.min(x.length, (f + 1) * hop); i++) s += (x[i] as number) ** 2;
    rms[f] = Math.sqrt(s / hop);
  }
  return { hop, rms };
}

/** A slice of 80–400 ms that starts where the level rises past a third of the loudest frame. */
export function chop(x: Float32Array, sampleRate: number, r: Random): Float32Array {
  const { hop, rms } = frameLevels(x, sampleRate);
  let max = 0;
  for (const v of rms) max = Math.max(max, v);
  const onsets: number[] = [];
  for (let f = 1; f < rms.length; f++)
    if ((rms[f] as number) >= max / 3 && (rms[f - 1] as number) < max / 3) onsets.push(f);
  const at =
    ((onsets.length > 0 ? onsets[Math.floor(r.next() * onsets.length)] : 0) as number) * hop;
  const len = Math.min(x.length - at, Math.round(r.range(0.08, 0.4) * sampleRate));
  const fade = Math.min(Math.round(0.005 * sampleRate), Math.floor(len / 2));
  const out = x.slice(at, at + len);
  for (let i = 0; i < fade; i++) {
    out[i] = (out[i] as number) * (i / fade);
    out[len - 1 - i] = (out[len - 1 - i] as number) * (i / fade);
  }
  return out;
}

/** The first 60–150 ms after the first onset, repeated 2–4 times, then the whole utterance. */
export function stutter(x: Float32Array, sampleRate: number, r: Random): Float32Array {
  const { hop, rms } = frameLevels(x, sampleRate);
  let max = 0;
  for (const v of rms) max = Math.max(max, v);
  const first =
    Math.max(
      0,
      rms.findIndex((v) => v >= max / 10),
    ) * hop;
  const piece = x.slice(first, first + Math.round(r.range(0.06, 0.15) * sampleRate));
  const fade = Math.min(Math.round(0.004 * sampleRate), Math.floor(piece.length / 2));
  for (let i = 0; i < fade; i++)
    piece[piece.length - 1 - i] = (piece[piece.length - 1 - i] as number) * (i / fade);
  const times = 2 + Math.floor(r.next() * 3);
  const gap = Math.round(r.range(0, 0.04) * sampleRate);
  const rest = x.subarray(first);
  const out = new Float32Array(times * (piece.length + gap) + rest.length);
  for (let t = 0; t < times; t++) out.set(piece, t * (piece.length + gap));
  out.set(rest, times * (piece.length + gap));
  return out;
}

/** Applies a style to a plain utterance. */
export function applyStyle(
  style: Style,
  x: Float32Array,
  sampleRate: number,
  r: Random,
): Float32Array {
  switch (style) {
    case 'spoken':
      return x;
    case 'shout':
      return shout(x, sampleRate, r);
    case 'whisper':
      return whisper(x, sampleRate, r);
    case 'chop':
      return chop(x, sampleRate, r);
    case 'stutter':
      return stutter(x, sampleRate, r);
  }
}
