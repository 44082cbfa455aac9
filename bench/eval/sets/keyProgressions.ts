import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../../electron/analysis/test-support/signals';
import type { Mode } from '../../../shared/music';
import { normalize, writeWavFile } from '../lib/audioIo';
import { cut, renderMidi } from '../lib/fluid';
import { PROGRESSIONS, SCALES, keyName, triad } from '../lib/harmony';
import { writeMidi, type MidiNote, type MidiTrack } from '../lib/midiFile';
import { DATA, ensureDir } from '../lib/paths';
import type { EvalItem } from './types';

const PAD_PROGRAMS = [0, 1, 4, 5, 16, 19, 24, 48, 49, 52, 80, 81, 88, 89, 90, 94];
const BASS_PROGRAMS = [32, 33, 34, 38];

/**
 * Four-bar chord progressions in every key (major and minor), some with a bass line and a
 * melody on the scale, rendered as seamless loops (middle of three repetitions).
 */
export async function buildKeyProgressions(count: number, seed: number): Promise<EvalItem[]> {
  const dir = ensureDir(join(DATA, `key-progressions-${seed}`));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const items = JSON.parse(readFileSync(manifest, 'utf8')) as EvalItem[];
    if (items.length === count) return items;
  }
  const rand = rng(seed);
  const items: EvalItem[] = [];
  for (let i = 0; i < count; i++) {
    const tonic = (i * 7) % 12;
    const mode: Mode = i % 2 === 0 ? 'major' : 'minor';
    const prog = PROGRESSIONS[mode][Math.floor(rand() * PROGRESSIONS[mode].length)] as number[];
    const bpm = Math.round(80 + rand() * 60);
    const bars = 4;
    const reps = 3;
    const withBass = rand() < 0.7;
    const withMelody = rand() < 0.6;
    const arpeggio = rand() < 0.3;
    const chords: MidiNote[] = [];
    const bass: MidiNote[] = [];
    const melody: MidiNote[] = [];
    const scale = SCALES[mode];
    for (let r = 0; r < reps; r++) {
      for (let b = 0; b < bars; b++) {
        const start = (r * bars + b) * 4;
        const degree = prog[b] as number;
        const notes = triad(tonic, mode, degree, 55);
        if (arpeggio) {
          for (let s = 0; s < 8; s++)
            chords.push({
              start: start + s * 0.5,
              length: 0.5,
              note: notes[s % 3] as number,
              velocity: 75,
            });
        } else {
          for (const n of notes) chords.push({ start, length: 3.9, note: n, velocity: 72 });
        }
        if (withBass)
          bass.push({
            start,
            length: 3.8,
            note: triad(tonic, mode, degree, 36)[0] as number,
            velocity: 90,
          });
        if (withMelody) {
          for (let s = 0; s < 4; s++) {
            const deg = Math.floor(rand() * 7);
            const note = 72 + tonic - (tonic > 5 ? 12 : 0) + (scale[deg] as number);
            melody.push({ start: start + s, length: 0.9, note, velocity: 80 });
          }
        }
      }
    }
    const tracks: MidiTrack[] = [
      {
        channel: 0,
        program: PAD_PROGRAMS[Math.floor(rand() * PAD_PROGRAMS.length)] as number,
        notes: chords,
        volume: 90,
      },
    ];
    if (withBass)
      tracks.push({
        channel: 1,
        program: BASS_PROGRAMS[Math.floor(rand() * BASS_PROGRAMS.length)] as number,
        notes: bass,
        volume: 85,
      });
    if (withMelody)
      tracks.push({
        channel: 2,
        program: [0, 11, 73, 80][Math.floor(rand() * 4)] as number,
        notes: melody,
        volume: 80,
      });
    const audio = await renderMidi(writeMidi(bpm, tracks), { gain: 0.4 });
    const loopFrames = Math.round(((bars * 4 * 60) / bpm) * audio.sampleRate);
    const loop = cut(audio, loopFrames, loopFrames);
    normalize(loop, -1 - rand() * 5);
    const path = join(dir, `prog-${String(i).padStart(3, '0')}.wav`);
    writeWavFile(path, loop, 's16');
    items.push({
      set: 'key-progressions',
      path,
      kind: 'loop',
      bpm,
      key: keyName(tonic, mode),
      info: `${prog.map((d) => d + 1).join('-')} ${arpeggio ? 'arpeggiated' : 'chords'}${withBass ? ' + bass' : ''}${withMelody ? ' + melody' : ''}, program ${tracks[0]?.program}`,
    });
  }
  writeFileSync(manifest, JSON.stringify(items, null, 1));
  return items;
}
