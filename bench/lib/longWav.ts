import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drumLoop, harmonicTone } from '../../electron/analysis/test-support/signals';
import { writeWav } from '../../electron/analysis/test-support/writeAudio';

/** A long musical WAV in `dir`: a drum loop with a bass line, tiled (cached by name). */
export function longWav(
  dir: string,
  name: string,
  seconds: number,
  bpm: number,
  seed: number,
): string {
  const path = join(dir, name);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const sr = 44100;
  const bar = drumLoop(bpm, 1, sr, seed);
  const n = Math.round(seconds * sr);
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  const notes = [40, 43, 45, 38];
  for (let i = 0, b = 0; i < n; i += bar.length, b++) {
    const bass = harmonicTone(
      440 * 2 ** ((notes[b % notes.length]! - 69) / 12),
      bar.length / sr,
      sr,
      { amp: 0.2, decay: 0.5 },
    );
    for (let k = 0; k < bar.length && i + k < n; k++) {
      l[i + k] = 0.6 * bar[k]! + bass[k]!;
      r[i + k] = 0.6 * bar[k]! + 0.8 * bass[k]!;
    }
  }
  writeFileSync(path, writeWav({ sampleRate: sr, channels: [l, r], encoding: 's16' }));
  return path;
}
