import { describe, expect, it } from 'vitest';
import type { AnalysisFields } from '../../../shared/contract/analysis';
import type { SampleClassification } from '../classify/classification';
import { harmonicTone, sine, whiteNoise } from '../test-support/signals';
import { gaussianNoise, pinkNoise } from '../test-support/garbageSet';
import { activeSeconds } from './activeSeconds';
import { assessSignal, isUnlabelled } from './assessSignal';
import { guardClassification, guardFields, guardPitchByClass } from './labelGuard';
import { localFlatness } from './localFlatness';
import { scrubNonFinite } from './nonFinite';
import { isSteadyNoise } from './steadyNoise';

const sr = 44100;

describe('scrubNonFinite', () => {
  it('replaces NaN and ±Infinity with 0 and counts them', () => {
    const a = new Float32Array([0.5, Number.NaN, Infinity, -Infinity, -0.25]);
    const b = new Float32Array([1, 2, Number.NaN, 4, 5]);
    expect(scrubNonFinite({ channels: [a, b], frames: 5 })).toBe(4);
    expect(Array.from(a)).toEqual([0.5, 0, 0, 0, -0.25]);
    expect(Array.from(b)).toEqual([1, 2, 0, 4, 5]);
    expect(scrubNonFinite({ channels: [a], frames: 5 })).toBe(0);
  });
});

describe('activeSeconds', () => {
  it('counts the time within 30 dB of the peak around the DC level', () => {
    const clicks = new Float32Array(sr).fill(0.2);
    clicks[100] = 0.9;
    clicks[9000] = -0.5;
    expect(activeSeconds(clicks, sr)).toBeCloseTo(2 / sr, 8);
    expect(activeSeconds(sine(440, 1, sr), sr)).toBeGreaterThan(0.9);
    expect(activeSeconds(new Float32Array(100), sr)).toBe(0);
  });
});

describe('assessSignal', () => {
  const base = {
    frames: sr,
    sampleRate: sr,
    bitDepth: 16,
    swing: 0.5,
    nonFinite: 0,
    activeSec: 0.5,
  };
  it('passes ordinary sound', () => {
    expect(assessSignal(base)).toEqual([]);
  });
  it('finds silence, dither and DC (no swing above −66 dBFS or 1.5 LSB)', () => {
    expect(assessSignal({ ...base, swing: 0 })).toEqual(['silent']);
    expect(assessSignal({ ...base, swing: 2 / 32768 })).toEqual(['silent']);
    expect(assessSignal({ ...base, swing: 0.001 })).toEqual([]);
    // 8-bit: a swing of one step is dither, of several steps sound.
    expect(assessSignal({ ...base, bitDepth: 8, swing: 1 / 128 })).toEqual(['silent']);
    expect(assessSignal({ ...base, bitDepth: 8, swing: 4 / 128 })).toEqual([]);
  });
  it('finds files of a few samples and isolated clicks', () => {
    expect(assessSignal({ ...base, frames: 1, swing: 0 })).toEqual(['too-short']);
    expect(assessSignal({ ...base, frames: 300 })).toEqual(['too-short']);
    expect(assessSignal({ ...base, activeSec: 3 / sr })).toEqual(['too-short']);
  });
  it('flags NaN / Infinity data', () => {
    expect(assessSignal({ ...base, nonFinite: 3 })).toEqual(['invalid-samples']);
    expect(assessSignal({ ...base, nonFinite: sr, swing: 0 })).toEqual([
      'invalid-samples',
      'silent',
    ]);
    expect(isUnlabelled(['invalid-samples'])).toBe(true);
    expect(isUnlabelled(['the file is truncated'])).toBe(false);
  });
});

describe('steady noise', () => {
  it('local flatness is ~0.56–0.62 for noise of any colour, low for tones', () => {
    const white = localFlatness(gaussianNoise(sr, 0.2, 3), sr);
    const pink = localFlatness(pinkNoise(sr, 0.2, 4), sr);
    const tone = localFlatness(harmonicTone(110, 1, sr, { decay: 0 }), sr);
    expect(white).toBeGreaterThan(0.5);
    expect(white).toBeLessThan(0.7);
    expect(pink).toBeGreaterThan(0.5);
    expect(tone).toBeLessThan(0.2);
    expect(localFlatness(new Float32Array(100), sr)).toBe(0);
  });
  it('is steady: no events, no pitch, level that stays put, a noise spectrum', () => {
    const energy = (f: (i: number) => number, n = 200): Float32Array =>
      Float32Array.from({ length: n }, (_, i) => f(i));
    const steady = {
      durationSec: 5,
      frameEnergy: energy((i) => 0.01 * (1 + 0.1 * Math.sin(i))),
      events: 1,
      pitchConfidence: 0,
      localFlatness: () => 0.6,
    };
    expect(isSteadyNoise(steady)).toBe(true);
    expect(isSteadyNoise({ ...steady, localFlatness: () => 0.3 })).toBe(false);
    expect(isSteadyNoise({ ...steady, pitchConfidence: 0.85 })).toBe(false);
    expect(isSteadyNoise({ ...steady, events: 4 })).toBe(false);
    expect(isSteadyNoise({ ...steady, durationSec: 0.3 })).toBe(false);
    // A decaying wash (a cymbal) is not steady.
    expect(isSteadyNoise({ ...steady, frameEnergy: energy((i) => Math.exp(-i / 20)) })).toBe(false);
    // Gated noise (a pulse) is not steady either.
    expect(isSteadyNoise({ ...steady, frameEnergy: energy((i) => (i % 10 < 5 ? 1 : 1e-4)) })).toBe(
      false,
    );
  });
  it('white noise from the signal helpers reads as noise', () => {
    expect(localFlatness(whiteNoise(1, sr), sr)).toBeGreaterThan(0.5);
  });
});

