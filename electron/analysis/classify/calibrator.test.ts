import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyCalibrator,
  CalibratorSchema,
  calibratorOf,
  piecewiseLinear,
  type Calibrator,
} from './calibrator';
import { defaultModelsDir, META_FILE } from './classifier';
import { parseModelMeta } from './modelMeta';
import { rescaleProbabilities } from './recalibrate';

const sum = (p: Float32Array) => p.reduce((a, v) => a + v, 0);
const argmax = (p: Float32Array) => p.indexOf(Math.max(...p));
/** Rows whose top probability runs from 0.3 to 1, the rest shared unevenly below it. */
function rows(n: number): Float32Array[] {
  return Array.from({ length: 41 }, (_, i) => {
    const top = 0.3 + (0.7 * i) / 40;
    const rest = Array.from({ length: n - 1 }, (_, j) => n - j);
    const s = rest.reduce((a, v) => a + v, 0);
    return Float32Array.from([top, ...rest.map((v) => ((1 - top) * v) / s)]);
  });
}

const topLabel: Calibrator = { kind: 'topLabel', x: [0.3, 0.5, 0.8], y: [0.35, 0.7, 0.95] };
const platt: Calibrator = { kind: 'platt', a: 1.6, b: 0.4 };
const vector: Calibrator = { kind: 'vector', w: [1.2, 0.8, 1.5, 1], b: [0.3, -0.2, 0, -0.1] };

