import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readAudio, type Audio } from './audioIo';
import { SOUNDFONT } from './paths';

/**
 * Renders a MIDI file with fluidsynth + FluidR3_GM, or `opts.soundfont` (44.1 kHz stereo,
 * reverb and chorus off unless asked).
 */
export async function renderMidi(
  midi: Uint8Array,
  opts: { reverb?: boolean; gain?: number; soundfont?: string } = {},
): Promise<Audio> {
  const dir = mkdtempSync(join(tmpdir(), 'sm-fluid-'));
  try {
    const mid = join(dir, 'in.mid');
    const wav = join(dir, 'out.wav');
    writeFileSync(mid, midi);
    const args = [
      '-ni',
      '-q',
      '-R',
      opts.reverb ? '1' : '0',
      '-C',
      '0',
      '-g',
      String(opts.gain ?? 0.5),
      '-r',
      '44100',
      '-O',
      's16',
      '-T',
      'wav',
      '-F',
      wav,
      opts.soundfont ?? SOUNDFONT,
      mid,
    ];
    const r = spawnSync('fluidsynth', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fluidsynth failed: ${r.stderr}`);
    return await readAudio(wav);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Frames [from, from + length) of every channel (zero-padded past the end). */
export function cut(a: Audio, from: number, length: number): Audio {
  return {
    sampleRate: a.sampleRate,
    channels: a.channels.map((c) => {
      const out = new Float32Array(length);
      out.set(c.subarray(from, Math.min(c.length, from + length)));
      return out;
    }),
  };
}
