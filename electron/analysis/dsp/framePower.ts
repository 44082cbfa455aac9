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
  for (let i = 0; i < n; i++) {
    const j = start + i;
    const v = j >= 0 && j < x.length ? (x[j] as number) : 0;
    frame[i] = v;
    if (v !== 0) any = true;
  }
  if (any) realFft(n).power(frame, power, hann(n));
  return any;
}
