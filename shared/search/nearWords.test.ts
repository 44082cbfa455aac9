import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { editDistance } from '../suggest';
import { wordsOneEditAway } from './nearWords';

describe('wordsOneEditAway', () => {
  it('lists the typo corrections producers need', () => {
    const near = new Set(wordsOneEditAway('kcik'));
    expect(near.has('kick')).toBe(true); // swapped letters
    expect(wordsOneEditAway('snar')).toContain('snare'); // a letter missing
    expect(wordsOneEditAway('snaare')).toContain('snare'); // a letter too many
    expect(wordsOneEditAway('snate')).toContain('snare'); // a wrong letter
    expect(wordsOneEditAway('hihta')).toContain('hihat');
    expect(near.has('kcik')).toBe(false);
  });

  it('is exactly the words at edit distance 1 (over its alphabet), without repeats', () => {
    const rand = seededRandom(11);
    const alphabet = 'abck1';
    const randomWord = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let trial = 0; trial < 12; trial++) {
      const word = randomWord(2 + Math.floor(rand() * 3));
      const near = wordsOneEditAway(word);
      expect(new Set(near).size).toBe(near.length);
      for (const w of near) expect(editDistance(word, w)).toBe(1);
      // every word over the small alphabet within one edit is generated
      const all = new Set<string>();
      for (let n = word.length - 1; n <= word.length + 1; n++) {
        const count = alphabet.length ** n;
        for (let k = 0; k < count; k++) {
          let s = '';
          let x = k;
          for (let i = 0; i < n; i++) {
            s += alphabet[x % alphabet.length];
            x = Math.floor(x / alphabet.length);
          }
          all.add(s);
        }
      }
      const set = new Set(near);
      for (const w of all) if (editDistance(word, w) === 1) expect(set.has(w)).toBe(true);
    }
  });
});
