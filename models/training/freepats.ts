/**
 * Debian `freepats` (GUS patches, GPL-2+ with a composition exception): its drum set
 * (`Drum_000/<GM key>_<name>.pat`, labelled by the GM percussion key like the soundfont
 * drum kits) and its melodic instruments (`Tone_000/<GM program>_<name>.pat`, labelled
 * by the GM program). Each wave of a patch is written once as a 16-bit WAV at its own
 * rate and root pitch (a melodic patch holds one wave per key range): drum waves as
 * recorded; looped melodic waves hold their loop to NOTE_SECONDS and fade out.
 *
 * Groups: `freepats:drums`, and `freepats:gm<program>` so that a GM program held out of
 * the soundfonts for validation is held out here too (split.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gmPercussionClass, gmProgramClass } from './gmMapping';
import { parseGusPatch, type GusWave } from './gusPatch';
import type { Candidate } from './manifestTypes';
import { encodeWav16 } from './wav16';

export const FREEPATS_ROOT = '/usr/share/midi/freepats';
export const FREEPATS_PACKAGE = 'freepats';
export const FREEPATS_LICENCE = 'GPL-2+ (with a composition exception)';
export const FREEPATS_COPYRIGHT = '2004 Free Software Foundation (freepats.opensrc.org)';

/** Length a looped (sustaining) wave is held to before its fade. */
export const NOTE_SECONDS = 1.2;
const FADE_SECONDS = 0.08;

/** The wave as a finished note: looped waves sustain to NOTE_SECONDS, then every note fades out. */
export function noteOfWave(wave: GusWave): Float32Array {
  const src = wave.samples;
  const loopOk = wave.looping && wave.loopEnd > wave.loopStart + 16 && wave.loopEnd <= src.length;
  const target = Math.round(NOTE_SECONDS * wave.sampleRate);
  let out: Float32Array;
  if (loopOk && wave.loopEnd < target) {
    out = new Float32Array(target);
    out.set(src.subarray(0, wave.loopEnd));
    const span = wave.loopEnd - wave.loopStart;
    for (let i = wave.loopEnd; i < target; i++)
      out[i] = src[wave.loopStart + ((i - wave.loopEnd) % span)] as number;
  } else {
    out = Float32Array.from(src.subarray(0, loopOk ? Math.min(src.length, target) : src.length));
  }
  const fade = Math.min(out.length, Math.round(FADE_SECONDS * wave.sampleRate));
  for (let i = 0; i < fade; i++) {
    const at = out.length - fade + i;
    out[at] = (out[at] as number) * (1 - (i + 1) / fade);
  }
  return out;
}

interface PatchFile {
  number: number;
  name: string;
  path: string;
}

function patchFiles(dir: string): PatchFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pat'))
    .sort()
    .flatMap((f) => {
      const m = /^(\d+)_(.+)\.pat$/.exec(f);
      return m ? [{ number: Number(m[1]), name: m[2] as string, path: join(dir, f) }] : [];
    });
}

/**
 * Writes every labelled wave under `outDir` (skipping files already there) and returns the
 * candidates; a patch that cannot be read is left out and logged with the reason.
 */
export function freepatsCandidates(
  outDir: string,
  root = FREEPATS_ROOT,
  log: (m: string) => void = () => {},
): Candidate[] {
  const out: Candidate[] = [];
  const sets = [
    { dir: 'Drum_000', drums: true },
    { dir: 'Tone_000', drums: false },
  ];
  for (const set of sets) {
    const dir = join(outDir, set.dir);
    mkdirSync(dir, { recursive: true });
    for (const patch of patchFiles(join(root, set.dir))) {
      const label = set.drums
        ? gmPercussionClass(patch.number)
        : (gmProgramClass(patch.number)?.cls ?? null);
      if (!label) continue;
      let waves: GusWave[];
      try {
        waves = parseGusPatch(readFileSync(patch.path)).waves;
      } catch (err) {
        log(`freepats: ${patch.path} left out: ${(err as Error).message}`);
        continue;
      }
      waves.forEach((wave, i) => {
        if (wave.samples.length < 64 || wave.sampleRate < 8000) return;
        const file = `${patch.number.toString().padStart(3, '0')}_${patch.name}-${i}.wav`;
        const path = join(dir, file);
        if (!existsSync(path))
          writeFileSync(path, encodeWav16([noteOfWave(wave)], wave.sampleRate));
        out.push({
          id: `freepats/${set.dir}/${file}`,
          path,
          source: 'freepats',
          package: FREEPATS_PACKAGE,
          detail: `freepats ${set.dir}/${patch.name} wave ${i} (root ${(wave.rootFreq / 1000).toFixed(1)} Hz)`,
          kind: 'one-shot',
          label,
          group: set.drums ? 'freepats:drums' : `freepats:gm${patch.number}`,
          licence: FREEPATS_LICENCE,
          copyright: FREEPATS_COPYRIGHT,
        });
      });
    }
  }
  return out;
}
