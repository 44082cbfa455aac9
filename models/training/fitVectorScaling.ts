/**
 * Vector scaling on the log probabilities: q = normalise(exp(w_c · log p_c + b_c)), fitted
 * by minimising the mean negative log-likelihood plus an L2 pull of log w_c towards the
 * head's temperature solution (log(1/t)) and of b_c towards 0. Three forms:
 *   - `bias`:        one shared w (a temperature) and a bias per class;
 *   - `perClass`:    a w per class (a temperature per class), no bias;
 *   - `vector`:      both.
 * Applied at run time by electron/analysis/classify/calibrator.ts (`vector`).
 */
import type { Calibrator } from '../../electron/analysis/classify/calibrator';
import { fitTemperature } from './fitTemperature';

export type VectorForm = 'bias' | 'perClass' | 'vector';

export interface VectorOptions {
  form: VectorForm;
  /** Weight of the L2 pull (per parameter, added to the mean NLL). */
  lambda: number;
  iterations?: number;
}

/** log p as the runtime takes it (floored at 1e-30). */
const logOf = (v: number) => Math.log(Math.max(v, 1e-30));

export function fitVectorScaling(
  probs: readonly Float32Array[],
  labels: readonly number[],
  { form, lambda, iterations = 600 }: VectorOptions,
): Extract<Calibrator, { kind: 'vector' }> {
  const n = probs[0]?.length ?? 0;
  const logs = probs.map((p) => Float64Array.from(p, logOf));
  const u0 = Math.log(1 / fitTemperature(probs, labels));
  // parameters: u (log w; one shared or one per class) and b (one per class, or none)
  const u = new Float64Array(form === 'bias' ? 1 : n).fill(u0);
  const b = new Float64Array(n);
  const useBias = form !== 'perClass';
  const uOf = (c: number) => (u.length === 1 ? (u[0] as number) : (u[c] as number));
  // Adam
  const mU = new Float64Array(u.length);
  const vU = new Float64Array(u.length);
  const mB = new Float64Array(n);
  const vB = new Float64Array(n);
  const lr = 0.02;
  const z = new Float64Array(n);
  for (let it = 1; it <= iterations; it++) {
    const gU = new Float64Array(u.length);
    const gB = new Float64Array(n);
    logs.forEach((l, i) => {
      let max = -Infinity;
      for (let c = 0; c < n; c++) {
        z[c] = Math.exp(uOf(c)) * (l[c] as number) + (b[c] as number);
        max = Math.max(max, z[c] as number);
      }
      let s = 0;
      for (let c = 0; c < n; c++) s += Math.exp((z[c] as number) - max);
      for (let c = 0; c < n; c++) {
        const d = Math.exp((z[c] as number) - max) / s - (c === labels[i] ? 1 : 0);
        const gw = d * (l[c] as number) * Math.exp(uOf(c));
        if (u.length === 1) gU[0] = (gU[0] as number) + gw;
        else gU[c] = (gU[c] as number) + gw;
        gB[c] = (gB[c] as number) + d;
      }
    });
    const m = Math.max(1, logs.length);
    for (let k = 0; k < u.length; k++) {
      const g = (gU[k] as number) / m + 2 * lambda * ((u[k] as number) - u0);
      mU[k] = 0.9 * (mU[k] as number) + 0.1 * g;
      vU[k] = 0.999 * (vU[k] as number) + 0.001 * g * g;
      const mh = (mU[k] as number) / (1 - 0.9 ** it);
      const vh = (vU[k] as number) / (1 - 0.999 ** it);
      u[k] = (u[k] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
    if (useBias) {
      for (let c = 0; c < n; c++) {
        const g = (gB[c] as number) / m + 2 * lambda * (b[c] as number);
        mB[c] = 0.9 * (mB[c] as number) + 0.1 * g;
        vB[c] = 0.999 * (vB[c] as number) + 0.001 * g * g;
        const mh = (mB[c] as number) / (1 - 0.9 ** it);
        const vh = (vB[c] as number) / (1 - 0.999 ** it);
        b[c] = (b[c] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
  }
  // a bias common to every class changes nothing: centre it
  const mean = useBias ? b.reduce((a, v) => a + v, 0) / n : 0;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    kind: 'vector',
    w: Array.from({ length: n }, (_, c) => round(Math.exp(uOf(c)))),
    b: Array.from(b, (v) => round(v - mean)),
  };
}
