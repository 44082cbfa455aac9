import { describe, expect, it } from 'vitest';
import { envelopeFeatures } from '../features/envelope';
import {
  TF_BANDS,
  TF_DECAY_DB,
  TF_DECAY_GROUPS,
  TF_WINDOWS,
  timeFrequencyFeatures,
} from '../features/timeFrequency';
import { drumHit } from '../test-support/signals';
import {
  TIME_FREQUENCY_DIMENSIONS,
  TIME_FREQUENCY_VECTOR_LENGTH,
  timeFrequencyIndex,
  timeFrequencyVector,
} from './timeFrequencyVector';

const tfOf = (x: Float32Array) => timeFrequencyFeatures(x, 44100, envelopeFeatures(x, 44100));
const tf = tfOf(drumHit(44100, { pitch: 60, decay: 0.2, noise: 0.3 }));

describe('timeFrequencyVector', () => {
  it('has a fixed, documented layout with unique names', () => {
    expect(TIME_FREQUENCY_VECTOR_LENGTH).toBe(
      TF_WINDOWS * TF_BANDS + 2 * TF_WINDOWS + TF_DECAY_GROUPS * TF_DECAY_DB.length + 2 + 4,
    );
    expect(TIME_FREQUENCY_VECTOR_LENGTH).toBe(122);
    expect(new Set(TIME_FREQUENCY_DIMENSIONS.map((d) => d.name)).size).toBe(122);
    expect(timeFrequencyIndex('t–f mel band 1/24, 0–20 ms')).toBe(0);
    expect(timeFrequencyIndex('t–f mel band 1/24, 300–2300 ms')).toBe(3 * TF_BANDS);
    expect(timeFrequencyIndex('sub share (< 90 Hz) 93–186 ms')).toBe(121);
    expect(() => timeFrequencyIndex('no such dimension')).toThrow(/no time–frequency/);
  });

  it('maps every descriptor into [0, 1]; the loudest cell to 1 and silence to 0', () => {
    const v = timeFrequencyVector(tf);
    expect(v).toHaveLength(TIME_FREQUENCY_VECTOR_LENGTH);
    for (const x of v) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...v.subarray(0, TF_WINDOWS * TF_BANDS))).toBeCloseTo(1, 5);
    const silent = timeFrequencyVector(tfOf(new Float32Array(2000)));
    expect(Math.max(...silent.subarray(0, TF_WINDOWS * TF_BANDS))).toBe(0);
    expect(silent[timeFrequencyIndex('low peak 0–93 ms')]).toBe(0);
    expect(silent[timeFrequencyIndex('bursts')]).toBe(0);
  });

  it('reads the low peak and the decay on their documented scales', () => {
    const v = timeFrequencyVector(tf);
    // log Hz axis: 20 Hz → 0, 20 kHz → 1
    const hz = 20 * 1000 ** (v[timeFrequencyIndex('low peak 0–93 ms')] as number);
    expect(hz).toBeCloseTo(tf.lowPeakHz[0], 1);
    // log10 s, 1 ms … 3 s
    const d = v[timeFrequencyIndex('t–f decay of band group 1/6 to −20 dB')] as number;
    expect(10 ** (-3 + 3.5 * d) - 1e-3).toBeCloseTo(tf.decaySec[0] as number, 3);
    expect(v[timeFrequencyIndex('bursts')]).toBeCloseTo(tf.bursts / 6, 6);
  });
});
