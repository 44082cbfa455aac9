import { describe, expect, it } from 'vitest';
import { applyCalibrator, plattMap } from '../../electron/analysis/classify/calibrator';
import { rescaleProbabilities } from '../../electron/analysis/classify/recalibrate';
import {
  chooseCalibrator,
  defaultCandidates,
  groupFolds,
  scoreCalibrated,
} from './chooseCalibrator';
import { fitHistogram, fitIsotonic, fitPlatt, topDecisions, type TopDecision } from './fitTopLabel';
import { fitVectorScaling } from './fitVectorScaling';

/** A seeded uniform draw. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/**
 * Rows of a calibrated model over `n` classes (labels drawn from p), then distorted:
 * shown as `distort(p)`; each row belongs to one of 30 groups.
 */
function rowsOf(
  count: number,
  n: number,
  distort: (p: Float32Array) => Float32Array,
  seed = 7,
): { probs: Float32Array[]; labels: number[]; groups: string[] } {
  const rand = rng(seed);
  const probs: Float32Array[] = [];
  const labels: number[] = [];
  const groups: string[] = [];
  for (let i = 0; i < count; i++) {
    const e = Array.from({ length: n }, () => Math.exp(4 * rand()));
    const s = e.reduce((a, v) => a + v, 0);
    const p = Float32Array.from(e, (v) => v / s);
    let u = rand();
    let y = 0;
    while (y < n - 1 && u >= (p[y] as number)) u -= p[y++] as number;
    labels.push(y);
    probs.push(distort(p));
    groups.push(`g${i % 30}`);
  }
  return { probs, labels, groups };
}

/** (p₁, right?) pairs whose true accuracy at p₁ is `acc(p₁)`. */
function pairs(count: number, acc: (p: number) => number): TopDecision[] {
  const rand = rng(11);
  return Array.from({ length: count }, () => {
    const p = 0.2 + 0.8 * rand();
    return { p, correct: rand() < acc(p) };
  });
}

describe('top-label calibrators', () => {
  it('isotonic regression and histogram binning find a known accuracy curve, rising', () => {
    const acc = (p: number) => 0.1 + 0.85 * p * p;
    const d = pairs(6000, acc);
    for (const c of [fitIsotonic(d, { minBlock: 50 }), fitHistogram(d, { bins: 15 })]) {
      c.y.forEach((v, i) => {
        if (i > 0) expect(v).toBeGreaterThanOrEqual(c.y[i - 1] as number);
      });
      for (const p of [0.35, 0.6, 0.9]) {
        const rest = (1 - p) / 4;
        const q = applyCalibrator(Float32Array.from([p, rest, rest, rest, rest]), c)[0] as number;
        expect(Math.abs(q - acc(p))).toBeLessThan(0.06);
      }
    }
  });

  it('isotonic blocks hold at least minBlock decisions', () => {
    const d = pairs(1000, (p) => p);
    const c = fitIsotonic(d, { minBlock: 100 });
    expect(c.x.length).toBeLessThanOrEqual(10);
    expect(c.x.length).toBeGreaterThan(1);
  });

  it('Platt scaling recovers the logistic curve it was drawn from', () => {
    const d = pairs(8000, (p) => plattMap(2, -0.5, p));
    const c = fitPlatt(d);
    expect(c.a).toBeGreaterThan(1.7);
    expect(c.a).toBeLessThan(2.3);
    expect(c.b).toBeGreaterThan(-0.8);
    expect(c.b).toBeLessThan(-0.2);
  });
});

describe('vector scaling', () => {
  it('undoes a class bias that a temperature cannot', () => {
    // the model shows class 0 three times too probable
    const biased = rowsOf(1500, 4, (p) => {
      const e = Float32Array.from(p, (v, i) => (i === 0 ? 3 * v : v));
      const s = e.reduce((a, v) => a + v, 0);
      return Float32Array.from(e, (v) => v / s);
    });
    const c = fitVectorScaling(biased.probs, biased.labels, { form: 'bias', lambda: 0.0001 });
    // b₀ − mean(b of the others) ≈ −log 3
    const others = ((c.b[1] as number) + (c.b[2] as number) + (c.b[3] as number)) / 3;
    expect((c.b[0] as number) - others).toBeGreaterThan(-1.4);
    expect((c.b[0] as number) - others).toBeLessThan(-0.8);
    expect(c.w[0]).toBeCloseTo(c.w[1] as number, 6);
    const before = scoreCalibrated(biased.probs, biased.labels).nll;
    const after = scoreCalibrated(
      biased.probs.map((p) => applyCalibrator(p, c)),
      biased.labels,
    ).nll;
    expect(after).toBeLessThan(before);
  });
});

/** The default candidates without the slow vector-scaling fits (tested above). */
const fewCandidates = () =>
  defaultCandidates().filter((c) => !/scaling|bias|per class/.test(c.name));

describe('chooseCalibrator', () => {
  it('deals every group into exactly one fold, each fold used', () => {
    const groups = Array.from({ length: 23 }, (_, i) => `g${i}`);
    const folds = groupFolds([...groups, ...groups], 5, 2);
    expect(folds.size).toBe(23);
    expect(new Set(folds.values())).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(groupFolds(groups, 5, 3)).not.toEqual(groupFolds(groups, 5, 4));
  });

  it('on underconfident rows picks a calibrator that lowers the out-of-fold ECE', () => {
    const under = rowsOf(1000, 5, (p) => rescaleProbabilities(p, 2.5));
    const choice = chooseCalibrator(under.probs, under.labels, under.groups, {
      candidates: fewCandidates(),
      repeats: 2,
    });
    const none = choice.scores.find((s) => s.name === 'none');
    const chosen = choice.scores.find((s) => s.name === choice.chosen);
    expect(none && chosen).toBeTruthy();
    expect((chosen?.ece ?? 1) + 0.03).toBeLessThan(none?.ece ?? 0);
    expect(choice.chosen).not.toBe('none');
    // the calibrator returned is fitted on all rows and lowers the ECE there too
    const after = scoreCalibrated(
      under.probs.map((p) => applyCalibrator(p, choice.calibrator)),
      under.labels,
    );
    expect(after.ece).toBeLessThan(scoreCalibrated(under.probs, under.labels).ece / 2);
  });

  it('prefers the simpler of two candidates that tie', () => {
    const rows = rowsOf(600, 3, (p) => p);
    const choice = chooseCalibrator(rows.probs, rows.labels, rows.groups, {
      candidates: fewCandidates(),
      repeats: 1,
      tie: 1,
    });
    expect(choice.chosen).toBe('none');
    expect(topDecisions(rows.probs, rows.labels)).toHaveLength(600);
  });
});
