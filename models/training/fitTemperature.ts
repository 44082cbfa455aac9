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
 * The temperature t in [0.05, 20] that minimises the negative log-likelihood of `labels`
 * under normalise(p^(1/t)): golden-section search over log t (the NLL is convex in 1/t,
 * so it has one minimum there), to 0.1 % of t.
 */
export function fitTemperature(probs: readonly Float32Array[], labels: readonly number[]): number {
  const logs = logsOf(probs);
  const f = (l: number) => nllOfLogs(logs, labels, Math.exp(l));
  const g = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.05);
  let b = Math.log(20);
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-3) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  const best = Math.exp((a + b) / 2);
  return Math.round(best * 1000) / 1000;
}
