import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatSamples } from '../test-support/concatSamples';
import { drumLoop, harmonicTone } from '../test-support/signals';
import { writeWav } from '../test-support/writeAudio';
import { writeFileSync } from 'node:fs';

const sr = 44100;
const hz = (m: number): number => 440 * 2 ** ((m - 69) / 12);

function chord(notes: number[]): Float32Array {
  const parts = notes.map((n) => harmonicTone(hz(n), 2, sr, { harmonics: 5, amp: 0.15, decay: 2 }));
  const out = new Float32Array(parts[0]!.length);
  for (const p of parts) for (let i = 0; i < p.length; i++) out[i] = out[i]! + p[i]!;
  return out;
}

export const KICK = '/usr/share/hydrogen/data/drumkits/GMRockKit/Kick-Hard.wav';

/**
 * Writes a small real-audio folder: a 100 BPM drum loop (no tempo in its name), an
 * A-minor chord loop, a hydrogen kick and a corrupt file. Returns their paths.
 */
export function writeAudioFolder(dir: string): {
  groove: string;
  chords: string;
  kick: string;
  broken: string;
} {
  const groove = join(dir, 'groove.wav');
  writeFileSync(groove, writeWav({ sampleRate: sr, channels: [drumLoop(100, 2, sr, 1)] }));
  const chords = join(dir, 'chords loop.wav');
  const prog = concatSamples(
    [
      [57, 60, 64],
      [53, 57, 60],
      [55, 59, 62],
      [57, 60, 64],
    ].map(chord),
  );
  writeFileSync(chords, writeWav({ sampleRate: sr, channels: [prog] }));
  const kick = join(dir, 'Kick-Hard.wav');
  copyFileSync(KICK, kick);
  const broken = join(dir, 'broken.wav');
  const bytes = Buffer.from(writeWav({ sampleRate: sr, channels: [drumLoop(120, 1, sr, 2)] }));
  bytes.fill(0x7f, 12, 40); // destroys the fmt chunk
  writeFileSync(broken, bytes);
  return { groove, chords, kick, broken };
}
