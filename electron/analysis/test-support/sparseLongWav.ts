import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { drumLoop } from './signals';
import { wavFmtBody, writeWav } from './writeAudio';

/** A WAV header for `frames` frames of mono 16-bit, then a sparse file of that size with a few islands of sound. */
export function sparseLongWav(path: string, seconds: number, rate: number): number {
  const frames = Math.round(seconds * rate);
  const dataBytes = frames * 2;
  const fmt = wavFmtBody(1, rate, 's16');
  const head = new Uint8Array(12 + 8 + fmt.length + 8);
  const v = new DataView(head.buffer);
  head.set([0x52, 0x49, 0x46, 0x46]);
  v.setUint32(4, 4 + 8 + fmt.length + 8 + dataBytes, true);
  head.set([0x57, 0x41, 0x56, 0x45], 8);
  head.set([0x66, 0x6d, 0x74, 0x20], 12);
  v.setUint32(16, fmt.length, true);
  head.set(fmt, 20);
  head.set([0x64, 0x61, 0x74, 0x61], 20 + fmt.length);
  v.setUint32(24 + fmt.length, dataBytes, true);
  const fd = openSync(path, 'w');
  writeSync(fd, head, 0, head.length, 0);
  ftruncateSync(fd, head.length + dataBytes);
  // Islands of sound: at 10 s (inside the excerpt) and near the end (outside it).
  const island = writeWav({ sampleRate: rate, channels: [drumLoop(120, 2, rate)] });
  const pcm = island.subarray(44);
  for (const at of [10, seconds - 30])
    writeSync(fd, pcm, 0, pcm.length, head.length + Math.round(at * rate) * 2);
  closeSync(fd);
  return frames;
}
