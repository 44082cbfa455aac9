import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from './loudnessMeter';
import { TruePeakMeter, amplitudeDb, oversamplingFactor, polyphaseFilter } from './truePeak';
import { biquadGain, kWeightingFilters } from './kWeighting';
import { channelWeight } from './channelWeights';
import { concatSamples } from '../test-support/concatSamples';
import { sine, whiteNoise } from '../test-support/signals';
import type { Speaker } from '../decode/types';

function measure(channels: Float32Array[], sr: number, layout?: Speaker[], blockSize = 4096) {
  const meter = new LoudnessMeter(
    sr,
    layout ??
      ((channels.length === 1 ? ['FC'] : ['FL', 'FR']) as Speaker[]).slice(0, channels.length),
  );
  const tp = new TruePeakMeter(sr, channels.length);
  const n = channels[0]?.length ?? 0;
  for (let i = 0; i < n; i += blockSize) {
    const frames = Math.min(blockSize, n - i);
    const block = { frames, channels: channels.map((c) => c.subarray(i, i + frames)) };
    meter.push(block);
    tp.push(block);
  }
  return {
    ...meter.result(),
    tp: amplitudeDb(tp.truePeakLinear),
    sp: amplitudeDb(tp.samplePeakLinear),
  };
}

function db(v: number): number {
  return 10 ** (v / 20);
}

describe('K-weighting', () => {
  it('reproduces the published 48 kHz coefficients', () => {
    const [s, h] = kWeightingFilters(48000);
    expect(s.b0).toBeCloseTo(1.53512485958697, 8);
    expect(s.b1).toBeCloseTo(-2.69169618940638, 8);
    expect(s.b2).toBeCloseTo(1.19839281085285, 8);
    expect(s.a1).toBeCloseTo(-1.69065929318241, 8);
    expect(s.a2).toBeCloseTo(0.73248077421585, 8);
    expect(h.a1).toBeCloseTo(-1.99004745483398, 8);
    expect(h.a2).toBeCloseTo(0.99007225036621, 8);
  });

  // Bilinear warping (as in libebur128 and ffmpeg) bends the shelf at low rates: within
  // 0.01 dB at 44.1 kHz, 0.05 dB above 48 kHz (where the 48 kHz reference itself is
  // warped), 0.1 dB at 22.05 kHz, 0.45 dB at 8 kHz (documented).
  it.each([
    [8000, 0.45],
    [22050, 0.1],
    [44100, 0.01],
    [96000, 0.05],
    [192000, 0.05],
    [384000, 0.05],
  ])('has the same response at %i Hz (within %f dB)', (sr, tol) => {
    const [s, h] = kWeightingFilters(sr);
    const [s48, h48] = kWeightingFilters(48000);
    for (const f of [50, 100, 1000, 3000]) {
      const g = 20 * Math.log10(biquadGain(s, f, sr) * biquadGain(h, f, sr));
      const g48 = 20 * Math.log10(biquadGain(s48, f, 48000) * biquadGain(h48, f, 48000));
      expect(Math.abs(g - g48)).toBeLessThan(tol);
    }
  });
});

