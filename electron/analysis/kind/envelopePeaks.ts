import type { EnvelopeFeatures } from '../features/envelope';

/** Envelope resolution for the peak count (s), and the smoothing that bridges low-note cycles. */
const STEP_SEC = 0.01;
const SMOOTH_STEPS = 3;

/**
 * Number of separate events in the amplitude envelope: peaks of the envelope (maximum per
 * 10 ms, then a 30 ms running maximum so the cycles of a low note do not count) that stand
 * at least `prominenceDb` above the lowest point on each side before a higher point (the
 * file's edges count as silence) and within `floorDb` of the loudest point.
 *
 * A one-shot — a drum hit, a pluck, a pad note that swells and fades — has one; a loop
 * re-attacks on every hit or note. Unlike onset counts from spectral flux, this does not
 * grow with the slow timbre changes of a sustained pad.
 */
export function envelopePeaks(env: EnvelopeFeatures, prominenceDb = 6, floorDb = -30): number {
  if (env.peak <= 0 || env.env.length === 0) return 0;
  const per = Math.max(1, Math.round(env.rate * STEP_SEC));
  const n = Math.ceil(env.env.length / per);
  const coarse = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    const end = Math.min(env.env.length, (i + 1) * per);
    for (let j = i * per; j < end; j++) if ((env.env[j] as number) > m) m = env.env[j] as number;
    coarse[i] = m;
  }
  const db = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = Math.max(0, i - SMOOTH_STEPS + 1); j <= i; j++)
      if ((coarse[j] as number) > m) m = coarse[j] as number;
    db[i] = 20 * Math.log10(Math.max(1e-6, m / env.peak));
  }
  // Of peaks of equal height (a steady tone) only the first counts: to the left, an equal
  // point ends the search like a higher one.
  const sideOk = (i: number, dir: 1 | -1): boolean => {
    const top = db[i] as number;
    for (let j = i + dir; j >= 0 && j < n; j += dir) {
      const v = db[j] as number;
      if (v <= top - prominenceDb) return true;
      if (v > top || (dir < 0 && v === top)) return false;
    }
    return true; // the edge of the file counts as silence
  };
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = db[i] as number;
    if (v < floorDb) continue;
    if (i > 0 && (db[i - 1] as number) >= v) continue;
    if (i + 1 < n && (db[i + 1] as number) > v) continue;
    if (sideOk(i, -1) && sideOk(i, 1)) count++;
  }
  return count;
}
