import { writeFileSync } from 'node:fs';

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
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}