function fields(over: Partial<AnalysisFields> = {}): AnalysisFields {
  return {
    analyzerVersion: 'x',
    format: 'wav',
    codec: 'pcm_s16le',
    durationSec: 2,
    frames: 2 * sr,
    sampleRate: sr,
    channels: 1,
    bitDepth: 16,
    kind: 'loop',
    kindConfidence: 0.8,
    bpm: 144,
    bpmConfidence: 0.7,
    bpmSource: 'audio',
    beats: 4,
    bpmAlternates: [72, 288],
    key: 'A minor',
    keyConfidence: 0.8,
    keySource: 'audio',
    rootNote: 'A2',
    rootMidi: 45,
    rootCents: 3,
    rootConfidence: 0.9,
    rootSource: 'audio',
    lufs: -20,
    loudnessMethod: 'gated',
    maxMomentaryLufs: -18,
    truePeakDb: -1,
    samplePeakDb: -1,
    descriptors: {} as AnalysisFields['descriptors'],
    tags: ['bright', 'tonal', 'mono', 'clipped'],
    excerptSec: 2,
    warnings: [],
    ...over,
  };
}

function cls(over: Partial<SampleClassification> = {}): SampleClassification {
  return {
    class: 'woodwind',
    tier: 'likely',
    classSource: 'audio',
    confidence: 0.84,
    candidates: [
      { class: 'woodwind', p: 0.84 },
      { class: 'vocal', p: 0.1 },
    ],
    loopClass: null,
    embedding: new Float32Array(4),
    embeddingVersion: 'v',
    ...over,
  };
}

describe('label guard', () => {
  it('leaves a file with something to label alone', () => {
    const f = fields({ warnings: ['the file is truncated'] });
    expect(guardFields(f)).toBe(f);
    const c = cls();
    expect(guardClassification(c, f)).toBe(c);
  });
  it('takes every label off a file with nothing to label, keeping the measurements', () => {
    for (const w of ['silent', 'too-short', 'invalid-samples']) {
      const g = guardFields(fields({ warnings: [w] }));
      expect(g).toMatchObject({
        kind: 'one-shot',
        bpm: null,
        bpmSource: null,
        beats: null,
        bpmAlternates: [],
        key: null,
        keySource: null,
        rootNote: null,
        rootMidi: null,
        rootSource: null,
        lufs: -20,
        durationSec: 2,
      });
      expect(g.tags).toEqual(['mono', 'clipped']);
      const c = guardClassification(cls(), g);
      expect(c).toMatchObject({
        class: null,
        tier: null,
        classSource: null,
        confidence: 0,
        candidates: [],
      });
      // The name's class does not survive either: there is no sound to bear it.
      expect(guardClassification(cls({ classSource: 'name' }), g).class).toBeNull();
    }
  });
  it('hears no class in steady noise; a class the name states stays', () => {
    const f = fields({ tags: ['noise'] });
    expect(guardClassification(cls({ class: 'fx' }), f)).toMatchObject({
      class: null,
      tier: null,
      classSource: null,
    });
    expect(guardClassification(cls({ class: 'fx', classSource: 'name' }), f).class).toBe('fx');
  });
  it('makes a single-cycle waveform synth, never a drum', () => {
    const c = guardClassification(
      cls({ class: 'kick', confidence: 0.92, candidates: [{ class: 'kick', p: 0.92 }] }),
      fields({ kind: 'one-shot', tags: ['single-cycle'] }),
    );
    expect(c).toMatchObject({
      class: 'synth',
      tier: 'sure',
      classSource: 'audio',
      confidence: 0.9,
    });
  });
  it('keeps no key heard in a drum one-shot, and no root in a cymbal', () => {
    const oneShot = fields({ kind: 'one-shot' });
    const cymbal = guardPitchByClass(oneShot, { class: 'cymbal' });
    expect(cymbal).toMatchObject({ key: null, keySource: null, rootNote: null, rootSource: null });
    expect(cymbal.tags).not.toContain('tonal');
    const kick = guardPitchByClass(oneShot, { class: 'kick' });
    expect(kick).toMatchObject({ key: null, rootNote: 'A2' });
    expect(kick.tags).toContain('tonal');
    // Written values stay; loops and tonal classes are not touched.
    expect(guardPitchByClass({ ...oneShot, keySource: 'name' }, { class: 'cymbal' }).key).toBe(
      'A minor',
    );
    expect(guardPitchByClass(fields(), { class: 'cymbal' }).key).toBe('A minor');
    expect(guardPitchByClass(oneShot, { class: 'pad' }).key).toBe('A minor');
    expect(guardPitchByClass(oneShot, null).key).toBe('A minor');
  });
});
