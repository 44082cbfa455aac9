import { describe, expect, it } from 'vitest';
import {
  bpmRanges,
  camelot,
  formatCamelot,
  hzToMidi,
  keyCode,
  keyFromCode,
  midiToHz,
  midiToNoteName,
  normalizeKey,
  parseKey,
  parseNoteName,
  parsePitchClass,
  pitchClassName,
  relatedKeys,
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

describe('key relations, codes and conversions', () => {
  const aMinor = { tonic: 9, mode: 'minor' } as const;

  it('encodes keys as 0..23 and back', () => {
    expect(keyCode(aMinor)).toBe(21);
    expect(keyFromCode(21)).toEqual(aMinor);
    expect(keyFromCode(0)).toEqual({ tonic: 0, mode: 'major' });
  });

  it('lists exact, relative and compatible keys', () => {
    expect(relatedKeys(aMinor, 'exact')).toEqual([aMinor]);
    expect(relatedKeys(aMinor, 'relative')).toEqual([aMinor, { tonic: 0, mode: 'major' }]);
    expect(relatedKeys({ tonic: 0, mode: 'major' }, 'compatible')).toEqual([
      { tonic: 0, mode: 'major' },
      { tonic: 9, mode: 'minor' },
      { tonic: 7, mode: 'major' },
      { tonic: 5, mode: 'major' },
    ]);
  });

  it('converts notes and frequencies', () => {
    expect(midiToNoteName(61)).toBe('C#4');
    expect(midiToNoteName(21)).toBe('A0');
    expect(pitchClassName(-1)).toBe('B');
    expect(hzToMidi(440)).toBe(69);
    expect(midiToHz(57)).toBeCloseTo(220, 9);
  });

  it('widens BPM ranges for half/double time', () => {
    expect(bpmRanges(130, 120, false)).toEqual([[120, 130]]);
    expect(bpmRanges(120, 130, true)).toEqual([
      [120, 130],
      [60, 65],
      [240, 260],
    ]);
  });
});
