import { readFileSync, writeFileSync } from 'node:fs';
import { decodeFile } from '../../../electron/analysis/test-support/decodeAll';
import { writeWav } from '../../../electron/analysis/test-support/writeAudio';

export interface Audio {
  sampleRate: number;
  channels: Float32Array[];
}

export const readAudio: (path: string) => Promise<Audio> = decodeFile;

/** Linear-interpolation resampling (good enough for building test material). */
export function resample(x: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return x;
  const n = Math.floor((x.length * to) / from);
  const out = new Float32Array(n);
  const r = from / to;
  for (let i = 0; i < n; i++) {
    const p = i * r;
    const j = Math.floor(p);
    const f = p - j;
    out[i] = (x[j] ?? 0) * (1 - f) + (x[j + 1] ?? 0) * f;
  }
  return out;
}

export function writeWavFile(
  path: string,
  a: Audio,
  encoding: 's16' | 's24' | 'f32' = 's16',
): void {
  writeWavFileRaw(path, writeWav({ sampleRate: a.sampleRate, channels: a.channels, encoding }));
}

function writeWavFileRaw(path: string, bytes: Uint8Array): void {
  writeFileSync(path, bytes);
}

/** Scales all channels so the peak is at `dbfs`. */
export function normalize(a: Audio, dbfs = -1): void {
  let peak = 0;
  for (const ch of a.channels) for (const v of ch) peak = Math.max(peak, Math.abs(v));
  if (peak === 0) return;
  const g = 10 ** (dbfs / 20) / peak;
  for (const ch of a.channels) for (let i = 0; i < ch.length; i++) ch[i] = (ch[i] as number) * g;
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}
