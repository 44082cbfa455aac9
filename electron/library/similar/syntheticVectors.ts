/**
 * Generated raw similarity rows with realistic cluster structure, for tests and the
 * benchmark: `classes` instrument classes, each with `kitsPerClass` kits (sub-clusters)
 * around the class centre, samples scattered around their kit. The class of each row is
 * returned so that neighbour quality can be scored.
 */
import { seededRandom } from '../../../shared/random';
import { FULL_DIMS } from './vectorSpace';

export interface SyntheticRows {
  ids: Int32Array;
  raw: Float32Array;
  classes: Int16Array;
  count: number;
}

export interface SyntheticOptions {
  count: number;
  classes?: number;
  kitsPerClass?: number;
  seed?: number;
  /** Spread of samples around their kit, relative to the spread of class centres. */
  noise?: number;
}

export function syntheticRows(options: SyntheticOptions): SyntheticRows {
  const { count, classes = 22, kitsPerClass = 40, seed = 7, noise = 0.35 } = options;
  const rand = seededRandom(seed);
  const gauss = (): number => {
    const u = Math.max(1e-12, rand());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const centres = new Float32Array(classes * FULL_DIMS);
  for (let i = 0; i < centres.length; i++) centres[i] = rand();
  const kits = new Float32Array(classes * kitsPerClass * FULL_DIMS);
  for (let c = 0; c < classes; c++)
    for (let k = 0; k < kitsPerClass; k++)
      for (let d = 0; d < FULL_DIMS; d++)
        kits[(c * kitsPerClass + k) * FULL_DIMS + d] = centres[c * FULL_DIMS + d]! + 0.15 * gauss();
  const raw = new Float32Array(count * FULL_DIMS);
  const ids = new Int32Array(count);
  const cls = new Int16Array(count);
  for (let r = 0; r < count; r++) {
    // Class sizes follow a rough power law (kicks and hats outnumber brass).
    const c = Math.min(classes - 1, Math.floor(classes * rand() ** 1.6));
    const k = Math.floor(rand() * kitsPerClass);
    const base = (c * kitsPerClass + k) * FULL_DIMS;
    for (let d = 0; d < FULL_DIMS; d++)
      raw[r * FULL_DIMS + d] = kits[base + d]! + noise * 0.15 * gauss();
    ids[r] = r + 1;
    cls[r] = c;
  }
  return { ids, raw, classes: cls, count };
}
