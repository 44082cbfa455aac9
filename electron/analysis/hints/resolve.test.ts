import { describe, expect, it } from 'vitest';
import { resolveTempo, sameTempo } from './resolveTempo';
import { resolveKey } from './resolveKey';
import { resolveRoot } from './resolveRoot';
import type { TempoEstimate } from '../tempo/estimateTempo';
import type { KeyEstimate } from '../key/estimateKey';

const audioTempo = (bpm: number, confidence: number, beats: number | null = 8): TempoEstimate => ({
  bpm,
  confidence,
  beats,
  candidates: [],
  periodicity: 0.5,
});

describe('resolveTempo', () => {
  it('prefers embedded, then name, then audio', () => {
    expect(resolveTempo(audioTempo(120, 0.9), 4, true, { bpm: 120, beats: 8 })).toMatchObject({
      bpm: 120,
      source: 'embedded',
      beats: 8,
    });
    expect(resolveTempo(audioTempo(120, 0.9), 4, true, undefined, { bpm: 120 })).toMatchObject({
      bpm: 120,
      source: 'name',
      beats: 8,
    });
    expect(resolveTempo(audioTempo(119.99, 0.5), 4, true)).toMatchObject({
      bpm: 119.99,
      source: 'audio',
      confidence: 0.5,
    });
  });

  it('keeps a written tempo at half/double time or on the bar grid, drops implausible ones', () => {
    expect(resolveTempo(audioTempo(120, 0.9), 4, true, undefined, { bpm: 60 }).source).toBe('name');
    // 90 BPM does not match 120 and 4 s is not whole bars at 90 → the audio wins.
    expect(resolveTempo(audioTempo(120, 0.9), 4, true, undefined, { bpm: 93 }).source).toBe(
      'audio',
    );
    // Low-confidence audio does not overrule the name.
    expect(resolveTempo(audioTempo(120, 0.3), 4, true, undefined, { bpm: 93 })).toMatchObject({
      source: 'name',
      beats: null,
    });
    expect(resolveTempo(audioTempo(120, 0.9), 4, true, undefined, { bpm: 900 }).source).toBe(
      'audio',
    );
    expect(resolveTempo(null, 4, false)).toEqual({
      bpm: null,
      confidence: null,
      source: null,
      beats: null,
    });
    expect(resolveTempo(audioTempo(120, 0.9), 4, false)).toMatchObject({ bpm: null });
    expect(sameTempo(60, 120)).toBe(true);
    expect(sameTempo(100, 120)).toBe(false);
  });
});

describe('resolveKey and resolveRoot', () => {
  const est: KeyEstimate = {
    tonic: 9,
    mode: 'minor',
    correlation: 0.8,
    confidence: 0.61234,
    ranking: [],
    scaleShare: 0.9,
  };
  it('prefers written keys, normalises spellings', () => {
    expect(resolveKey(est, { key: 'Cmaj' })).toEqual({
      key: 'C major',
      confidence: 0.99,
      source: 'embedded',
    });
    expect(resolveKey(est, {}, { key: 'Ebm' })).toEqual({
      key: 'D# minor',
      confidence: 0.9,
      source: 'name',
    });
    expect(resolveKey(est, { key: 'not a key' })).toEqual({
      key: 'A minor',
      confidence: 0.612,
      source: 'audio',
    });
    expect(resolveKey(null)).toEqual({ key: null, confidence: null, source: null });
  });

  it('accepts a written root unless a confident measurement contradicts it', () => {
    const a2 = { midi: 45, cents: 3, hz: 110, confidence: 0.95 };
    expect(resolveRoot(a2, 0.5, { rootMidi: 45 })).toMatchObject({
      rootNote: 'A2',
      source: 'embedded',
      rootCents: 3,
    });
    expect(resolveRoot(a2, 0.5, {}, { rootMidi: 57 })).toMatchObject({
      rootNote: 'A3',
      source: 'name',
      rootCents: null,
    });
    expect(resolveRoot(a2, 0.5, {}, { rootMidi: 46 })).toMatchObject({
      rootNote: 'A#2',
      source: 'name',
    });
    expect(resolveRoot(a2, 0.5, { rootMidi: 60 })).toMatchObject({
      rootNote: 'A2',
      source: 'audio',
    });
    expect(resolveRoot({ ...a2, confidence: 0.6 }, 0.5, { rootMidi: 60 })).toMatchObject({
      rootNote: 'C4',
      source: 'embedded',
    });
    expect(resolveRoot({ ...a2, confidence: 0.4 }, 0.5)).toMatchObject({ rootNote: null });
    expect(resolveRoot(null, 0.5, { rootMidi: 200 })).toMatchObject({ rootNote: null });
  });
});
