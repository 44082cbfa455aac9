import { basename, dirname } from 'node:path';
import { classFromName, type NameClass, type NamedClass } from '../../../shared/nameClass';
import {
  DRUM_CLASSES,
  isTrustedTier,
  type SampleClass,
  type SampleKind,
} from '../../../shared/taxonomy';
import type { SampleClassification } from '../classify/classification';

/** What the classifier said (the worker's classification, or the classifier's own decision). */
export type HeardClass = Pick<SampleClassification, 'class' | 'tier' | 'confidence' | 'candidates'>;
export type ClassSource = SampleClassification['classSource'];

/**
 * Confidence given to a class read from the file name (as to a key read from the name),
 * or the audio's own when higher.
 */
export const FILE_NAME_CLASS_CONFIDENCE = 0.9;
/** Confidence given to a class read from a folder name, which the audio had to support. */
export const FOLDER_CLASS_CONFIDENCE = 0.8;
/** The audio "hears" a class it gives at least this probability among its candidates. */
export const HEARD_MIN_P = 0.1;

/**
 * The class of a sample from what the classifier heard and what its name says
 * (shared/nameClass.ts), the way tempo and key already prefer what is written:
 *
 * - the file name's class wins, unless the audio confidently (sure or likely) names
 *   another class and hardly hears the written one (under HEARD_MIN_P: a mislabelled
 *   file, where the audio stays and the written class is ignored) — except between two
 *   drum classes: kick/tom, snare/clap, hi-hat/cymbal are the model's commonest confusions
 *   (models/MODEL_CARD.md), and a kit maker's "tom-0105.wav" is a tom however sure the
 *   audio is of a kick;
 * - a folder's class is taken only where the audio agrees or is unsure (no class, or a
 *   guess) and hears the folder's class ("Kicks/01.wav" settles a kick/tom doubt, not a
 *   vocal).
 *
 * A class from the file name gets the tier `sure`, one from a folder `likely`.
 *
 * Loops use the loop content class the name states. The candidates stay what the audio
 * said, so the app can still show both.
 */
export function resolveClass<T extends HeardClass>(
  audio: T,
  kind: SampleKind | null,
  name: NameClass | null,
): T & { classSource: ClassSource } {
  const fromAudio = {
    ...audio,
    classSource: audio.class === null ? null : ('audio' as const),
  };
  const written: NamedClass<SampleClass> | null =
    (kind === 'loop' ? name?.loop : name?.oneShot) ?? null;
  if (written === null) return fromAudio;
  const named = written.class;
  const heard = audio.candidates.some((c) => c.class === named && c.p >= HEARD_MIN_P);
  const unsure = audio.class === null || !isTrustedTier(audio.tier);
  const isDrum = (c: SampleClass | null): boolean =>
    c !== null && (DRUM_CLASSES as readonly string[]).includes(c);
  const supported =
    written.from === 'file'
      ? unsure || audio.class === named || heard || (isDrum(named) && isDrum(audio.class))
      : (unsure || audio.class === named) && heard;
  if (!supported) return fromAudio;
  return {
    ...audio,
    class: named,
    tier: written.from === 'file' ? ('sure' as const) : ('likely' as const),
    confidence: Math.max(
      written.from === 'file' ? FILE_NAME_CLASS_CONFIDENCE : FOLDER_CLASS_CONFIDENCE,
      audio.candidates.find((c) => c.class === named)?.p ?? 0,
    ),
    ...(kind === 'loop' ? { loopClass: named } : {}),
    classSource: 'name' as const,
  };
}

/** resolveClass with the class the file at `path` states in its name or its folders'. */
export function resolveClassOfFile<T extends HeardClass>(
  audio: T,
  kind: SampleKind | null,
  path: string,
): T & { classSource: ClassSource } {
  return resolveClass(audio, kind, classFromName(basename(path), dirname(path)));
}
