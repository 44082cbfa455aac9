import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../../electron/analysis/test-support/signals';
import { midiToNoteName } from '../../../shared/music';
import { normalize, writeWavFile } from '../lib/audioIo';
import { cut, renderMidi } from '../lib/fluid';
import { writeMidi } from '../lib/midiFile';
import { DATA, ensureDir } from '../lib/paths';
import type { EvalItem } from './types';
import type { Audio } from '../lib/audioIo';

/** Frames up to 50 ms after the last point within 60 dB of the peak (at most `max`). */
export function tailEnd(a: Audio, max: number): number {
  const n = Math.min(max, a.channels[0]?.length ?? 0);
  let peak = 0;
  for (const c of a.channels)
    for (let i = 0; i < n; i++) peak = Math.max(peak, Math.abs(c[i] as number));
  const thr = peak * 1e-3;
  let last = 0;
  for (const c of a.channels)
    for (let i = n - 1; i > last; i--)
      if (Math.abs(c[i] as number) >= thr) {
        last = i;
        break;
      }
  return Math.min(n, last + Math.round(0.05 * a.sampleRate));
}

/** GM programs by family (FluidR3_GM). */
const FAMILIES: Array<{ name: string; programs: number[]; octaves: [number, number] }> = [
  { name: 'bass', programs: [32, 33, 34, 35, 36, 37, 38, 39], octaves: [1, 3] },
  { name: 'keys', programs: [0, 1, 2, 4, 5, 6, 7, 16, 17, 19], octaves: [2, 5] },
  { name: 'synth', programs: [80, 81, 82, 84, 87, 88, 89, 90, 91, 94, 95], octaves: [1, 5] },
];

/**
 * Single notes rendered with fluidsynth: bass, keys and synth programs, octaves 1–5
 * (MIDI 24–83), held 0.8–1.6 s, kept from the note start until the release tail has
 * fallen 60 dB below the peak (at most 6 s) — as one-shots are exported in sample packs.
 * (v1 cut every note 0.8 s after note-off, which left long pad releases cut off while
 * still sounding; see docs/analysis.md.)
 */
export async function buildRootNotes(count: number, seed: number): Promise<EvalItem[]> {
  const dir = ensureDir(join(DATA, `root-notes-v2-${seed}`));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const items = JSON.parse(readFileSync(manifest, 'utf8')) as EvalItem[];
    if (items.length === count) return items;
  }
  const rand = rng(seed);
  const items: EvalItem[] = [];
  for (let i = 0; i < count; i++) {
    const fam = FAMILIES[i % FAMILIES.length] as (typeof FAMILIES)[number];
    const program = fam.programs[Math.floor(rand() * fam.programs.length)] as number;
    const octave = fam.octaves[0] + Math.floor(rand() * (fam.octaves[1] - fam.octaves[0] + 1));
    const midi = 12 * (octave + 1) + Math.floor(rand() * 12);
    const hold = 0.8 + rand() * 0.8;
    const bpm = 60;
    const audio = await renderMidi(
      writeMidi(bpm, [
        {
          channel: 0,
          program,
          notes: [{ start: 0, length: hold, note: midi, velocity: 80 + rand() * 40 }],
        },
      ]),
      {
        gain: 0.5,
      },
    );
    const note = cut(audio, 0, tailEnd(audio, Math.round(6 * audio.sampleRate)));
    normalize(note, -1 - rand() * 8);
    const path = join(dir, `note-${String(i).padStart(3, '0')}.wav`);
    writeWavFile(path, note, 's16');
    items.push({
      set: 'root-notes',
      path,
      kind: 'one-shot',
      midi,
      info: `${fam.name} program ${program}, ${midiToNoteName(midi)}`,
    });
  }
  writeFileSync(manifest, JSON.stringify(items, null, 1));
  return items;
}
