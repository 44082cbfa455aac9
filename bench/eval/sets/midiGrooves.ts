import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../../electron/analysis/test-support/signals';
import { normalize, writeWavFile } from '../lib/audioIo';
import { cut, renderMidi } from '../lib/fluid';
import { PROGRESSIONS, keyName, triad } from '../lib/harmony';
import { writeMidi, type MidiNote, type MidiTrack } from '../lib/midiFile';
import { makePattern, type DrumRole } from '../lib/patterns';
import { DATA, ensureDir } from '../lib/paths';
import type { EvalItem } from './types';
import type { Mode } from '../../../shared/music';

const GM_DRUMS: Record<DrumRole, number> = {
  kick: 36,
  snare: 38,
  clap: 39,
  hatClosed: 42,
  hatOpen: 46,
  ride: 51,
  tom: 45,
  rim: 37,
};
const BASS_PROGRAMS = [33, 34, 35, 38, 39];
const CHORD_PROGRAMS = [0, 4, 5, 16, 48, 81, 89];

/**
 * Seamless grooves rendered with fluidsynth + FluidR3_GM from MIDI written here: GM drums
 * (same pattern styles as the hydrogen loops), a bass line on the chord roots, and
 * sometimes sustained chords. The pattern is rendered three times and the middle copy is
 * kept, so the first copy's tails wrap into the loop start.
 */
export async function buildMidiGrooves(count: number, seed: number): Promise<EvalItem[]> {
  const dir = ensureDir(join(DATA, `midi-grooves-${seed}`));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const items = JSON.parse(readFileSync(manifest, 'utf8')) as EvalItem[];
    if (items.length === count) return items;
  }
  const rand = rng(seed);
  const items: EvalItem[] = [];
  for (let i = 0; i < count; i++) {
    const bpm = Math.round((70 + rand() * 110) * 10) / 10;
    const bars = [1, 2, 4][Math.floor(rand() * 3)] as number;
    const swing = rand() < 0.5;
    const pattern = makePattern(rand, bpm, bars, swing, 0.03);
    const tonic = Math.floor(rand() * 12);
    const mode: Mode = rand() < 0.5 ? 'major' : 'minor';
    const progs = PROGRESSIONS[mode];
    const prog = progs[Math.floor(rand() * progs.length)] as number[];
    const withChords = rand() < 0.5;
    const reps = 3;
    const drums: MidiNote[] = [];
    const bass: MidiNote[] = [];
    const chords: MidiNote[] = [];
    for (let r = 0; r < reps; r++) {
      const off = r * bars * 4;
      for (const h of pattern.hits) {
        drums.push({
          start: off + h.step / 4,
          length: 0.1,
          note: GM_DRUMS[h.role],
          velocity: 30 + h.velocity * 90,
        });
      }
      for (let b = 0; b < bars; b++) {
        const degree = prog[(b * (bars === 1 ? 4 : 1)) % prog.length] as number;
        const chord = triad(tonic, mode, degree, 36);
        const root = chord[0] as number;
        // Bass on the kick-ish positions of the bar: beats 1, 2& and 3.
        for (const [beat, len] of [
          [0, 1.25],
          [1.5, 0.5],
          [2, 1.5],
        ] as const) {
          bass.push({ start: off + b * 4 + beat, length: len, note: root, velocity: 95 });
        }
        if (withChords) {
          for (const n of triad(tonic, mode, degree, 60))
            chords.push({ start: off + b * 4, length: 3.8, note: n, velocity: 70 });
        }
      }
    }
    const tracks: MidiTrack[] = [
      { channel: 9, program: 0, notes: drums, volume: 110 },
      {
        channel: 0,
        program: BASS_PROGRAMS[Math.floor(rand() * BASS_PROGRAMS.length)] as number,
        notes: bass,
        volume: 90,
      },
    ];
    if (withChords) {
      tracks.push({
        channel: 1,
        program: CHORD_PROGRAMS[Math.floor(rand() * CHORD_PROGRAMS.length)] as number,
        notes: chords,
        volume: 70,
      });
    }
    const audio = await renderMidi(writeMidi(bpm, tracks), { gain: 0.4 });
    const loopFrames = Math.round(((bars * 4 * 60) / bpm) * audio.sampleRate);
    const loop = cut(audio, loopFrames, loopFrames);
    normalize(loop, -1 - rand() * 5);
    const path = join(dir, `groove-${String(i).padStart(3, '0')}.wav`);
    writeWavFile(path, loop, 's16');
    items.push({
      set: 'midi-grooves',
      path,
      kind: 'loop',
      bpm,
      grooveKey: keyName(tonic, mode),
      info: `${pattern.style} ${bars} bar${bars > 1 ? 's' : ''}${pattern.swing > 0 ? ` swing ${(50 + pattern.swing * 100).toFixed(0)}%` : ''}, bass${withChords ? ' + chords' : ''} in ${keyName(tonic, mode)}`,
    });
  }
  writeFileSync(manifest, JSON.stringify(items, null, 1));
  return items;
}
