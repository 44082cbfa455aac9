import { describe, expect, it } from 'vitest';
import { applyCalibrator, plattMap } from '../../electron/analysis/classify/calibrator';
import { rescaleProbabilities } from '../../electron/analysis/classify/recalibrate';
import {
  chooseCalibrator,
  defaultCandidates,
  type CalibratorCandidate,
  groupFolds,
  scoreCalibrated,
} from './chooseCalibrator';
import { fitByFamily } from './fitByFamily';
import { fitTemperature } from './fitTemperature';
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

describe('a calibrator per family', () => {
  it('fits each family of top classes on its own rows, all rows where a family has few', () => {
    // classes 0–1 shown underconfident, 2–3 overconfident
    const rows = rowsOf(2000, 4, (p) => {
      const top = p.indexOf(Math.max(...p));
      return rescaleProbabilities(p, top < 2 ? 2 : 0.5);
    });
    const fitT = (q: readonly Float32Array[], m: readonly number[]) => ({
      kind: 'temperature' as const,
      t: fitTemperature(q, m),
    });
    const c = fitByFamily(rows.probs, rows.labels, [0, 0, 1, 1], fitT);
    const [under, over] = c.calibrators as { kind: 'temperature'; t: number }[];
    expect(under?.t).toBeLessThan(0.8);
    expect(over?.t).toBeGreaterThan(1.3);
    // family 1 has no rows at all when every class is family 0 but one absent class
    const few = fitByFamily(
      rows.probs.slice(0, 300),
      rows.labels.slice(0, 300),
      [0, 0, 0, 1],
      fitT,
      10_000,
    );
    expect(few.calibrators[0]).toEqual(few.calibrators[1]);
    expect(few.calibrators[0]).toEqual(fitT(rows.probs.slice(0, 300), rows.labels.slice(0, 300)));
  });
});

describe('vector scaling', () => {
  it('undoes a class bias that a temperature cannot', () => {
    // the model shows class 0 three times too probable
    const biased = rowsOf(900, 4, (p) => {
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
    const under = rowsOf(600, 5, (p) => rescaleProbabilities(p, 2.5));
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

  it('never picks a calibrator that makes the labels less likely than none (one constant confidence)', () => {
    const rows = rowsOf(900, 4, (p) => p);
    const acc =
      topDecisions(rows.probs, rows.labels).filter((d) => d.correct).length / rows.probs.length;
    const constant: CalibratorCandidate = {
      name: 'constant',
      keepsOrder: true,
      fit: () => ({ kind: 'topLabel', x: [0, 1], y: [acc, acc] }),
    };
    const none = defaultCandidates().filter((c) => c.name === 'none');
    const choice = chooseCalibrator(rows.probs, rows.labels, rows.groups, {
      candidates: [...none, constant],
      repeats: 1,
    });
    const score = (n: string) => choice.scores.find((s) => s.name === n);
    // the constant has the lower ECE but the worse NLL
    expect(score('constant')?.ece ?? 1).toBeLessThan(score('none')?.ece ?? 0);
    expect(score('constant')?.nll ?? 0).toBeGreaterThan(score('none')?.nll ?? 1);
    expect(choice.chosen).toBe('none');
  });

  it('a tempered candidate carries its temperature', () => {
    const under = rowsOf(600, 4, (p) => rescaleProbabilities(p, 2));
    const c = defaultCandidates()
      .find((x) => x.name === 'temperature, then Platt on p₁')
      ?.fit(under.probs, under.labels);
    expect(c?.kind).toBe('platt');
    expect(c && 't' in c ? (c.t ?? 1) : 1).toBeLessThan(0.8);
  });

  it('of the candidates as good as the best ECE, takes the lowest NLL', () => {
    const rows = rowsOf(600, 3, (p) => rescaleProbabilities(p, 1.5));
    const choice = chooseCalibrator(rows.probs, rows.labels, rows.groups, {
      candidates: fewCandidates(),
      repeats: 1,
      tie: 1,
    });
    const eligible = choice.scores.filter((s) => s.ineligible === undefined);
    const lowest = eligible.reduce((a, s) => (s.nll < a.nll ? s : a));
    expect(choice.chosen).toBe(lowest.name);
    expect(topDecisions(rows.probs, rows.labels)).toHaveLength(600);
  });

  it('never picks a calibrator that changes top classes', () => {
    const rows = rowsOf(200, 3, (p) => rescaleProbabilities(p, 2));
    const vector = defaultCandidates().filter((c) => c.name.startsWith('vector scaling'));
    const none = defaultCandidates().filter((c) => c.name === 'none');
    const choice = chooseCalibrator(rows.probs, rows.labels, rows.groups, {
      candidates: [...none, ...vector],
      repeats: 1,
    });
    expect(choice.chosen).toBe('none');
    expect(choice.scores.find((s) => s.name !== 'none')?.ineligible).toBe('changes top classes');
  });
});
