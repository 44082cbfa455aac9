/**
 * What the speech voices say: ad-libs and hype phrases as vocal folders hold them, and
 * phrases of 1–6 words put together from a fixed vocabulary. Each text belongs to one
 * pool, train or val (by a fixed hash), and a voice only speaks its own split's pool, so
 * no phrase is heard in two splits. The held-out check's texts (bench/eval/sets/
 * heldOutClasses.ts: its espeak-ng phrases and the spoken channel names of alsa-utils and
 * sound-theme-freedesktop) are never used (speechVocals.test.ts checks it).
 */
import { fnv1a } from '../split';
import type { Random } from '../synth/random';

/** Short exclamations, as ad-libs and chops come. */
export const AD_LIBS: readonly string[] = [
  'yeah yeah',
  'woo',
  'uh',
  'ha',
  'yo',
  'ayy',
  'huh',
  'whoa',
  'okay',
  'alright',
  'oh yeah',
  'what',
  'go',
  'hit it',
  'lets go',
  'yes',
  'no way',
  'wow',
  'hold up',
  'listen',
  'louder',
  'again',
  'bounce',
  'jump',
  'woah there',
  'aha',
  'mm hmm',
  'shh',
  'boom',
  'ooh',
];

const OPENERS = ['we', 'you', 'they', 'i', 'everybody', 'nobody', 'somebody', 'my friends'];
const VERBS = [
  'feel',
  'want',
  'need',
  'love',
  'hear',
  'see',
  'know',
  'got',
  'keep',
  'take',
  'make',
  'find',
  'call',
  'play',
];
const OBJECTS = [
  'the bass',
  'the rhythm',
  'the music',
  'this sound',
  'the beat',
  'your voice',
  'the night',
  'the city',
  'the light',
  'some love',
  'the fire',
  'a dream',
  'the groove',
  'the crowd',
];
const TAILS = [
  'tonight',
  'just now',
  'forever',
  'again',
  'all night',
  'so good',
  'with me',
  'today',
];

/** Native-language words for the non-English voices (ASCII only: what their front ends read). */
export const NATIVE_WORDS: Readonly<Record<string, readonly string[]>> = {
  italian: [
    'andiamo',
    'ciao a tutti',
    'forza',
    'bellissimo',
    'ancora una volta',
    'vai vai',
    'balla con me',
  ],
  finnish: [
    'kiitos',
    'tule tanne',
    'hyva',
    'mennaan',
    'kuuntele',
    'tanaan illalla',
    'lisaa bassoa',
  ],
  czech: ['ahoj', 'jedeme', 'poslouchej', 'jeste jednou', 'tancuj', 'dobry vecer', 'hudba'],
  catalan: [
    'som-hi',
    'hola a tothom',
    'balla',
    'una altra vegada',
    'escolta',
    'molt be',
    'la musica',
  ],
  russian: ['davai', 'privet', 'slushai', 'eshche raz', 'tantsui', 'muzyka', 'poekhali'],
};

/** All composed phrases: "<opener> <verb> <object>" and some with a tail, in a fixed order. */
export function composedPhrases(): string[] {
  const out: string[] = [];
  for (const o of OPENERS)
    for (const v of VERBS)
      for (const obj of OBJECTS) {
        const h = fnv1a(`${o}|${v}|${obj}`);
        if (h % 7 !== 0) continue; // a fixed sample of the combinations
        out.push(h % 2 === 0 ? `${o} ${v} ${obj}` : `${o} ${v} ${obj} ${TAILS[h % TAILS.length]}`);
      }
  return out;
}

/** The pool a text belongs to: about a fifth validate. */
export function phrasePool(text: string): 'train' | 'val' {
  return fnv1a(`phrase:${text}`) % 5 === 0 ? 'val' : 'train';
}

/** Every text a voice of `language` may say, in a fixed order. */
export function allPhrases(language: string): string[] {
  return [...AD_LIBS, ...composedPhrases(), ...(NATIVE_WORDS[language] ?? [])];
}

/** Draws a text of the given pool for a voice of `language`; ad-libs a third of the time. */
export function drawPhrase(r: Random, pool: 'train' | 'val', language: string): string {
  const native = (NATIVE_WORDS[language] ?? []).filter((t) => phrasePool(t) === pool);
  const adLibs = AD_LIBS.filter((t) => phrasePool(t) === pool);
  const composed = composedPhrases().filter((t) => phrasePool(t) === pool);
  const u = r.next();
  const from = native.length > 0 && u < 0.3 ? native : u < 0.6 ? adLibs : composed;
  return from[Math.floor(r.next() * from.length)] as string;
}
