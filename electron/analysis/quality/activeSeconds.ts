/**
 * How long the sound is within `rangeDb` of its loudest sample (s): the number of samples
 * whose distance from the mean (the DC level) is at least the peak distance × 10^(−range/20),
 * divided by the rate. A click of one sample lasts one sample, however long the file.
 */
export function activeSeconds(x: Float32Array, sampleRate: number, rangeDb = 30): number {
  const n = x.length;
  if (n === 0) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs((x[i] as number) - mean);
    if (d > peak) peak = d;
  }
  if (!(peak > 0)) return 0;
  const thr = peak * 10 ** (-rangeDb / 20);
  let count = 0;
  for (let i = 0; i < n; i++) count += +(Math.abs((x[i] as number) - mean) >= thr);
  return count / sampleRate;
}
