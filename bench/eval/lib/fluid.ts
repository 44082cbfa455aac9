import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fluidsynthArgs, renderWithFluidsynth } from '../../../models/training/fluidsynth';
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
    renderWithFluidsynth(
      fluidsynthArgs({ gain: opts.gain ?? 0.5, rate: 44100, reverb: opts.reverb, s16Wav: true }),
      opts.soundfont ?? SOUNDFONT,
      mid,
      wav,
    );
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
