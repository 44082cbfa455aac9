import { realFft } from './fft';
import { hann } from './window';

/**
 * Power spectrum (Hann window) of the `n`-sample frame centred on sample `centre`, zero
 * outside the signal, into `power` (n / 2 + 1 bins; `frame` is n samples of scratch).
 * Returns false, leaving `power` as it was, when the frame is all zeros.
 */
export function framePower(
  x: Float32Array,
  centre: number,
  n: number,
  frame: Float64Array,
  power: Float64Array,
): boolean {
  const start = centre - n / 2;
  let any = false;
  if (start >= 0 && start + n <= x.length) {
    // Fully inside the signal: transform straight from it (no copy; the same values).
    for (let i = start, e = start + n; i < e; i++) {
      if (x[i] !== 0) {
        any = true;
        break;
      }
    }
    if (any) realFft(n).power(x, power, hann(n), start);
    return any;
  }
  for (let i = 0; i < n; i++) {
    const j = start + i;
    const v = j >= 0 && j < x.length ? (x[j] as number) : 0;
    frame[i] = v;
    if (v !== 0) any = true;
  }
  if (any) realFft(n).power(frame, power, hann(n));
  return any;
}
