import { describe, expect, it } from 'vitest';
import { ExcerptCollector, analysisDecimation } from './excerptCollector';
import { SignalStats } from './signalStats';
import { sine, whiteNoise } from '../test-support/signals';

function feed(
  target: { push(b: { frames: number; channels: Float32Array[] }): void },
  chans: Float32Array[],
  block = 4096,
) {
  const n = chans[0]?.length ?? 0;
  for (let i = 0; i < n; i += block) {
    const frames = Math.min(block, n - i);
    target.push({ frames, channels: chans.map((c) => c.subarray(i, i + frames)) });
  }
}

describe('ExcerptCollector', () => {
  it('mixes to mono and stops at the excerpt length', () => {
    const a = sine(100, 3, 8000, 0.5);
    const b = a.map((v) => -v);
    const c = new ExcerptCollector(8000, 2, 2, null);
    feed(c, [a, a]);
    expect(c.full).toBe(true);
    const x = c.result();
    expect(x.length).toBe(16000);
    expect(x[20]).toBeCloseTo(a[20] as number, 6);
    const d = new ExcerptCollector(8000, 2, 10, a.length);
    feed(d, [a, b]);
    expect(d.full).toBe(false);
    expect(Math.max(...d.result())).toBe(0);
  });

  it('decimates high rates to ≤ 50 kHz', () => {
    expect(analysisDecimation(44100)).toBe(1);
    expect(analysisDecimation(96000)).toBe(2);
    expect(analysisDecimation(192000)).toBe(4);
    expect(analysisDecimation(384000)).toBe(8);
    const c = new ExcerptCollector(192000, 1, 120, null);
    feed(c, [sine(1000, 1, 192000, 0.5)]);
    expect(c.analysisRate).toBe(48000);
    expect(c.result().length).toBe(48000);
  });
});

describe('SignalStats', () => {
  it('measures DC, RMS, clipping runs and stereo width', () => {
    const clip = sine(50, 1, 8000, 1.5).map((v) => Math.max(-1, Math.min(1, v)));
    const s = new SignalStats(1);
    feed(s, [clip]);
    const r = s.result();
    expect(r.clipRuns).toBe(100); // two flat tops per cycle, 50 cycles
    expect(r.clippedSamples).toBeGreaterThan(1000);
    expect(r.stereoWidth).toBeNull();

    const dc = new SignalStats(1);
    feed(dc, [new Float32Array(1000).fill(0.25)]);
    expect(dc.result().dcOffset).toBeCloseTo(0.25, 6);
    expect(dc.result().rms).toBeCloseTo(0.25, 6);
    expect(dc.result().clipRuns).toBe(0);

    const x = whiteNoise(1, 8000, 0.5, 1);
    const y = whiteNoise(1, 8000, 0.5, 2);
    const mono = new SignalStats(2);
    feed(mono, [x, x]);
    expect(mono.result().stereoWidth).toBeCloseTo(0, 6);
    expect(mono.result().stereoCorrelation).toBeCloseTo(1, 6);
    const wide = new SignalStats(2);
    feed(wide, [x, y]);
    expect(wide.result().stereoWidth).toBeCloseTo(0.5, 1);
    const anti = new SignalStats(2);
    feed(anti, [x, x.map((v) => -v)]);
    expect(anti.result().stereoWidth).toBeCloseTo(1, 6);
    expect(new SignalStats(2).result()).toMatchObject({
      rms: 0,
      stereoWidth: 0,
      stereoCorrelation: null,
    });
  });
});
