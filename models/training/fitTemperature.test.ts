import { describe, expect, it } from 'vitest';
import { rescaleProbabilities } from '../../electron/analysis/classify/recalibrate';
import { calibrationGroup, calibrationHalf, splitTestForCalibration } from './calibrationSplit';
import { fitTemperature, nll } from './fitTemperature';
import type { ManifestEntry } from './manifestTypes';

/** Decisions drawn from a calibrated model, then blurred by temperature `blur`. */
function blurred(blur: number, n: number): { probs: Float32Array[]; labels: number[] } {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const probs: Float32Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = [0, 1, 2].map(() => 3 * rand());
    const e = z.map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    const p = Float32Array.from(e.map((v) => v / s));
    // the label drawn from the calibrated p
    const u = rand();
    labels.push(u < (p[0] as number) ? 0 : u < (p[0] as number) + (p[1] as number) ? 1 : 2);
    probs.push(rescaleProbabilities(p, blur));
  }
  return { probs, labels };
}

describe('fitTemperature', () => {
  it('undoes a known blur (underconfident → t < 1, overconfident → t > 1)', () => {
    const under = blurred(2, 2000);
    const t = fitTemperature(under.probs, under.labels);
    expect(t).toBeGreaterThan(0.4);
    expect(t).toBeLessThan(0.6);
    expect(nll(under.probs, under.labels, t)).toBeLessThan(nll(under.probs, under.labels, 1));
    const over = blurred(0.5, 2000);
    const t2 = fitTemperature(over.probs, over.labels);
    expect(t2).toBeGreaterThan(1.7);
    expect(t2).toBeLessThan(2.3);
  });
});

describe('calibration split', () => {
  it('keeps each group in one half and takes only test rows', () => {
    const row = (id: string, group: string, split: ManifestEntry['split']): ManifestEntry =>
      ({ id, group, split, kind: 'one-shot', label: 'kick' }) as ManifestEntry;
    const groups = Array.from({ length: 40 }, (_, i) => `kit:${i}`);
    const rows = groups.flatMap((g) => [row(`${g}/a`, g, 'test'), row(`${g}/b`, g, 'test')]);
    const out = splitTestForCalibration([...rows, row('t/1', 'kit:0', 'train')]);
    expect(out).toHaveLength(rows.length);
    for (const g of groups) {
      const halves = new Set(out.filter((e) => e.group === g).map((e) => e.split));
      expect(halves.size).toBe(1);
      expect([...halves][0]).toBe(calibrationHalf(g) === 'calibration' ? 'val' : 'test');
    }
    // both halves are used
    expect(new Set(out.map((e) => e.split)).size).toBe(2);
  });

  it('splits a soundfont’s GM drum kits into a group each, other groups stay whole', () => {
    const drum = (kit: number, key: number): ManifestEntry =>
      ({
        id: `drums-k${kit}-${key}`,
        group: 'timgm6mb:drums',
        detail: `GM drum kit ${kit} (x), key ${key}, velocity 80`,
        split: 'test',
        kind: 'one-shot',
        label: 'kick',
      }) as ManifestEntry;
    expect(calibrationGroup(drum(8, 36))).toBe('timgm6mb:drums:kit8');
    expect(calibrationGroup({ group: 'timgm6mb:gm8', detail: 'GM program 8, key 60' })).toBe(
      'timgm6mb:gm8',
    );
    expect(calibrationGroup({ group: 'kit:ForzeeStereo', detail: 'GM drum kit 8' })).toBe(
      'kit:ForzeeStereo',
    );
    const kits = [0, 8, 16, 24, 25, 32, 40];
    const out = splitTestForCalibration(kits.flatMap((k) => [drum(k, 35), drum(k, 38)]));
    for (const k of kits) {
      const rows = out.filter((e) => e.group === `timgm6mb:drums:kit${k}`);
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((e) => e.split)).size).toBe(1);
    }
    // the seven kits of TimGM6mb land in both halves (4 calibrate, 3 measure)
    expect(out.filter((e) => e.split === 'val')).toHaveLength(8);
    expect(out.filter((e) => e.split === 'test')).toHaveLength(6);
  });
});
