/**
 * The research code's one fluidsynth call (the training renders and the eval sets of
 * bench/eval both use it): a MIDI file rendered offline to a WAV file.
 */
import { spawnSync } from 'node:child_process';

export interface FluidsynthSettings {
  gain: number;
  /** Output sample rate (Hz). */
  rate: number;
  /** Reverb on (default off; chorus is always off). */
  reverb?: boolean;
  /** Ask for 16-bit WAV explicitly (`-O s16 -T wav`) instead of fluidsynth's defaults. */
  s16Wav?: boolean;
}

/** The command-line settings for `settings` (without output file, soundfont and MIDI file). */
export function fluidsynthArgs(settings: FluidsynthSettings): string[] {
  const args = ['-ni', '-q', '-R', settings.reverb ? '1' : '0', '-C', '0'];
  args.push('-g', String(settings.gain), '-r', String(settings.rate));
  if (settings.s16Wav) args.push('-O', 's16', '-T', 'wav');
  return args;
}

/** Renders `midiPath` with `soundfont` into `wavPath`; throws with fluidsynth's stderr. */
export function renderWithFluidsynth(
  args: readonly string[],
  soundfont: string,
  midiPath: string,
  wavPath: string,
): void {
  const r = spawnSync('fluidsynth', [...args, '-F', wavPath, soundfont, midiPath], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.error) throw new Error(`fluidsynth could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`fluidsynth failed (${r.status ?? r.signal}): ${r.stderr}`);
}
