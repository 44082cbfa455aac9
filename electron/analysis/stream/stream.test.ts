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

  it('stereo files (both channels in one loop) give the same statistics, to the bit, as channel by channel', () => {
    // Reference: the per-channel loops of the general path (sums in sample order, per block).
    const reference = (chans: Float32Array[], block: number) => {
      let sum = 0;
      let sumSq = 0;
      let ll = 0;
      let rr = 0;
      let lr = 0;
      let clipped = 0;
      let runs = 0;
      const run = [0, 0];
      const n = chans[0]!.length;
      for (let i = 0; i < n; i += block) {
        const e = Math.min(n, i + block);
        for (let c = 0; c < 2; c++) {
          let s = 0;
          let q = 0;
          for (let k = i; k < e; k++) {
            const v = chans[c]![k]!;
            s += v;
            q += v * v;
            if (Math.abs(v) >= 0.999) {
              run[c]!++;
              if (run[c] === 3) {
                clipped += 3;
                runs++;
              } else if (run[c]! > 3) clipped++;
            } else run[c] = 0;
          }
          sum += s;
          sumSq += q;
        }
        let a = 0;
        let b = 0;
        let ab = 0;
        for (let k = i; k < e; k++) {
          a += chans[0]![k]! ** 2;
          b += chans[1]![k]! ** 2;
          ab += chans[0]![k]! * chans[1]![k]!;
        }
        ll += a;
        rr += b;
        lr += ab;
      }
      return { sum, sumSq, ll, rr, lr, clipped, runs };
    };
    const l = whiteNoise(1, 8000, 0.7, 3);
    const r = sine(60, 1, 8000, 1.4).map((v) => Math.max(-1, Math.min(1, v)) + 0.01);
    // A clipped run across a block boundary in the left channel only.
    l.fill(1, 3998, 4003);
    for (const block of [4000, 333]) {
      const s = new SignalStats(2);
      feed(s, [l, r], block);
      const got = s.result();
      const want = reference([l, r], block);
      const count = 2 * l.length;
      expect(got.dcOffset).toBe(want.sum / count);
      expect(got.rms).toBe(Math.sqrt(want.sumSq / count));
      expect(got.clippedSamples).toBe(want.clipped);
      expect(got.clipRuns).toBe(want.runs);
      expect(got.clipRuns).toBeGreaterThan(50);
      expect(got.stereoCorrelation).toBe(want.lr / Math.sqrt(want.ll * want.rr));
      const mid = (want.ll + want.rr + 2 * want.lr) / 4;
      const side = (want.ll + want.rr - 2 * want.lr) / 4;
      expect(got.stereoWidth).toBe(side / (mid + side));
    }
  });
});
