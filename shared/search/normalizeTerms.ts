/**
 * Typed search text → the terms to look up: lower case and diacritics dropped (as the
 * index stores words), separators ignored ("hi-hat", "hi_hat", "hi hat" and "HiHat" are
 * one term when the vocabulary knows the joined word), plurals reduced ("kicks" → "kick",
 * "crashes" → "crash"). Pure.
 */
import { queryWords } from '../searchText';
import { KNOWN_TERMS, MAX_COMPOUND_WORDS } from './searchTerms';

export interface NormalTerm {
  /** The word to search for. */
  term: string;
  /** The typed words it stands for: more than one when they were joined ("hi", "hat"). */
  words: string[];
}

/** Endings where a final "s" is no plural ("bass", "chorus", "analysis"). */
const NOT_PLURAL = /(ss|us|is)$/;
/** "crashes", "boxes", "patches", "splashes": the plural adds "es". */
const ES_PLURAL = /(sh|ch|x|ss|z)es$/;

/** The singular of an English plural, or the word itself. Words under four letters are kept. */
export function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s')) return word;
  if (ES_PLURAL.test(word)) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (NOT_PLURAL.test(word)) return word;
  return word.slice(0, -1);
}

/**
 * The form of one word (or joined words) to search for: a known vocabulary spelling as it
 * is, else its singular. A singular is a prefix of its plural, and words are matched as
 * prefixes, so "kick" still finds "kicks".
 */
export function normalWord(word: string): string {
  const one = singular(word);
  if (KNOWN_TERMS.has(one)) return one;
  if (KNOWN_TERMS.has(word)) return word;
  return one;
}

function knownJoin(words: readonly string[]): string | null {
  const joined = normalWord(words.join(''));
  return KNOWN_TERMS.has(joined) ? joined : null;
}

/** The terms of a typed query, longest known compound first ("bass drum" before "bass"). */
export function normalizeTerms(text: string): NormalTerm[] {
  const words = queryWords(text);
  const out: NormalTerm[] = [];
  for (let i = 0; i < words.length;) {
    let taken = 0;
    for (let n = Math.min(MAX_COMPOUND_WORDS, words.length - i); n >= 2; n--) {
      const slice = words.slice(i, i + n);
      const joined = knownJoin(slice);
      if (joined === null) continue;
      out.push({ term: joined, words: slice });
      taken = n;
      break;
    }
    if (taken === 0) {
      const word = words[i]!;
      out.push({ term: normalWord(word), words: [word] });
      taken = 1;
    }
    i += taken;
  }
  return out;
}
