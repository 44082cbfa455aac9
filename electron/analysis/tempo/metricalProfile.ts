import { at } from './novelty';

export const STEPS_PER_BAR = 16;

/**
 * Mean onset strength at each 16th-note position of a 4/4 bar, for a tempo hypothesis
 * and a downbeat at `phaseFrames`: the strongest value within ±1 frame of each grid point,
 * averaged over every bar of the signal (wrapping around for loops).
 */
export function metricalProfile(
  nov: ArrayLike<number>,
  frameRate: number,
  bpm: number,
  circular: boolean,
  phaseFrames = 0,
): Float64Array {
  const n = nov.length;
  const step = (60 / bpm / 4) * frameRate;
  const out = new Float64Array(STEPS_PER_BAR);
  const count = new Float64Array(STEPS_PER_BAR);
  const total = circular
    ? Math.max(STEPS_PER_BAR, Math.round(n / step))
    : Math.floor((n - 1 - phaseFrames) / step) + 1;
  for (let k = 0; k < total; k++) {
    let pos = phaseFrames + k * step;
    if (circular) pos %= n;
    else if (pos > n - 1) break;
    let v = 0;
    for (let d = -1; d <= 1; d++) {
      let p = pos + d;
      if (circular) p = ((p % n) + n) % n;
      v = Math.max(v, at(nov, Math.min(p, n - 1)));
    }
    const s = k % STEPS_PER_BAR;
    out[s] = (out[s] as number) + v;
    count[s] = (count[s] as number) + 1;
  }
  for (let s = 0; s < STEPS_PER_BAR; s++)
    out[s] = (count[s] as number) > 0 ? (out[s] as number) / (count[s] as number) : 0;
  return out;
}

/**
 * Backbeat contrast of a (mid-band) profile, −1 … 1: beats 2 and 4 against the stronger
 * of beat 3 and the off-beat 8ths, relative to the profile's maximum. Snares and claps
 * sit on 2 and 4 in most grooves; at half the true tempo they fall on off-beat 8ths, at
 * double tempo on beat 3 — both push the contrast down.
 */
export function backbeatContrast(p: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < STEPS_PER_BAR; i++) max = Math.max(max, p[i] as number);
  if (max <= 0) return 0;
  const back = ((p[4] as number) + (p[12] as number)) / 2;
  const off = ((p[2] as number) + (p[6] as number) + (p[10] as number) + (p[14] as number)) / 4;
  const three = p[8] as number;
  return (back - Math.max(three, off)) / max;
}
