/**
 * The space similarity is measured in: a raw row is [classifier embedding | timbre |
 * envelope | pitch | rhythm] (see aspects.ts). Each dimension is standardised with the
 * library's own mean and spread, then each group gets a small PCA "sketch" used to scan
 * a million rows quickly before the full vectors decide. Both are stored as int8.
 */
import { SIMILAR_ASPECTS } from '../../../shared/contract/similar';
import { aspectBlocks, aspectWidth } from './aspects';
import { principalComponents } from './linalg';

/** Length of the classifier embedding (the model's penultimate layer). */
export const EMBEDDING_DIMS = 64;

export const GROUPS = ['embedding', ...SIMILAR_ASPECTS] as const;
export type Group = (typeof GROUPS)[number];

const GROUP_WIDTH: readonly number[] = [EMBEDDING_DIMS, ...SIMILAR_ASPECTS.map(aspectWidth)];
/** Sketch width per group (its top principal components). */
const SKETCH_WIDTH: readonly number[] = [12, 10, 5, 3, 2];

function offsets(widths: readonly number[]): number[] {
  const out = [0];
  for (const w of widths) out.push(out[out.length - 1]! + w);
  return out;
}

export const FULL_DIMS = GROUP_WIDTH.reduce((a, b) => a + b, 0);
export const SKETCH_DIMS = SKETCH_WIDTH.reduce((a, b) => a + b, 0);
export const GROUP_OFFSET = offsets(GROUP_WIDTH);
export const SKETCH_OFFSET = offsets(SKETCH_WIDTH);
export { GROUP_WIDTH, SKETCH_WIDTH };

/** int8 units per standard deviation (±127 covers ±5.3 σ). */
export const QUANT = 24;

/** Builds the raw row of a sample (a missing or mis-sized embedding is left at zero). */
export function rawRow(
  featureVector: ArrayLike<number>,
  embedding: ArrayLike<number> | null,
  rootMidi: number | null,
  out: Float32Array<ArrayBufferLike> = new Float32Array(FULL_DIMS),
): Float32Array<ArrayBufferLike> {
  if (embedding && embedding.length === EMBEDDING_DIMS) {
    for (let i = 0; i < EMBEDDING_DIMS; i++) out[i] = embedding[i]!;
  } else out.fill(0, 0, EMBEDDING_DIMS);
  aspectBlocks(featureVector, rootMidi, out, EMBEDDING_DIMS);
  return out;
}

export class VectorSpace {
  private constructor(
    readonly mean: Float32Array,
    readonly scale: Float32Array,
    /** Per group: SKETCH_WIDTH[g] × GROUP_WIDTH[g] components (row-major). */
    readonly components: Float64Array[],
    /** Rows the statistics were fitted on. */
    readonly fittedOn: number,
  ) {}

  /** Fits mean, spread and sketch directions on (up to `maxRows` evenly spaced) raw rows. */
  static fit(raw: Float32Array, count: number, maxRows = 20_000): VectorSpace {
    const step = Math.max(1, Math.floor(count / maxRows));
    const n = Math.ceil(count / step);
    const mean = new Float64Array(FULL_DIMS);
    const sq = new Float64Array(FULL_DIMS);
    for (let r = 0; r < count; r += step) {
      for (let d = 0; d < FULL_DIMS; d++) {
        const v = raw[r * FULL_DIMS + d]!;
        mean[d]! += v;
        sq[d]! += v * v;
      }
    }
    const m = new Float32Array(FULL_DIMS);
    const scale = new Float32Array(FULL_DIMS);
    for (let d = 0; d < FULL_DIMS; d++) {
      const mu = n > 0 ? mean[d]! / n : 0;
      const variance = n > 1 ? Math.max(0, sq[d]! / n - mu * mu) : 0;
      m[d] = mu;
      // A floor keeps constant dimensions from turning rounding noise into distance.
      scale[d] = 1 / Math.max(Math.sqrt(variance), 0.02);
    }
    const space = new VectorSpace(m, scale, [], n);
    // Sketch directions per group, on the standardised rows.
    const z = new Float32Array(FULL_DIMS);
    for (let g = 0; g < GROUPS.length; g++) {
      const w = GROUP_WIDTH[g]!;
      const block = new Float32Array(n * w);
      let i = 0;
      for (let r = 0; r < count; r += step, i++) {
        space.standardise(raw.subarray(r * FULL_DIMS, (r + 1) * FULL_DIMS), z);
        block.set(z.subarray(GROUP_OFFSET[g]!, GROUP_OFFSET[g]! + w), i * w);
      }
      space.components.push(principalComponents(block, n, w, SKETCH_WIDTH[g]!));
    }
    return space;
  }

  /** z = (raw − mean) / spread. */
  standardise(raw: ArrayLike<number>, out: Float32Array): Float32Array {
    for (let d = 0; d < FULL_DIMS; d++) out[d] = (raw[d]! - this.mean[d]!) * this.scale[d]!;
    return out;
  }

  /** Quantises standardised values to int8 (clamped). */
  static quantise(z: ArrayLike<number>, out: Int8Array, at = 0, length = z.length): void {
    for (let d = 0; d < length; d++) {
      const q = Math.round(z[d]! * QUANT);
      out[at + d] = q > 127 ? 127 : q < -127 ? -127 : q;
    }
  }

  /** Projects a standardised row onto each group's sketch directions. */
  sketch(z: ArrayLike<number>, out: Float32Array): Float32Array {
    for (let g = 0; g < GROUPS.length; g++) {
      const w = GROUP_WIDTH[g]!;
      const base = GROUP_OFFSET[g]!;
      const comps = this.components[g]!;
      for (let c = 0; c < SKETCH_WIDTH[g]!; c++) {
        let s = 0;
        for (let d = 0; d < w; d++) s += comps[c * w + d]! * z[base + d]!;
        out[SKETCH_OFFSET[g]! + c] = s;
      }
    }
    return out;
  }
}
