import { describe, expect, it } from 'vitest';
import {
  camelot,
  formatCamelot,
  normalizeKey,
  parseKey,
  parseNoteName,
  parsePitchClass,
} from './music';

describe('parseKey / normalizeKey', () => {
  it.each([
    ['A minor', 'A minor'],
    ['Am', 'A minor'],
    ['A min', 'A minor'],
    ['A Minor', 'A minor'],
    ['AMIN', 'A minor'],
    ['F#MIN', 'F# minor'],
    ['F#m', 'F# minor'],
    ['Gbmaj', 'F# major'],
    ['C major', 'C major'],
    ['C Major', 'C major'],
    ['CMAJ', 'C major'],
    ['C', 'C major'],
    ['CM', 'C major'],
    ['Ebm', 'D# minor'],
    ['Bbm', 'A# minor'],
    ['bm', 'B minor'],
    ['D#min', 'D# minor'],
    ['E♭ minor', 'D# minor'],
    ['A - minor', 'A minor'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeKey(text)).toBe(expected);
  });

  it.each(['', 'H', 'Am7', 'Cmaj7', 'A moll', 'C dorian', 'X minor', 'A#b'])(
    'rejects %s',
    (text) => {
      expect(parseKey(text)).toBeNull();
    },
  );
});

describe('notes and pitch classes', () => {
  it('parses note names with MIDI 60 = C4', () => {
    expect(parseNoteName('C4')).toBe(60);
    expect(parseNoteName('C#2')).toBe(37);
    expect(parseNoteName('Eb-1')).toBe(3);
    expect(parseNoteName('B#3')).toBe(60);
    expect(parseNoteName('G9')).toBe(127);
    expect(parseNoteName('A9')).toBeNull();
    expect(parseNoteName('C')).toBeNull();
  });

  it('parses pitch classes with double accidentals', () => {
    expect(parsePitchClass('Cbb')).toBe(10);
    expect(parsePitchClass('F♯')).toBe(6);
    expect(parsePitchClass('Q')).toBeNull();
  });

  it('places keys on the Camelot wheel', () => {
    expect(formatCamelot({ tonic: 9, mode: 'minor' })).toBe('8A');
    expect(camelot({ tonic: 0, mode: 'major' })).toEqual({ number: 8, letter: 'B' });
  });
});
