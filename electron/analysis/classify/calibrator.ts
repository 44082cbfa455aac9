/**
 * Post-hoc calibrators of a head's probabilities, stored in models/sample-classifier.json
 * (`calibrator`, one per head) and fitted on sounds the networks never saw
 * (models/training/fitCalibrators.ts, chosen by models/training/chooseCalibrator.ts):
 *
 * - `temperature`: normalise(p^(1/t)) = softmax(logits / (T·t)) (recalibrate.ts).
 * - `vector`: normalise(exp(w_c · log p_c + b_c)), per class c (vector scaling on the log
 *   probabilities; one shared w is temperature + bias, b = 0 is a temperature per class).
 *   It may change the order of the classes.
 * - `topLabel`: the top class's probability p₁ goes through a non-decreasing map (linear
 *   between knots `x` → `y`, flat beyond them: isotonic regression, histogram binning),
 *   and the other classes share 1 − q in their old proportions; with `t`, p is first
 *   tempered as above (so the other classes keep the tempered proportions).
 * - `platt`: the same with q = σ(a · logit p₁ + b) (a > 0).
 * - `byClass`: one of several such calibrators (temperature, top-label, Platt) chosen by
 *   the top class: `of[c]` is the index of the one for rows whose top class is c (e.g.
 *   drums and the rest, whose confidence means different things).
 *
 * The top-label maps never reorder the classes: q is kept at or above the second class's
 * new share.
 */
import { z } from 'zod';
import { rescaleProbabilities } from './recalibrate';

const finite = z.number().finite();

const TemperatureSchema = z.object({ kind: z.literal('temperature'), t: z.number().positive() });
const TopLabelSchema = z
  .object({
    kind: z.literal('topLabel'),
    /** A temperature applied first (absent = 1): the map reads the tempered probabilities. */
    t: z.number().positive().optional(),
    x: z.array(z.number().min(0).max(1)).min(1),
    y: z.array(z.number().min(0).max(1)).min(1),
  })
  .refine((m) => m.x.length === m.y.length, 'x and y differ in length')
  .refine((m) => m.x.every((v, i) => i === 0 || v > (m.x[i - 1] as number)), 'x not increasing')
  .refine(
    (m) => m.y.every((v, i) => i === 0 || v >= (m.y[i - 1] as number)),
    'y decreases: the map must be monotonic',
  );
const PlattSchema = z.object({
  kind: z.literal('platt'),
  /** A temperature applied first (absent = 1). */
  t: z.number().positive().optional(),
  a: z.number().positive(),
  b: finite,
});
/** The calibrators that keep the top class (those `byClass` may choose between). */
const OrderKeepingSchema = z.discriminatedUnion('kind', [
  TemperatureSchema,
  TopLabelSchema,
  PlattSchema,
]);

export const CalibratorSchema = z.discriminatedUnion('kind', [
  TemperatureSchema,
  z
    .object({
      kind: z.literal('vector'),
      w: z.array(z.number().positive()).min(2),
      b: z.array(finite).min(2),
    })
    .refine((v) => v.w.length === v.b.length, 'w and b differ in length'),
  TopLabelSchema,
  PlattSchema,
  z
    .object({
      kind: z.literal('byClass'),
      of: z.array(z.number().int().min(0)).min(2),
      calibrators: z.array(OrderKeepingSchema).min(1),
    })
    .refine((v) => v.of.every((i) => i < v.calibrators.length), 'of points past calibrators'),
]);

export type Calibrator = z.infer<typeof CalibratorSchema>;
/** A calibrator that never changes the top class. */
export type OrderKeepingCalibrator = z.infer<typeof OrderKeepingSchema>;

/** The non-decreasing map of a top-label calibrator: linear between knots, flat outside. */
export function piecewiseLinear(x: readonly number[], y: readonly number[], v: number): number {
  const n = x.length;
  if (v <= (x[0] as number)) return y[0] as number;
  if (v >= (x[n - 1] as number)) return y[n - 1] as number;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) <= v) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] as number;
  const x1 = x[hi] as number;
  const y0 = y[lo] as number;
  return y0 + ((v - x0) / (x1 - x0)) * ((y[hi] as number) - y0);
}

const logit = (p: number) => {
  const c = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return Math.log(c / (1 - c));
};

/** q = σ(a · logit p + b). */
export function plattMap(a: number, b: number, p: number): number {
  return 1 / (1 + Math.exp(-(a * logit(p) + b)));
}

/** The top class's probability set to map(p₁); the others share the rest as before. */
function withTopMapped(p: Float32Array, map: (top: number) => number): Float32Array {
  const n = p.length;
  let k = 0;
  for (let i = 1; i < n; i++) if ((p[i] as number) > (p[k] as number)) k = i;
  const p1 = p[k] as number;
  let p2 = 0;
  for (let i = 0; i < n; i++) if (i !== k) p2 = Math.max(p2, p[i] as number);
  const rest = 1 - p1;
  // the smallest q that keeps the runner-up below the top: q ≥ p₂ (1 − q) / (1 − p₁)
  const floor = rest > 1e-12 ? p2 / (rest + p2) : 1 / n;
  const q = Math.min(1, Math.max(map(p1), floor));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (i === k) out[i] = q;
    else out[i] = rest > 1e-12 ? ((p[i] as number) * (1 - q)) / rest : (1 - q) / (n - 1);
  }
  return out;
}

function vectorScaled(p: Float32Array, w: readonly number[], b: readonly number[]): Float32Array {
  if (w.length !== p.length) {
    throw new RangeError(`vector calibrator of ${w.length} classes for ${p.length} probabilities`);
  }
  const z = Array.from(
    p,
    (v, i) => (w[i] as number) * Math.log(Math.max(v, 1e-30)) + (b[i] as number),
  );
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, v) => a + v, 0);
  return Float32Array.from(e, (v) => v / s);
}

/** The calibrated probabilities of one row (a new array, except for t = 1). */
export function applyCalibrator(p: Float32Array, c: Calibrator): Float32Array {
  switch (c.kind) {
    case 'temperature':
      return rescaleProbabilities(p, c.t);
    case 'vector':
      return vectorScaled(p, c.w, c.b);
    case 'topLabel':
      return withTopMapped(rescaleProbabilities(p, c.t ?? 1), (v) => piecewiseLinear(c.x, c.y, v));
    case 'platt':
      return withTopMapped(rescaleProbabilities(p, c.t ?? 1), (v) => plattMap(c.a, c.b, v));
    case 'byClass': {
      if (c.of.length !== p.length) {
        throw new RangeError(
          `byClass calibrator of ${c.of.length} classes for ${p.length} probabilities`,
        );
      }
      let k = 0;
      for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[k] as number)) k = i;
      return applyCalibrator(p, c.calibrators[c.of[k] as number] as OrderKeepingCalibrator);
    }
  }
}

/**
 * A head's calibrator from the metadata: `calibrator` when present, else the temperature
 * of the older `recalibration` field (absent = 1).
 */
export function calibratorOf(
  meta: {
    calibrator?: { oneShot: Calibrator; loop: Calibrator } | undefined;
    recalibration?: { oneShot: number; loop: number } | undefined;
  },
  head: 'oneShot' | 'loop',
): Calibrator {
  return meta.calibrator?.[head] ?? { kind: 'temperature', t: meta.recalibration?.[head] ?? 1 };
}
