import { describe, expect, it } from 'vitest';
import { PeakBuilder } from './peakBuilder';
import { decodePeaks, encodePeaks, levelForWidth } from './peaksCodec';
import { sine, whiteNoise } from '../test-support/signals';

function build(channels: Float32Array[], sr = 44100, block = 10000) {
  const b = new PeakBuilder(channels.length, sr);
  const n = channels[0]?.length ?? 0;
  for (let i = 0; i < n; i += block) {
    const frames = Math.min(block, n - i);
    b.push({ frames, channels: channels.map((c) => c.subarray(i, i + frames)) });
  }
  return b.result();
}

describe('PeakBuilder', () => {
  it('keeps three levels for a long file and matches a direct min/max', () => {
    const x = whiteNoise(10, 44100, 0.8, 3);
    const p = build([x]);
    expect(p.levels.map((l) => l.buckets)).toEqual([256, 1024, 4096]);
    const l = p.levels[0];
    // Check bucket 100 against the samples it covers (micro-bucket edges allow one micro-bucket of slack).
    const lo = Math.floor((100 * x.length) / 256);
    const hi = Math.floor((101 * x.length) / 256);
    let mn = 1;
    let mx = -1;
    for (let i = lo + 100; i < hi - 100; i++) {
      mn = Math.min(mn, x[i] as number);
      mx = Math.max(mx, x[i] as number);
    }
    const d = l?.data[0] as Int8Array;
    expect((d[200] as number) / 127).toBeLessThanOrEqual(mn + 1 / 127);
    expect((d[201] as number) / 127).toBeGreaterThanOrEqual(mx - 1 / 127);
    expect(p.frames).toBe(x.length);
  });

  it('every level equals the direct min/max of the frames its buckets cover (coarse levels read from finer ones)', () => {
    // 10 000 frames: micro-buckets of 1 frame; 49 152 frames declared: micro-buckets of 4.
    for (const [frames, declared] of [
      [10000, null],
      [49152, 49152],
    ] as const) {
      const chans = [
        whiteNoise(frames / 44100, 44100, 0.9, 11),
        sine(97, frames / 44100, 44100, 0.6),
      ];
      const b = new PeakBuilder(2, 44100, declared);
      for (let i = 0; i < frames; i += 3000) {
        const n = Math.min(3000, frames - i);
        b.push({ frames: n, channels: chans.map((c) => c.subarray(i, i + n)) });
      }
      const p = b.result();
      expect(p.levels.map((l) => l.buckets)).toEqual(
        frames < 4096 * 8 ? [256, 1024] : [256, 1024, 4096],
      );
      const micro = declared === null ? 1 : 4;
      const count = frames / micro;
      for (const level of p.levels) {
        for (let t = 0; t < 2; t++) {
          const ch = chans[t] as Float32Array;
          const want = new Int8Array(level.buckets * 2);
          for (let j = 0; j < level.buckets; j++) {
            const a = Math.floor((j * count) / level.buckets) * micro;
            const z = Math.floor(((j + 1) * count) / level.buckets) * micro;
            let lo = Infinity;
            let hi = -Infinity;
            for (let i = a; i < z; i++) {
              lo = Math.min(lo, ch[i] as number);
              hi = Math.max(hi, ch[i] as number);
            }
            want[2 * j] = Math.max(-127, Math.min(127, Math.floor(lo * 127)));
            want[2 * j + 1] = Math.max(-127, Math.min(127, Math.ceil(hi * 127)));
          }
          expect(Array.from(level.data[t] as Int8Array)).toEqual(Array.from(want));
        }
      }
    }
  });

  it('gives the same peaks whatever the block sizes (whole-bucket and frame-by-frame paths)', () => {
    for (const seconds of [0.1, 0.5, 3]) {
      const stereo = [whiteNoise(seconds, 44100, 0.8, 5), sine(220, seconds, 44100, 0.5)];
      const three = [...stereo, whiteNoise(seconds, 44100, 0.3, 9)];
      for (const chans of [[stereo[0] as Float32Array], stereo, three]) {
        const whole = build(chans, 44100, 1 << 20);
        expect(build(chans, 44100, 3)).toEqual(whole);
        expect(build(chans, 44100, 4097)).toEqual(whole);
      }
    }
  });

  it('shows a decaying envelope and silence', () => {
    const x = sine(100, 2, 44100, 1);
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * Math.max(0, 1 - i / 44100);
    const p = build([x]);
    const d = p.levels[0]?.data[0] as Int8Array;
    expect(d[1]).toBeGreaterThan(120);
    expect(d[255 * 2 + 1]).toBe(0);
    expect(d[255 * 2]).toBe(0);
  });

  it('stores stereo as two tracks, dual mono as one, 8 channels as one', () => {
    const a = sine(440, 1, 44100, 0.5);
    const b = sine(660, 1, 44100, 0.2);
    expect(build([a, b]).channels).toBe(2);
    expect(build([a, a.slice()]).channels).toBe(1);
    const eight = Array.from({ length: 8 }, (_, c) => sine(100 * (c + 1), 0.5, 48000, 0.1 * c));
    const p = build(eight, 48000);
    expect(p.channels).toBe(1);
    expect((p.levels[0]?.data[0] as Int8Array)[1]).toBeGreaterThanOrEqual(88);
  });

  it('keeps fewer levels for short files and handles tiny and empty ones', () => {
    expect(build([sine(440, 0.05, 44100)]).levels.map((l) => l.buckets)).toEqual([256]);
    expect(build([sine(440, 0.3, 44100)]).levels.map((l) => l.buckets)).toEqual([256, 1024]);
    const one = build([new Float32Array([0.5])]);
    expect(one.levels).toHaveLength(1);
    expect(one.levels[0]?.buckets).toBe(1);
    expect(Array.from(one.levels[0]?.data[0] as Int8Array)).toEqual([63, 64]);
    expect(build([new Float32Array(0)]).levels).toEqual([]);
  });

  it('round-trips through the binary format, small enough to store', () => {
    const p = build([whiteNoise(30, 44100, 0.5, 1), whiteNoise(30, 44100, 0.5, 2)]);
    const bytes = encodePeaks(p);
    expect(bytes.length).toBe(16 + 12 + (256 + 1024 + 4096) * 2 * 2);
    const back = decodePeaks(bytes);
    expect(back).toEqual(p);
    expect(levelForWidth(back, 800)?.buckets).toBe(1024);
    expect(levelForWidth(back, 10000)?.buckets).toBe(4096);
    expect(() => decodePeaks(bytes.subarray(0, 100))).toThrow(/truncated/);
    expect(() => decodePeaks(new Uint8Array(20))).toThrow(/not a peaks/);
    const bad = bytes.slice();
    bad[4] = 9;
    expect(() => decodePeaks(bad)).toThrow(/version/);
  });
});
