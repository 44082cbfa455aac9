import { describe, expect, it } from 'vitest';
import { ALL_CLASSES } from '../taxonomy';
import { VOCABULARY } from '../describe/vocabulary';
import { AMBIGUOUS, CLASS_NAMES, GROUPS_BY_NAME, KNOWN_TERMS, TERM_GROUPS } from './searchTerms';

const namesOf = (term: string) =>
  (GROUPS_BY_NAME.get(term) ?? []).flatMap((g) => g.names.map((p) => p.join('')));
const narrowerOf = (term: string) =>
  (GROUPS_BY_NAME.get(term) ?? []).flatMap((g) => g.narrower.map((p) => p.join('')));

describe('search vocabulary', () => {
  it('names every class, each as its own first name', () => {
    expect(Object.keys(CLASS_NAMES).sort()).toEqual([...ALL_CLASSES].sort());
    for (const cls of ALL_CLASSES) expect(CLASS_NAMES[cls][0]).toBe(cls);
  });

  it('makes the producer abbreviations equivalent to their class', () => {
    for (const [abbrev, cls] of [
      ['hh', 'hihat'],
      ['hat', 'hihat'],
      ['bd', 'kick'],
      ['kik', 'kick'],
      ['sd', 'snare'],
      ['cym', 'cymbal'],
      ['perc', 'percussion'],
      ['vox', 'vocal'],
      ['sfx', 'fx'],
      ['gtr', 'guitar'],
    ] as const) {
      expect(namesOf(abbrev)).toContain(cls);
      expect(namesOf(cls)).toContain(abbrev);
    }
    expect(namesOf('tr808')).toContain('808');
  });

  it('takes narrower words one way from the describe vocabulary', () => {
    expect(narrowerOf('cymbal')).toEqual(expect.arrayContaining(['crash', 'ride', 'splash']));
    expect(narrowerOf('perc')).toEqual(expect.arrayContaining(['shaker', 'conga', 'cowbell']));
    expect(narrowerOf('bass')).toEqual(expect.arrayContaining(['subbass', 'reese']));
    expect(GROUPS_BY_NAME.has('crash')).toBe(false); // "crash" finds only crashes
    expect(KNOWN_TERMS.has('crash')).toBe(true);
    for (const g of TERM_GROUPS)
      for (const p of g.narrower) {
        expect(AMBIGUOUS.has(p.join(' '))).toBe(false);
        expect(VOCABULARY.has(p.join(' '))).toBe(true);
      }
    // descriptor and genre words are no synonyms of a class
    expect(narrowerOf('pad')).not.toContain('ambient');
    expect(narrowerOf('bass')).not.toContain('sub');
    expect(narrowerOf('hihat')).not.toContain('oh');
  });
});
