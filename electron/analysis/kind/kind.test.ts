import { describe, expect, it } from 'vitest';
import { classifyKind, loopScore } from './classifyKind';
import { KIND_FEATURE_NAMES, gridFit, kindFeatures, lateDecayDb } from './kindFeatures';
import { envelopeFeatures } from '../features/envelope';
import { drumHit, drumLoop, sine } from '../test-support/signals';
import type { TempoEstimate } from '../tempo/estimateTempo';

const sr = 44100;
const tempo: TempoEstimate = {
  bpm: 120,
  confidence: 0.8,
  beats: 8,
  candidates: [],
  periodicity: 0.6,
};

describe('kind', () => {
  it('scores a periodic, sounding loop above a decaying hit', () => {
    const loop = {
      durationSec: 4,
      onsets: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5],
      onsetStrengths: [1, 0.8, 1, 0.8, 1, 0.8, 1, 0.8],
      envelope: envelopeFeatures(drumLoop(120, 2, sr), sr),
      tempo,
      singleCycle: false,
      noise: false,
    };
    const hit = {
      durationSec: 0.4,
      onsets: [0],
      onsetStrengths: [1],
      envelope: envelopeFeatures(drumHit(sr), sr),
      tempo: null,
      singleCycle: false,
      noise: false,
    };
    expect(loopScore(loop)).toBeGreaterThan(0);
    expect(loopScore(hit)).toBeLessThan(0);
    expect(classifyKind(loop)).toMatchObject({ kind: 'loop', source: 'audio' });
    expect(classifyKind(hit)).toMatchObject({ kind: 'one-shot', source: 'audio' });
    // A loop word in the name makes a loop of what can be one …
    expect(classifyKind({ ...loop, hints: { loop: true } })).toMatchObject({
      kind: 'loop',
      source: 'name',
    });
    expect(
      classifyKind({ ...hit, durationSec: 2, onsets: [0, 1], hints: { loop: true } }),
    ).toMatchObject({ kind: 'loop', source: 'name' });
    // … not of a 0.4 s hit (physics first: shorter than two beats at 200 BPM).
    expect(classifyKind({ ...hit, hints: { loop: true } })).toMatchObject({
      kind: 'one-shot',
      source: 'audio',
    });
    expect(classifyKind({ ...loop, hints: { oneShot: true } })).toMatchObject({
      kind: 'one-shot',
      source: 'name',
    });
    // A file named for a drum strike with a hit or two is a one-shot, however its length fits
    // a bar; a loop word or a named tempo keeps the loop open, and so do many onsets.
    const twoHits = { ...loop, onsets: [0, 1] };
    expect(classifyKind({ ...twoHits, hints: { drumHit: true } })).toMatchObject({
      kind: 'one-shot',
      source: 'name',
    });
    expect(classifyKind(twoHits)).toMatchObject({ kind: 'loop', source: 'audio' });
    expect(classifyKind({ ...twoHits, hints: { drumHit: true, bpm: 120 } }).source).not.toBe(
      'name',
    );
    expect(classifyKind({ ...loop, hints: { drumHit: true } })).toMatchObject({ kind: 'loop' });
    expect(classifyKind({ ...loop, embedded: { oneShot: true } })).toMatchObject({
      kind: 'one-shot',
      source: 'embedded',
    });
    expect(classifyKind({ ...hit, embedded: { oneShot: false, beats: 8 } })).toMatchObject({
      kind: 'loop',
      source: 'embedded',
    });
    expect(kindFeatures(loop)).toHaveLength(KIND_FEATURE_NAMES.length);
  });

  it('measures grid fit and late decay', () => {
    expect(gridFit([0, 0.125, 0.5], 120)).toBe(1);
    expect(gridFit([0.06], 120)).toBe(0);
    expect(gridFit([], 120)).toBe(0);
    expect(lateDecayDb(envelopeFeatures(sine(200, 2, sr), sr))).toBeCloseTo(0, 0);
    expect(lateDecayDb(envelopeFeatures(drumHit(sr, { decay: 0.2 }), sr))).toBeLessThan(-20);
    expect(lateDecayDb(envelopeFeatures(new Float32Array(10), sr))).toBe(0);
  });
});
