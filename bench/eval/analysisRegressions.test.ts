/**
 * The eval's former misses, re-rendered with fluidsynth + FluidR3_GM exactly as the eval
 * sets make them, through the whole analyser (analyzeFile). Skipped where fluidsynth or the
 * soundfont is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/analysis/analyzeFile';
import { tempDir } from '../../electron/analysis/test-support/tempFiles';
import { parseKey, parseNoteName } from '../../shared/music';
import { normalize, writeWavFile } from './lib/audioIo';
import { cut, renderMidi } from './lib/fluid';
import { triad } from './lib/harmony';
import { writeMidi, type MidiNote } from './lib/midiFile';
import { SOUNDFONT } from './lib/paths';
import { tailEnd } from './sets/rootNotes';

const haveFluid =
  existsSync(SOUNDFONT) &&
  spawnSync('fluidsynth', ['--version'], { encoding: 'utf8' }).status === 0;

async function renderNote(dir: string, program: number, midi: number): Promise<string> {
  const audio = await renderMidi(
    writeMidi(60, [
      { channel: 0, program, notes: [{ start: 0, length: 1.2, note: midi, velocity: 100 }] },
    ]),
    { gain: 0.5 },
  );
  const note = cut(audio, 0, tailEnd(audio, Math.round(6 * audio.sampleRate)));
  normalize(note, -3);
  const path = join(dir, `note-${program}-${midi}.wav`);
  writeWavFile(path, note, 's16');
  return path;
}

// fluidsynth loads the 140 MB soundfont for every render: allow a minute per test.
describe.skipIf(!haveFluid)(
  'analysis on the eval’s former misses (fluidsynth renders)',
  { timeout: 90_000 },
  () => {
    it('takes a warm pad note (GM 89), swelling and fading over 2.7 s, for a one-shot with its root', async () => {
      const tmp = tempDir();
      try {
        // F#3: seed 7's note-092, a "loop" (0.83) with no root before analyzer 1.1.0.
        const r = await analyzeFile(await renderNote(tmp.dir, 89, 54));
        expect(r.kind).toBe('one-shot');
        expect(r.rootNote && (parseNoteName(r.rootNote) as number) % 12).toBe(54 % 12);
      } finally {
        tmp.cleanup();
      }
    });

    it('does not name a low drawbar-organ note (GM 16, G#2) A0', async () => {
      const tmp = tempDir();
      try {
        const r = await analyzeFile(await renderNote(tmp.dir, 16, 44));
        expect(r.kind).toBe('one-shot');
        // Its 16′ stop sounds an octave down; the pitch class must be G# or no answer at all.
        expect(r.rootNote === null || (parseNoteName(r.rootNote) as number) % 12 === 8).toBe(true);
      } finally {
        tmp.cleanup();
      }
    });

    it('finds B minor (or D major) in i–iv–VII–III square-lead chords over a bass (was F# minor)', async () => {
      const tmp = tempDir();
      try {
        const bpm = 100;
        const chords: MidiNote[] = [];
        const bass: MidiNote[] = [];
        const prog = [0, 3, 6, 2];
        for (let r = 0; r < 3; r++)
          prog.forEach((degree, b) => {
            const start = (r * 4 + b) * 4;
            for (const n of triad(11, 'minor', degree, 55))
              chords.push({ start, length: 3.9, note: n, velocity: 72 });
            const root = triad(11, 'minor', degree, 36)[0] as number;
            bass.push({ start, length: 3.8, note: root, velocity: 90 });
          });
        const audio = await renderMidi(
          writeMidi(bpm, [
            { channel: 0, program: 80, notes: chords, volume: 90 },
            { channel: 1, program: 33, notes: bass, volume: 85 },
          ]),
          { gain: 0.4 },
        );
        const frames = Math.round(((16 * 60) / bpm) * audio.sampleRate);
        const loop = cut(audio, frames, frames);
        normalize(loop, -2);
        const path = join(tmp.dir, 'prog.wav');
        writeWavFile(path, loop, 's16');
        const r = await analyzeFile(path);
        expect(r.kind).toBe('loop');
        const key = r.key ? parseKey(r.key) : null;
        const ok =
          (key?.tonic === 11 && key.mode === 'minor') || (key?.tonic === 2 && key.mode === 'major');
        expect(ok, `key ${r.key}`).toBe(true);
      } finally {
        tmp.cleanup();
      }
    });
  },
);
