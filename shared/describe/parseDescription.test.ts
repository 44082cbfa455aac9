import { describe, expect, it } from 'vitest';
import type { DescribeParse } from '../contract/similar';
import { parseDescription } from './parseDescription';
import { VOCABULARY } from './vocabulary';

type Expect = Partial<Omit<DescribeParse, 'text' | 'understood'>>;

/** Phrase → the fields it must produce (fields not named must stay empty/null). */
const TABLE: Array<[string, Expect]> = [
  ['dark punchy kick', { classes: ['kick'], tags: ['dark', 'punchy'] }],
  ['bright open hat', { classes: ['hihat'], tags: ['bright'], nameWords: ['open'] }],
  [
    '120 bpm bass loop in A minor',
    {
      classes: ['bass'],
      kind: 'loop',
      loopClasses: ['bass'],
      key: 'A minor',
      bpm: { min: 116.4, max: 123.6, target: 120 },
    },
  ],
  ['long airy pad', { classes: ['pad'], tags: ['airy'], length: 'long' }],
  ['like Kick_808_Hard', { like: { name: 'Kick_808_Hard' } }],
  ['snare like #42', { classes: ['snare'], like: { id: 42 } }],
  ['similar to id 7 with the same rhythm', { like: { id: 7 }, aspects: ['rhythm'] }],
  ['kick', { classes: ['kick'] }],
  ['kicks', { classes: ['kick'] }],
  ['BD', { classes: ['kick'] }],
  ['bass drum', { classes: ['kick'] }],
  ['hi-hat', { classes: ['hihat'] }],
  ['closed hi hat', { classes: ['hihat'], nameWords: ['closed'] }],
  ['crash cymbal', { classes: ['cymbal'], nameWords: ['crash'] }],
  ['floor tom', { classes: ['tom'] }],
  // The classifier files a lone rim shot under percussion, producers with snares: both.
  ['rimshot', { classes: ['percussion', 'snare'], nameWords: ['rim'] }],
  ['side stick', { classes: ['percussion', 'snare'], nameWords: ['rim'] }],
  ['shaker loop', { classes: ['percussion'], kind: 'loop', loopClasses: ['drums'] }],
  [
    'drum loop 90bpm',
    { kind: 'loop', loopClasses: ['drums'], bpm: { min: 87.3, max: 92.7, target: 90 } },
  ],
  ['breakbeat at 170', { loopClasses: ['drums'], bpm: { min: 164.9, max: 175.1, target: 170 } }],
  [
    '128-130 bpm techno kick',
    { classes: ['kick'], nameWords: ['techno'], bpm: { min: 128, max: 130, target: 129 } },
  ],
  ['bpm 95 groove', { loopClasses: ['drums'], bpm: { min: 92.15, max: 97.85, target: 95 } }],
  ['piano chords in C', { classes: ['keys'], loopClasses: ['melodic'], key: 'C major' }],
  ['F#m synth arp', { classes: ['synth'], key: 'F# minor' }],
  ['Ebm pad', { classes: ['pad'], key: 'D# minor' }],
  ['rhodes in the key of Bb major', { classes: ['keys'], key: 'A# major' }],
  ['am vocal chop', { classes: ['vocal'], key: 'A minor', unparsed: ['chop'] }],
  ['808 sub bass', { classes: ['bass'], nameWords: ['808'] }],
  ['deep bass one shot', { classes: ['bass'], tags: ['sub'], kind: 'one-shot' }],
  ['short clicky hat', { classes: ['hihat'], tags: ['short'], length: 'short' }],
  ['not bright snare', { classes: ['snare'], avoidTags: ['bright'] }],
  ['clap without reverb', { classes: ['clap'], avoidTags: ['long-tail'] }],
  ['kick but not a loop', { classes: ['kick'], kind: 'one-shot', unparsed: ['but'] }],
  ['percussion, no shakers', { classes: ['percussion'], excludeClasses: ['percussion'] }],
  ['distorted guitar riff', { classes: ['guitar'], tags: ['distorted'], loopClasses: ['melodic'] }],
  ['lo-fi dusty keys', { classes: ['keys'], tags: ['distorted'], unparsed: ['dusty'] }],
  ['wide stereo strings', { classes: ['strings'], tags: ['wide'] }],
  ['mono sub', { tags: ['mono', 'sub'] }],
  ['soft brushed snare', { classes: ['snare'], tags: ['soft'], unparsed: ['brushed'] }],
  ['fx riser under 4 seconds', { classes: ['fx'], durationSec: { max: 4 } }],
  [
    'kick shorter than 300 ms',
    { classes: ['kick'], tags: ['short'], length: 'short', durationSec: { max: 0.3 } },
  ],
  ['pad longer than 8s', { classes: ['pad'], length: 'long', durationSec: { min: 8 } }],
  ['2 second impact', { classes: ['fx'], durationSec: { min: 1.5, max: 2.5 } }],
  ['4 bar drum loop', { kind: 'loop', loopClasses: ['drums'], bars: 4 }],
  ['fast hats', { classes: ['hihat'], bpm: { min: 135, max: 300, target: null } }],
  [
    'slow melodic loop',
    { kind: 'loop', loopClasses: ['melodic'], bpm: { min: 40, max: 100, target: null } },
  ],
  ['flute', { classes: ['woodwind'] }],
  ['trumpet stab', { classes: ['brass', 'synth'] }],
  ['choir', { classes: ['vocal'] }],
  ['a dark kick', { classes: ['kick'], tags: ['dark'] }],
  ['something like a dark kick', { classes: ['kick'], tags: ['dark'] }],
  ['sounds like "Big Room Kick 01"', { like: { name: 'Big Room Kick 01' } }],
  [
    'kick with similar envelope like 12',
    { classes: ['kick'], aspects: ['envelope'], like: { id: 12 } },
  ],
  ['same timbre as snare', { classes: ['snare'], aspects: ['timbre'], unparsed: ['as'] }],
  ['gritty noisy fx', { classes: ['fx'], tags: ['noisy'] }],
  ['vintage 909 ride', { classes: ['cymbal'], nameWords: ['vintage', '909', 'ride'] }],
  ['tambourine one-shot', { classes: ['percussion'], kind: 'one-shot' }],
  ['xyzzy blorp', { unparsed: ['xyzzy', 'blorp'] }],
  ['', {}],
];

