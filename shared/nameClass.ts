import { AMBIGUOUS_IN_NAMES } from './describe/ambiguousWords';
import { LOOP_CLASS_OF, MAX_PHRASE_WORDS, VOCABULARY } from './describe/vocabulary';
import { tokenize } from './nameHints';
import { stripExtension } from './searchText';
import { DRUM_CLASSES, type LoopClass, type OneShotClass } from './taxonomy';

/**
 * The instrument class a sample's file name or folder states, the way sample packs name
 * things: "Kick 01.wav", "HiHatClosed-2.wav", "Snares/Snare 3.wav", "808_Bass_C.wav",
 * "Drum Loops/…". Words and synonyms come from the describe vocabulary
 * (shared/describe/vocabulary.ts), so the search box and the names agree.
 *
 * Precision over recall: a level (the file name, then each folder) that names two
 * classes says nothing ("Clap + Snare layer"), except that one drum class beside
 * melodic words decides ("Ride Bell", "Bass Kick", "Noise Snare"). The file name wins
 * over folders; only the two nearest folders are read ("Library/Bass/…" far up the
 * path says nothing about a file). Pure: no Node imports.
 */
export interface NamedClass<C> {
  class: C;
  /** Where it was read: the file name, or a folder above it. */
  from: 'file' | 'folder';
}

export interface NameClass {
  /** The one-shot class named, for a one-shot. */
  oneShot: NamedClass<OneShotClass> | null;
  /** The loop content class named ("Drum Loop", "Bass Loop", "Vox Loop"), for a loop. */
  loop: NamedClass<LoopClass> | null;
}

/** How many folder levels above the file are read for a class. */
const CLASS_FOLDERS = 2;
/**
 * Vocabulary words that do not settle a class inside a file name: the ambiguous ones
 * (AMBIGUOUS_IN_NAMES), and "Lead", "Effect" that name roles, not sounds.
 * A rim shot or side stick is percussion to the classifier (models/training/drumNames.ts)
 * but a snare sound in a "Snare Rimshot": the rim words leave it to "snare" or the audio.
 */
const NOT_IN_NAMES = new Set([
  ...AMBIGUOUS_IN_NAMES,
  'rim',
  'rimshot',
  'rim shot',
  'sidestick',
  'side stick',
  'lead',
  'effect',
  'effects',
]);

interface LevelClasses {
  oneShot: Set<OneShotClass>;
  loop: Set<LoopClass>;
}

/** Words of a name for class matching: tokenize(), then split letters from digits ("Snare01"). */
function words(text: string): string[] {
  return tokenize(text)
    .flatMap((t) => t.split(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/i))
    .map((t) => t.toLowerCase())
    .filter((t) => t.length > 0);
}

/** The classes a name level mentions, longest vocabulary phrase first. */
function classesOf(text: string): LevelClasses {
  const w = words(text);
  const out: LevelClasses = { oneShot: new Set(), loop: new Set() };
  for (let i = 0; i < w.length;) {
    let used = 1;
    for (let n = Math.min(MAX_PHRASE_WORDS, w.length - i); n >= 1; n--) {
      const phrase = w.slice(i, i + n).join(' ');
      const meanings = NOT_IN_NAMES.has(phrase) ? undefined : VOCABULARY.get(phrase);
      if (!meanings) continue;
      for (const m of meanings) {
        if (m.type === 'class') out.oneShot.add(m.value);
        if (m.type === 'loopClass') out.loop.add(m.value);
      }
      used = n;
      break;
    }
    i += used;
  }
  return out;
}

/** The single one-shot class of a level: one drum class decides over melodic words. */
function oneShotOf(level: LevelClasses): OneShotClass | null {
  const all = [...level.oneShot];
  const drums = all.filter((c) => DRUM_CLASSES.includes(c));
  if (drums.length === 1) return drums[0] as OneShotClass;
  if (drums.length === 0 && all.length === 1) return all[0] as OneShotClass;
  return null;
}

/** The single loop class of a level, from loop words and from the classes it names. */
function loopOf(level: LevelClasses): LoopClass | null {
  const all = new Set<LoopClass>(level.loop);
  for (const c of level.oneShot) all.add(LOOP_CLASS_OF[c]);
  return all.size === 1 ? ([...all][0] as LoopClass) : null;
}

/**
 * Walks the levels (file name first) to the nearest that mentions anything `decide`
 * can use, and takes its answer there: a class, or null when that level is ambiguous.
 */
function nearest<C>(
  levels: ReadonlyArray<[LevelClasses, NamedClass<C>['from']]>,
  mentions: (level: LevelClasses) => boolean,
  decide: (level: LevelClasses) => C | null,
): NamedClass<C> | null {
  for (const [level, from] of levels) {
    if (!mentions(level)) continue;
    const cls = decide(level);
    return cls === null ? null : { class: cls, from };
  }
  return null;
}

/**
 * The one-shot and loop classes named by `fileName` or, failing that, by the nearest
 * of its two folders that names one; null when neither is named unambiguously. A file
 * called "Drum Hit 01" in "Kicks/" is a kick: "drum" names no one-shot class.
 */
export function classFromName(fileName: string, dirPath: string): NameClass | null {
  const folders = dirPath
    .split(/[\\/]+/)
    .filter((s) => s.length > 0)
    .slice(-CLASS_FOLDERS)
    .reverse();
  const levels: Array<[LevelClasses, NamedClass<unknown>['from']]> = [
    [classesOf(stripExtension(fileName)), 'file'],
    ...folders.map((f): [LevelClasses, NamedClass<unknown>['from']] => [classesOf(f), 'folder']),
  ];
  const oneShot = nearest(levels, (l) => l.oneShot.size > 0, oneShotOf);
  const loop = nearest(levels, (l) => l.oneShot.size > 0 || l.loop.size > 0, loopOf);
  return oneShot || loop ? { oneShot, loop } : null;
}
