import { writeFileSync } from 'node:fs';
import { pcm16WavHeader } from '../electron/library/fixtures/tinyWav';

/** A short mono 16-bit WAV of decaying noise, different for every seed (no two are duplicates). */
export function writeNoiseWav(path: string, seed: number, seconds = 0.08, rate = 22_050): void {
  const frames = Math.round(seconds * rate);
  const data = Buffer.alloc(frames * 2);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < frames; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const noise = (x / 0xffffffff) * 2 - 1;
    const env = Math.exp((-6 * i) / frames);
    data.writeInt16LE(Math.round(noise * env * 20_000), i * 2);
  }
  writeFileSync(path, Buffer.concat([pcm16WavHeader(data.length, rate, 1), data]));
}