function normalised(p: DescribeParse): Expect {
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    classes: p.classes,
    loopClasses: p.loopClasses,
    excludeClasses: p.excludeClasses,
    kind: p.kind,
    tags: p.tags,
    avoidTags: p.avoidTags,
    nameWords: p.nameWords,
    bpm: p.bpm && { min: round(p.bpm.min), max: round(p.bpm.max), target: p.bpm.target },
    key: p.key,
    durationSec: p.durationSec && {
      ...(p.durationSec.min !== undefined ? { min: round(p.durationSec.min) } : {}),
      ...(p.durationSec.max !== undefined ? { max: round(p.durationSec.max) } : {}),
    },
    length: p.length,
    bars: p.bars,
    like: p.like,
    aspects: p.aspects,
    unparsed: p.unparsed,
  };
}

const EMPTY: Expect = normalised(parseDescription(''));

describe('parseDescription', () => {
  it('has a table of at least 40 phrases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%s', (phrase, expected) => {
    const got = normalised(parseDescription(phrase));
    expect(got).toEqual({ ...EMPTY, ...expected });
  });

  it('says what each understood phrase meant', () => {
    const p = parseDescription('dark punchy kick at 128 in F minor');
    expect(p.understood).toEqual([
      { text: 'dark', meaning: 'tag dark' },
      { text: 'punchy', meaning: 'tag punchy' },
      { text: 'kick', meaning: 'class kick' },
      { text: '128', meaning: 'tempo 124.2–131.8 BPM' },
      { text: 'f minor', meaning: 'key F minor' },
    ]);
  });

  it('keeps the original spelling of a reference name', () => {
    expect(parseDescription('hat similar to My HiHat (Open) 2.wav').like).toEqual({
      name: 'My HiHat (Open) 2.wav',
    });
  });

  it('lets a vocabulary phrase win over its words', () => {
    expect(parseDescription('drum and bass loop').classes).toEqual([]);
    expect(parseDescription('drum and bass loop').nameWords).toEqual(['dnb']);
  });

  it('has only lower-case, single-spaced phrases', () => {
    for (const k of VOCABULARY.keys()) expect(k).toBe(k.toLowerCase().replace(/\s+/g, ' ').trim());
  });
});
