import { describe, expect, it } from 'vitest';
import { deriveTags } from './deriveTags';
import type { Descriptors } from '../../../shared/contract/analysis';
import { FEATURE_DIMENSIONS, FEATURE_VECTOR_LENGTH, featureVector } from '../vector/featureVector';
import type { AnalysisFields } from '../../../shared/contract/analysis';

export const baseDescriptors: Descriptors = {
  attackSec: 0.02,
  decaySec: 0.3,
  tailSec: 0.8,
  effectiveLengthSec: 0.9,
  temporalCentroidSec: 0.2,
  endLevelDb: -80,
  envelopeDb: [-1, -2, -4, -8, -12, -20, -40, -70],
  spectralCentroidHz: 2000,
  spectralCentroidStdHz: 300,
  centroidEarlyHz: 3000,
  centroidLateHz: 1500,
  spectralFlatness: 0.1,
  spectralRolloffHz: 5000,
  subRatio: 0.05,
  lowRatio: 0.3,
  midRatio: 0.5,
  highRatio: 0.2,
  airRatio: 0.02,
  mfccMean: Array.from({ length: 13 }, (_, i) => (i === 0 ? -60 : 25 - i * 4)),
  mfccStd: Array.from({ length: 13 }, () => 4),
  stereoWidth: 0.1,
  stereoCorrelation: 0.8,
  clippedSamples: 0,
  zeroCrossingRate: 0.1,
  onsetRate: 2,
  onsetCount: 2,
  crestFactorDb: 14,
  dcOffset: 0,
  pitchConfidence: 0.2,
};

describe('deriveTags', () => {
  const tags = (d: Partial<Descriptors>, extra: Partial<Parameters<typeof deriveTags>[0]> = {}) =>
    deriveTags({
      descriptors: { ...baseDescriptors, ...d },
      kind: 'one-shot',
      channels: 2,
      lufs: -20,
      tonal: false,
      ...extra,
    });

  it('derives each tag from its descriptor', () => {
    expect(tags({})).toEqual([]);
    expect(tags({ spectralCentroidHz: 5000 })).toContain('bright');
    expect(tags({ spectralCentroidHz: 500 })).toContain('dark');
    expect(tags({ attackSec: 0.002 })).toContain('punchy');
    expect(tags({ attackSec: 0.2 })).toContain('soft');
    expect(tags({ tailSec: 2 })).toContain('long-tail');
    expect(tags({ effectiveLengthSec: 0.1 })).toContain('short');
    expect(tags({ spectralFlatness: 0.5 })).toContain('noisy');
    expect(tags({}, { tonal: true })).toContain('tonal');
    expect(tags({ stereoWidth: 0.001 })).toContain('mono');
    expect(tags({}, { channels: 1 })).toContain('mono');
    expect(tags({ stereoWidth: 0.4 })).toContain('wide');
    expect(tags({ clippedSamples: 50 })).toContain('clipped');
    expect(tags({ subRatio: 0.5 })).toContain('sub');
    expect(tags({ airRatio: 0.2 })).toContain('airy');
    expect(tags({ tailSec: 3 }, { kind: 'loop' })).not.toContain('long-tail');
    expect(tags({ spectralCentroidHz: 5000 }, { lufs: null })).toEqual([]);
    expect(tags({}, { lufs: null, channels: 1 })).toEqual(['mono']);
  });
});

describe('featureVector', () => {
  const fields = {
    durationSec: 1,
    excerptSec: 1,
    kind: 'one-shot',
    lufs: -20,
    truePeakDb: -1,
    bpm: null,
    descriptors: baseDescriptors,
  } as unknown as AnalysisFields;

  it('has a fixed, documented length and stays within [-1, 1]', () => {
    const v = featureVector(fields);
    expect(v).toHaveLength(FEATURE_VECTOR_LENGTH);
    expect(FEATURE_VECTOR_LENGTH).toBe(64);
    expect(new Set(FEATURE_DIMENSIONS.map((d) => d.name)).size).toBe(64);
    for (const x of v) {
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(v[24]).toBe(0);
    const loop = featureVector({
      ...fields,
      kind: 'loop',
      bpm: 125,
      lufs: null,
      truePeakDb: null,
      descriptors: {
        ...baseDescriptors,
        stereoWidth: null,
        stereoCorrelation: null,
        attackSec: Number.NaN,
      },
    });
    expect(loop[24]).toBe(1);
    expect(loop[63]).toBeCloseTo(0.5, 5);
    expect(loop[19]).toBe(0);
    expect(loop[1]).toBe(0);
    expect(loop[22]).toBe(1);
  });
});