describe('applyCalibrator', () => {
  it('a temperature is rescaleProbabilities, t = 1 leaves p as it is', () => {
    const p = Float32Array.from([0.6, 0.3, 0.1]);
    expect(applyCalibrator(p, { kind: 'temperature', t: 1 })).toBe(p);
    expect([...applyCalibrator(p, { kind: 'temperature', t: 0.6 })]).toEqual([
      ...rescaleProbabilities(p, 0.6),
    ]);
  });

  it('every kind gives probabilities that sum to 1', () => {
    for (const c of [topLabel, platt, vector, { kind: 'temperature', t: 0.7 } as const]) {
      for (const p of rows(4)) {
        const q = applyCalibrator(p, c);
        expect(sum(q)).toBeCloseTo(1, 5);
        for (const v of q) expect(v).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('top-label maps are monotonic in the top probability and never reorder the classes', () => {
    for (const c of [topLabel, platt]) {
      let last = -1;
      for (const p of rows(5)) {
        const q = applyCalibrator(p, c);
        expect(argmax(q)).toBe(argmax(p));
        const order = (r: Float32Array) =>
          [...r.keys()].sort((a, b) => (r[b] as number) - (r[a] as number));
        expect(order(q)).toEqual(order(p));
        expect(q[0] as number).toBeGreaterThanOrEqual(last - 1e-7);
        last = q[0] as number;
      }
    }
  });

  it('a top-label map gives its knots exactly, is linear between them and flat beyond', () => {
    const at = (top: number) =>
      applyCalibrator(Float32Array.from([top, (1 - top) * 0.6, (1 - top) * 0.4]), topLabel);
    expect(at(0.5)[0]).toBeCloseTo(0.7, 6);
    expect(at(0.8)[0]).toBeCloseTo(0.95, 6);
    expect(at(0.65)[0]).toBeCloseTo(0.825, 6);
    expect(at(0.95)[0]).toBeCloseTo(0.95, 6);
    // the others keep their proportions: 0.6 : 0.4 of what is left
    const q = at(0.5);
    expect((q[1] as number) / (q[2] as number)).toBeCloseTo(1.5, 5);
    expect(q[1]).toBeCloseTo(0.3 * 0.6, 6);
    expect(piecewiseLinear([0.3, 0.5], [0.35, 0.7], 0.1)).toBe(0.35);
  });

  it('a map that would put the top class under the runner-up stops where they tie', () => {
    const low: Calibrator = { kind: 'topLabel', x: [0, 1], y: [0.05, 0.05] };
    const q = applyCalibrator(Float32Array.from([0.5, 0.4, 0.1]), low);
    expect(q[0]).toBeCloseTo(q[1] as number, 6);
    expect(argmax(q)).toBe(0);
  });

  it('with a temperature, a top-label map reads the tempered probabilities', () => {
    const p = Float32Array.from([0.5, 0.3, 0.15, 0.05]);
    const tempered = rescaleProbabilities(p, 0.5);
    const q = applyCalibrator(p, { ...topLabel, t: 0.5 } as Calibrator);
    expect(q[0]).toBeCloseTo(
      piecewiseLinear([0.3, 0.5, 0.8], [0.35, 0.7, 0.95], tempered[0] as number),
      6,
    );
    // the others keep the tempered proportions
    expect((q[1] as number) / (q[2] as number)).toBeCloseTo(
      (tempered[1] as number) / (tempered[2] as number),
      5,
    );
    const r = applyCalibrator(p, { ...platt, t: 0.5 } as Calibrator);
    expect(r[0]).toBeCloseTo(applyCalibrator(tempered, platt)[0] as number, 6);
  });

  it('Platt maps as fitted: q = σ(a · logit p₁ + b)', () => {
    const q = applyCalibrator(Float32Array.from([0.7, 0.2, 0.1]), platt);
    const z = 1.6 * Math.log(0.7 / 0.3) + 0.4;
    expect(q[0]).toBeCloseTo(1 / (1 + Math.exp(-z)), 5);
  });

  it('vector scaling is normalise(exp(w · log p + b)); a shared w with no bias is a temperature', () => {
    const p = Float32Array.from([0.4, 0.3, 0.2, 0.1]);
    const q = applyCalibrator(p, vector);
    const e = [...p].map((v, i) =>
      Math.exp((vector.w[i] as number) * Math.log(v) + (vector.b[i] as number)),
    );
    const s = e.reduce((a, v) => a + v, 0);
    e.forEach((v, i) => expect(q[i]).toBeCloseTo(v / s, 6));
    const t = applyCalibrator(p, { kind: 'vector', w: [2, 2, 2, 2], b: [0, 0, 0, 0] });
    [...rescaleProbabilities(p, 0.5)].forEach((v, i) => expect(t[i]).toBeCloseTo(v, 6));
    expect(() => applyCalibrator(Float32Array.from([0.5, 0.5]), vector)).toThrow(RangeError);
  });
});

describe('a calibrator per family of top classes', () => {
  const byClass: Calibrator = {
    kind: 'byClass',
    of: [0, 0, 1, 1],
    calibrators: [
      { kind: 'temperature', t: 0.5 },
      topLabel as Extract<Calibrator, { kind: 'topLabel' }>,
    ],
  };
  it('applies the calibrator of the top class’s family', () => {
    const a = Float32Array.from([0.5, 0.3, 0.1, 0.1]);
    expect([...applyCalibrator(a, byClass)]).toEqual([...rescaleProbabilities(a, 0.5)]);
    const b = Float32Array.from([0.1, 0.1, 0.3, 0.5]);
    expect([...applyCalibrator(b, byClass)]).toEqual([...applyCalibrator(b, topLabel)]);
    expect(() => applyCalibrator(Float32Array.from([0.5, 0.5]), byClass)).toThrow(RangeError);
  });
  it('takes only calibrators that keep the top class, and indices it has', () => {
    expect(CalibratorSchema.safeParse(byClass).success).toBe(true);
    expect(CalibratorSchema.safeParse({ ...byClass, of: [0, 0, 2, 1] }).success).toBe(false);
    expect(CalibratorSchema.safeParse({ ...byClass, calibrators: [vector, platt] }).success).toBe(
      false,
    );
  });
});

describe('calibrator metadata', () => {
  it('refuses a map that falls or knots out of order', () => {
    expect(
      CalibratorSchema.safeParse({ kind: 'topLabel', x: [0.2, 0.5], y: [0.6, 0.4] }).success,
    ).toBe(false);
    expect(
      CalibratorSchema.safeParse({ kind: 'topLabel', x: [0.5, 0.2], y: [0.4, 0.6] }).success,
    ).toBe(false);
    expect(CalibratorSchema.safeParse({ kind: 'platt', a: -1, b: 0 }).success).toBe(false);
    expect(CalibratorSchema.safeParse(topLabel).success).toBe(true);
  });

  it('reads files without a calibrator (recalibration temperature, or nothing) as before', () => {
    const json = JSON.parse(readFileSync(join(defaultModelsDir(), META_FILE), 'utf8')) as Record<
      string,
      unknown
    >;
    const { calibrator: _c, ...old } = json;
    const meta = parseModelMeta({ ...old, recalibration: { oneShot: 0.65, loop: 0.9 } });
    expect(calibratorOf(meta, 'oneShot')).toEqual({ kind: 'temperature', t: 0.65 });
    expect(calibratorOf(meta, 'loop')).toEqual({ kind: 'temperature', t: 0.9 });
    const { recalibration: _r, ...older } = old;
    expect(calibratorOf(parseModelMeta(older), 'loop')).toEqual({ kind: 'temperature', t: 1 });
    // a calibrator, when present, replaces the temperature
    const both = parseModelMeta({
      ...older,
      recalibration: { oneShot: 0.5, loop: 0.5 },
      calibrator: { oneShot: platt, loop: topLabel },
    });
    expect(calibratorOf(both, 'oneShot')).toEqual(platt);
    // a vector calibrator must have one weight per class of its head
    expect(() =>
      parseModelMeta({ ...older, calibrator: { oneShot: vector, loop: topLabel } }),
    ).toThrow(/vector calibrator/);
    expect(() =>
      parseModelMeta({
        ...older,
        calibrator: {
          oneShot: { kind: 'byClass', of: [0, 1], calibrators: [platt, platt] },
          loop: topLabel,
        },
      }),
    ).toThrow(/byClass calibrator has 2 classes/);
  });
});