describe('integrated loudness (EBU Tech 3341 cases)', () => {
  it('stereo 1 kHz at −23 dBFS reads −23.0 LUFS at every rate', () => {
    for (const sr of [22050, 44100, 48000, 96000, 192000]) {
      const a = db(-23);
      const r = measure([sine(1000, 5, sr, a), sine(1000, 5, sr, a)], sr);
      expect(r.method).toBe('gated');
      expect(r.lufs).toBeCloseTo(-23, 1);
    }
  });

  it('gates quiet passages out (cases 3 and 4)', () => {
    const sr = 48000;
    const tone = (level: number, s: number) => sine(1000, s, sr, db(level));
    const c3 = concatSamples([tone(-36, 10), tone(-23, 60), tone(-36, 10)]);
    expect(measure([c3, c3], sr).lufs).toBeCloseTo(-23, 1);
    const c4 = concatSamples([
      tone(-72, 10),
      tone(-36, 10),
      tone(-23, 60),
      tone(-36, 10),
      tone(-72, 10),
    ]);
    expect(measure([c4, c4], sr).lufs).toBeCloseTo(-23, 1);
  });

  it('does not depend on block boundaries', () => {
    const x = whiteNoise(3, 44100, 0.3, 5);
    const a = measure([x], 44100, ['FC'], 100);
    const b = measure([x], 44100, ['FC'], 44100);
    expect(a.lufs).toBeCloseTo(b.lufs as number, 9);
  });

  it('a stereo pair (filtered side by side) reads exactly what the channel-by-channel path reads', () => {
    const sr = 44100;
    const l = whiteNoise(2.3, sr, 0.4, 7);
    const r = sine(220, 2.3, sr, 0.6);
    // With an LFE channel (weight 0) the meter filters channel by channel.
    const pair = measure([l, r], sr, ['FL', 'FR'], 1000);
    const apart = measure([l, r, new Float32Array(l.length)], sr, ['FL', 'FR', 'LFE'], 1000);
    expect(pair.blocks).toBeGreaterThan(0);
    expect(pair.lufs).toBe(apart.lufs);
    expect(pair.maxMomentaryLufs).toBe(apart.maxMomentaryLufs);
  });

  it('weights surround channels by +1.5 dB and ignores LFE', () => {
    const sr = 48000;
    const layout: Speaker[] = ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR'];
    const sig = sine(1000, 2, sr, 0.1);
    const silent = new Float32Array(sig.length);
    const only = (c: number) => layout.map((_, i) => (i === c ? sig : silent));
    const front = measure(only(0), sr, layout).lufs as number;
    const back = measure(only(4), sr, layout).lufs as number;
    expect(back - front).toBeCloseTo(10 * Math.log10(1.41), 2);
    expect(measure(only(3), sr, layout).lufs).toBeNull();
    expect(channelWeight('SR')).toBe(1.41);
    expect(channelWeight('OTHER')).toBe(1);
  });

  it('measures files shorter than one block over their own length', () => {
    const sr = 44100;
    const long = measure([sine(1000, 3, sr, 0.25)], sr).lufs as number;
    const short = measure([sine(1000, 0.2, sr, 0.25)], sr);
    expect(short.method).toBe('short');
    expect(short.blocks).toBe(0);
    expect(Math.abs((short.lufs as number) - long)).toBeLessThan(0.3);
    const one = measure([new Float32Array([0.5])], sr);
    expect(one.method).toBe('short');
    expect(one.sp).toBeCloseTo(-6.02, 2);
  });

  it('calls silence silence', () => {
    const silent = measure([new Float32Array(44100 * 2)], 44100);
    expect(silent).toMatchObject({ lufs: null, method: 'silent', tp: null, sp: null });
    expect(measure([new Float32Array(100)], 44100)).toMatchObject({ lufs: null, method: 'silent' });
    const dc = new Float32Array(44100 * 2).fill(0.5);
    const r = measure([dc], 44100);
    // K-weighting removes DC: only the switch-on click at the start is measured.
    expect(r.lufs as number).toBeLessThan(-20);
    expect(r.sp).toBeCloseTo(-6.02, 2);
  });
});

describe('true peak', () => {
  it('finds the inter-sample peak of a fs/4 sine sampled at 45°', () => {
    for (const sr of [44100, 48000]) {
      const x = sine(sr / 4, 1, sr, 0.9, Math.PI / 4);
      const r = measure([x], sr);
      expect(r.sp).toBeCloseTo(20 * Math.log10(0.9 * Math.SQRT1_2), 2);
      expect(Math.abs((r.tp as number) - 20 * Math.log10(0.9))).toBeLessThan(0.2);
    }
  });

  it('skipping quiet chunks gives exactly the brute-force answer', () => {
    const sr = 44100;
    const x = whiteNoise(1, sr, 0.5, 11);
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * Math.exp(-i / 8000);
    const r = measure([x], sr);
    const { factor, taps, coeffs } = polyphaseFilter(oversamplingFactor(sr));
    let brute = 0;
    for (let n = 0; n < x.length; n++) {
      brute = Math.max(brute, Math.abs(x[n] as number));
      for (let p = 1; p < factor; p++) {
        let acc = 0;
        for (let k = 0; k < taps; k++)
          acc += (coeffs[p * taps + k] as number) * (n - k >= 0 ? (x[n - k] as number) : 0);
        brute = Math.max(brute, Math.abs(acc));
      }
    }
    expect(r.tp).toBeCloseTo(20 * Math.log10(brute), 9);
  });

  it('chooses the oversampling factor from the rate', () => {
    expect(oversamplingFactor(44100)).toBe(4);
    expect(oversamplingFactor(48000)).toBe(4);
    expect(oversamplingFactor(22050)).toBe(8);
    expect(oversamplingFactor(96000)).toBe(2);
    expect(oversamplingFactor(192000)).toBe(1);
    expect(oversamplingFactor(8000)).toBe(32);
    const r = measure([sine(1000, 0.5, 192000, 0.5)], 192000);
    expect(r.tp).toBeCloseTo(r.sp as number, 6);
    expect(amplitudeDb(0)).toBeNull();
  });
});
