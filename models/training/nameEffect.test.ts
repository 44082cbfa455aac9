import { describe, expect, it } from 'vitest';
import type { Classification } from '../../electron/analysis/classify/decision';
import type { SampleClass } from '../../shared/taxonomy';
import { nameEffect } from './nameEffect';

const said = (
  cls: SampleClass | null,
  candidates: Array<[SampleClass, number]>,
): Classification => ({
  class: cls ?? candidates[0]?.[0] ?? null,
  tier: cls === null ? 'guess' : 'likely',
  confidence: candidates[0]?.[1] ?? 0,
  candidates: candidates.map(([c, p]) => ({ class: c, p })),
});
const kit = '/usr/share/hydrogen/data/drumkits/SomeKit';

describe('nameEffect', () => {
  it('counts what the names add and what they get wrong', () => {
    const e = nameEffect(
      [
        // unsure audio, wrong top class; the name settles it
        { path: `${kit}/Snare-1.wav`, label: 'snare' },
        // confident, right audio; the name agrees
        { path: `${kit}/Kick-1.wav`, label: 'kick' },
        // no class word: the audio alone, wrong
        { path: `${kit}/beats_08-32.flac`, label: 'percussion' },
        // a drum class in the name beats another drum class the audio is sure of
        // (analyzer 1.4.0, for tom-0105.wav): here the name is wrong
        { path: `${kit}/Kick Low.wav`, label: 'tom' },
        // a name that is wrong for its label (a rim shot in a snare name)
        { path: `${kit}/Snare Rim.wav`, label: 'percussion' },
      ],
      [
        said(null, [
          ['percussion', 0.4],
          ['snare', 0.3],
        ]),
        said('kick', [['kick', 0.95]]),
        said(null, [
          ['tom', 0.3],
          ['percussion', 0.2],
        ]),
        said('tom', [
          ['tom', 0.8],
          ['kick', 0.05],
        ]),
        said(null, [
          ['percussion', 0.35],
          ['snare', 0.3],
        ]),
      ],
    );
    expect(e).toEqual({
      samples: 5,
      drums: 3,
      accuracyAudio: 3 / 5,
      accuracyWithNames: 2 / 5,
      drumAccuracyAudio: 2 / 3,
      drumAccuracyWithNames: 2 / 3,
      coverageAudio: 2 / 5,
      selectiveAudio: 2 / 2,
      coverageWithNames: 4 / 5,
      selectiveWithNames: 2 / 4,
      fromName: 2 + 2,
      fromNameWrong: 2,
    });
  });
});
