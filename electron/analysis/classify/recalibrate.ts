/**
 * Temperature scaling after the fact: the graph already returns softmax(logits / T); a
 * second temperature t fitted later on sounds the networks never saw (a calibration split,
 * models/training/recalibrate.ts) gives softmax(logits / (T·t)) = normalise(p^(1/t)), so
 * the model need not be exported again. t = 1 leaves p as it is.
 */
export function rescaleProbabilities(p: Float32Array, t: number): Float32Array {
  if (t === 1) return p;
  const out = new Float32Array(p.length);
  let max = -Infinity;
  for (const v of p) max = Math.max(max, Math.log(Math.max(v, 1e-30)) / t);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const v = Math.exp(Math.log(Math.max(p[i] as number, 1e-30)) / t - max);
    out[i] = v;
    sum += v;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}
