import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { aMinorChordLoop, drumLoop } from './signals';
import { writeWav } from './writeAudio';
import { writeFileSync } from 'node:fs';

const sr = 44100;

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
  writeFileSync(chords, writeWav({ sampleRate: sr, channels: [aMinorChordLoop(sr)] }));
  const kick = join(dir, 'Kick-Hard.wav');
  copyFileSync(KICK, kick);
  const broken = join(dir, 'broken.wav');
  const bytes = Buffer.from(writeWav({ sampleRate: sr, channels: [drumLoop(120, 1, sr, 2)] }));
  bytes.fill(0x7f, 12, 40); // destroys the fmt chunk
  writeFileSync(broken, bytes);
  return { groove, chords, kick, broken };
}
