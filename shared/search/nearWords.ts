/**
 * Typo tolerance without scanning every word: the words one edit away from a typed word
 * (a letter deleted, inserted, replaced, or two neighbours swapped — optimal string
 * alignment distance 1, as shared/suggest.ts editDistance counts) are generated and looked up in the indexed vocabulary, a few
 * hundred exact lookups for a five-letter word. Pure.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every distinct string at edit distance exactly 1 from `word` (letters, digits, and the word's own characters). */
export function wordsOneEditAway(word: string): string[] {
  const chars = Array.from(word);
  const letters = new Set<string>(ALPHABET);
  for (const ch of chars) letters.add(ch);
  const out = new Set<string>();
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
    if (i + 1 < n && chars[i] !== chars[i + 1])
      out.add([...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join(''));
    for (const c of letters) {
      if (c !== chars[i]) out.add([...chars.slice(0, i), c, ...chars.slice(i + 1)].join(''));
    }
  }
  for (let i = 0; i <= n; i++)
    for (const c of letters) out.add([...chars.slice(0, i), c, ...chars.slice(i)].join(''));
  out.delete(word);
  return [...out];
}
