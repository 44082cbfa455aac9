/**
 * Producer vocabulary for the search box: which typed words stand for the same thing.
 *
 * Two relations, as sample managers draw them:
 * - **names**: spellings and abbreviations of one class ("hh", "hat", "hi-hat", "hihat"):
 *   typing any of them finds all of them (and the class, stored as an automatic tag);
 * - **narrower**: the sounds a class takes in ("perc" finds shakers and congas, "cymbal"
 *   crashes and rides), one way only: "crash" does not find rides.
 *
 * Narrower words come from the describe vocabulary (shared/describe/vocabulary.ts, where
 * producer synonyms live), less the words that name something else as often as the class
 * (AMBIGUOUS). Descriptor words ("warm", "hard") are left out on purpose: a typed word
 * matches descriptors through the automatic tags analysis writes ("dark", "punchy").
 */
import { AMBIGUOUS_IN_NAMES } from '../describe/ambiguousWords';
import { VOCABULARY } from '../describe/vocabulary';
import type { SampleClass } from '../taxonomy';

/** The words that name each class itself (first: the class as stored). Phrases allowed. */
export const CLASS_NAMES: Readonly<Record<SampleClass, readonly string[]>> = {
  kick: ['kick', 'kicks', 'kickdrum', 'kick drum', 'bassdrum', 'bass drum', 'bd', 'kik', 'kck'],
  snare: ['snare', 'snares', 'snaredrum', 'snare drum', 'sd', 'snr', 'sn'],
  clap: ['clap', 'claps', 'clp', 'cp', 'handclap', 'hand clap'],
  hihat: ['hihat', 'hihats', 'hi-hat', 'hi hat', 'high hat', 'highhat', 'hat', 'hats', 'hh', 'hht'],
  cymbal: ['cymbal', 'cymbals', 'cym', 'cymb'],
  tom: ['tom', 'toms', 'tomtom', 'tom tom', 'floor tom'],
  percussion: ['percussion', 'perc', 'percs', 'percussive'],
  bass: ['bass', 'basses', 'bs'],
  keys: ['keys', 'keyboard', 'keyboards'],
  synth: ['synth', 'synths', 'synthesizer', 'synthesiser', 'syn'],
  pad: ['pad', 'pads'],
  strings: ['strings', 'string', 'str', 'strs'],
  guitar: ['guitar', 'guitars', 'gtr', 'gtrs', 'guit'],
  brass: ['brass'],
  woodwind: ['woodwind', 'woodwinds', 'ww'],
  vocal: ['vocal', 'vocals', 'vox', 'voc', 'voice', 'voices', 'acapella', 'a cappella'],
  fx: ['fx', 'sfx', 'effect', 'effects', 'sound effect', 'sound effects'],
  drums: ['drums', 'drum loop', 'drum loops', 'drumloop', 'drm'],
  melodic: ['melodic', 'melody', 'melodies'],
};

/** Words and phrases that are spellings of each other but name no class. */
export const OTHER_NAMES: readonly (readonly string[])[] = [
  ['808', '808s', 'tr808', 'tr 808'],
  ['909', '909s', 'tr909', 'tr 909'],
  ['oneshot', 'one shot', 'one-shot', 'oneshots', 'one shots'],
];

/**
 * Describe-vocabulary words that stand for a class there but name other things as often
 * in file names and folders: AMBIGUOUS_IN_NAMES, "Ambient" packs, steady "noise" (which
 * analysis tags on its own), and the generic drum words.
 */
export const AMBIGUOUS: ReadonlySet<string> = new Set([
  ...AMBIGUOUS_IN_NAMES,
  'noise',
  'ambient',
  'drum',
  'hit',
  'hits',
  'shot',
]);

/** A vocabulary entry: its words as typed ("hi-hat" → ["hi", "hat"]). */
export type Phrase = readonly string[];

export interface TermGroup {
  /** Equivalent names. */
  names: readonly Phrase[];
  /** What the group also finds, one way. */
  narrower: readonly Phrase[];
}

/** Splits a vocabulary phrase into lower-case words at spaces, hyphens and other separators. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function narrowerOf(cls: SampleClass, names: ReadonlySet<string>): Phrase[] {
  const out: Phrase[] = [];
  for (const [phrase, meanings] of VOCABULARY) {
    if (AMBIGUOUS.has(phrase) || names.has(phrase)) continue;
    const hit = meanings.some(
      (m) => (m.type === 'class' || m.type === 'loopClass') && m.value === cls,
    );
    if (hit) out.push(phraseWords(phrase));
  }
  return out;
}

function buildGroups(): TermGroup[] {
  const groups: TermGroup[] = [];
  for (const [cls, names] of Object.entries(CLASS_NAMES) as Array<[SampleClass, string[]]>) {
    const keys = new Set(names.map((n) => phraseWords(n).join(' ')));
    groups.push({ names: names.map(phraseWords), narrower: narrowerOf(cls, keys) });
  }
  for (const names of OTHER_NAMES) groups.push({ names: names.map(phraseWords), narrower: [] });
  return groups;
}

/** Every group of the vocabulary. */
export const TERM_GROUPS: readonly TermGroup[] = buildGroups();

/**
 * Joined spelling ("hi hat" → "hihat") → the groups it names (as one of their names).
 * Narrower words are listed in NARROWER_KEYS: typed, they find only themselves.
 */
export const GROUPS_BY_NAME: ReadonlyMap<string, readonly TermGroup[]> = (() => {
  const map = new Map<string, TermGroup[]>();
  for (const g of TERM_GROUPS) {
    for (const name of g.names) {
      const key = name.join('');
      const list = map.get(key) ?? [];
      if (!list.includes(g)) list.push(g);
      map.set(key, list);
    }
  }
  return map;
})();

/** Every joined spelling the vocabulary knows (names and narrower words). */
export const KNOWN_TERMS: ReadonlySet<string> = (() => {
  const set = new Set<string>(GROUPS_BY_NAME.keys());
  for (const g of TERM_GROUPS) for (const n of g.narrower) set.add(n.join(''));
  return set;
})();

/** Most words a vocabulary phrase has ("a cappella", "floor tom": 2). */
export const MAX_COMPOUND_WORDS = Math.max(
  ...TERM_GROUPS.flatMap((g) => [...g.names, ...g.narrower].map((p) => p.length)),
);
