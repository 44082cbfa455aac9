import { describe, expect, it } from 'vitest';
import { normalizeTerms, normalWord, singular } from './normalizeTerms';

const terms = (text: string) => normalizeTerms(text).map((t) => t.term);

describe('normalizeTerms', () => {
  it('folds case, diacritics and separators the way the index stores words', () => {
    expect(terms('Dark PAD')).toEqual(['dark', 'pad']);
    expect(terms('Café  crème')).toEqual(['cafe', 'creme']);
    expect(terms('  ""  ')).toEqual([]);
  });

  it('joins separated spellings the vocabulary knows into one term', () => {
    for (const typed of [
      'hihat',
      'hi hat',
      'hi-hat',
      'Hi_Hat',
      'HiHat',
      'hi.hat',
      'hihats',
      'hi-hats',
    ])
      expect(terms(typed)).toEqual(['hihat']);
    expect(normalizeTerms('hi hat')[0]!.words).toEqual(['hi', 'hat']);
    expect(terms('bass drum 01')).toEqual(['bassdrum', '01']);
    expect(terms('dark sub bass')).toEqual(['dark', 'subbass']);
    expect(terms('tr-808 cowbell')).toEqual(['tr808', 'cowbell']);
    // words the vocabulary does not join stay apart
    expect(terms('hi there')).toEqual(['hi', 'there']);
    expect(terms('bass loop')).toEqual(['bass', 'loop']);
  });

  it('reduces plurals, but not words that only end in s', () => {
    expect(terms('kicks snares claps')).toEqual(['kick', 'snare', 'clap']);
    expect(terms('crashes basses')).toEqual(['crash', 'bass']);
    expect(singular('bodies')).toBe('body');
    expect(singular('bass')).toBe('bass');
    expect(singular('chorus')).toBe('chorus');
    expect(singular('analysis')).toBe('analysis');
    expect(singular('fx')).toBe('fx');
    expect(singular('sfx')).toBe('sfx');
    // a vocabulary word that looks plural stays as it is
    expect(normalWord('keys')).toBe('keys');
    expect(normalWord('drums')).toBe('drums');
    expect(normalWord('808s')).toBe('808');
    // an unknown plural is cut to a prefix of itself, which still finds it
    expect(normalWord('grooves')).toBe('groove');
    expect('grooves'.startsWith(normalWord('grooves'))).toBe(true);
  });
});
