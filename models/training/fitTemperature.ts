/** log p of each row, floored (p = 0 would be −∞). */
function logsOf(probs: readonly Float32Array[]): Float64Array[] {
  return probs.map((p) => Float64Array.from(p, (v) => Math.log(Math.max(v, 1e-30))));
}

function nllOfLogs(logs: readonly Float64Array[], labels: readonly number[], t: number): number {
  let s = 0;
  logs.forEach((l, i) => {
    let max = -Infinity;
    for (const v of l) max = Math.max(max, v / t);
    let sum = 0;
    for (const v of l) sum += Math.exp(v / t - max);
    s -= (l[labels[i] as number] as number) / t - max - Math.log(sum);
  });
  return logs.length > 0 ? s / logs.length : 0;
}

/**
 * Mean negative log-likelihood of the labels under normalise(p^(1/t)) — the probabilities
 * electron/analysis/classify/recalibrate.ts gives the app.
 */
export function nll(probs: readonly Float32Array[], labels: readonly number[], t: number): number {
  return nllOfLogs(logsOf(probs), labels, t);
}

/**
 * The temperature t (grid over log t, 0.05 … 20, steps of 1 %) that minimises the
 * negative log-likelihood of `labels` under normalise(p^(1/t)).
 */
export function fitTemperature(probs: readonly Float32Array[], labels: readonly number[]): number {
  const logs = logsOf(probs);
  let best = 1;
  let bestNll = nllOfLogs(logs, labels, 1);
  for (let l = Math.log(0.05); l <= Math.log(20); l += 0.01) {
    const t = Math.exp(l);
    const v = nllOfLogs(logs, labels, t);
    if (v < bestNll) {
      bestNll = v;
      best = t;
    }
  }
  return Math.round(best * 1000) / 1000;
}
