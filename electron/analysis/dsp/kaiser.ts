/** Zeroth-order modified Bessel function of the first kind (power series, 1e-12 relative). */
export function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

/**
 * Kaiser window of shape `beta` at `r` (−1 … 1 across the window, 0 at its centre):
 * I0(β·√(1 − r²)) / I0(β). Used by the windowed-sinc filters of the decimator and the
 * true-peak interpolator.
 */
export function kaiserWeight(r: number, beta: number): number {
  return besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
}
