import { describe, expect, it } from 'vitest';
import { decodePeaks, encodePeaks, type Peaks } from '../../../shared/peaksCodec';
import { envelopeForWidth, peaksDuration, waveSurferChannels } from './peaksDraw';

function level(values: Array<[number, number]>): Int8Array {
  return Int8Array.from(values.flat());
}

const peaks: Peaks = {
  channels: 2,
  frames: 88_200,
  sampleRate: 44_100,
  levels: [
    {
      buckets: 2,
      data: [
        level([
          [-10, 20],
          [-127, 127],
        ]),
        level([
          [-30, 5],
          [-1, 1],
        ]),
      ],
    },
    {
      buckets: 4,
      data: [
        level([
          [-10, 20],
          [-5, 5],
          [-127, 100],
          [0, 127],
        ]),
        level([
          [-30, 5],
          [0, 0],
          [-1, 1],
          [-2, 2],
        ]),
      ],
    },
  ],
};

describe('peaks drawing', () => {
  it('takes the outer envelope of both channels per pixel column', () => {
    const env = envelopeForWidth(peaks, 2);
    expect(Array.from(env).map((v) => Math.round(v * 127))).toEqual([-30, 20, -127, 127]);
  });

  it('uses a finer level when more columns are asked for, and spreads coarse buckets', () => {
    expect(Array.from(envelopeForWidth(peaks, 4)).map((v) => Math.round(v * 127))).toEqual([
      -30, 20, -5, 5, -127, 100, -2, 127,
    ]);
    // 8 columns from 4 buckets: each bucket feeds two columns.
    const wide = envelopeForWidth(peaks, 8);
    expect(wide.length).toBe(16);
    expect(Math.round(wide[0]! * 127)).toBe(-30);
    expect(Math.round(wide[2]! * 127)).toBe(-30);
  });

  it('works on blobs that went through the binary codec', () => {
    const back = decodePeaks(encodePeaks(peaks));
    expect(envelopeForWidth(back, 2)).toEqual(envelopeForWidth(peaks, 2));
    expect(peaksDuration(back)).toBe(2);
  });

  it('draws nothing for empty peaks', () => {
    const empty: Peaks = { channels: 1, frames: 0, sampleRate: 0, levels: [] };
    expect(Array.from(envelopeForWidth(empty, 3))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(waveSurferChannels(empty, 10)).toHaveLength(1);
    expect(peaksDuration(empty)).toBe(0);
  });

  it('gives wavesurfer one array per channel scaled to ±1', () => {
    const ch = waveSurferChannels(peaks, 3);
    expect(ch).toHaveLength(2);
    expect(ch[0]!.length).toBe(8);
    expect(ch[0]![4]).toBe(-1);
  });
});
