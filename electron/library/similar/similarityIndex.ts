/**
 * The in-memory similarity index: one int8 row per sample (standardised raw row, see
 * vectorSpace.ts) plus a 32-dim int8 sketch and the sketch's per-group squared norms,
 * all in contiguous typed arrays indexed by slot. A query scans the sketches of every
 * candidate in one tight loop (the group weights are folded into the query), keeps the
 * best few hundred, and ranks those exactly on the full rows.
 */
import {
  FULL_DIMS,
  GROUP_OFFSET,
  GROUP_WIDTH,
  GROUPS,
  QUANT,
  SKETCH_DIMS,
  SKETCH_OFFSET,
  VectorSpace,
} from './vectorSpace';

const G = GROUPS.length;

/** Leading sketch components per group used by the coarse first pass. */
const COARSE_PER_GROUP = [3, 2, 1, 1, 1];
const COARSE_SOURCE: number[] = COARSE_PER_GROUP.flatMap((k, g) =>
  Array.from({ length: k }, (_, i) => SKETCH_OFFSET[g]! + i),
);
const COARSE_GROUP: number[] = COARSE_PER_GROUP.flatMap((k, g) =>
  Array.from({ length: k }, () => g),
);
export const COARSE_DIMS = COARSE_SOURCE.length;

/** Weight per group: embedding, timbre, envelope, pitch, rhythm (all ≥ 0). */
export type GroupWeights = readonly [number, number, number, number, number];

export interface Neighbour {
  id: number;
  /** Weighted mean of the group distances (squared standardised units per dimension). */
  distance: number;
}

/** Keeps the `k` smallest (score, value) pairs: a max-heap on typed arrays. */
class BoundedHeap {
  readonly scores: Float64Array;
  readonly values: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.values = new Int32Array(k);
  }
  get worst(): number {
    return this.size < this.k ? Infinity : this.scores[0]!;
  }
  push(score: number, value: number): void {
    const s = this.scores;
    const v = this.values;
    let i: number;
    if (this.size < this.k) {
      i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (s[p]! >= score) break;
        s[i] = s[p]!;
        v[i] = v[p]!;
        i = p;
      }
    } else {
      if (score >= s[0]!) return;
      i = 0;
      const n = this.size;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && s[r]! > s[l]! ? r : l;
        if (s[c]! <= score) break;
        s[i] = s[c]!;
        v[i] = v[c]!;
        i = c;
      }
    }
    s[i] = score;
    v[i] = value;
  }
  /** Entries sorted by score, ascending. */
  sorted(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.size; i++) out.push([this.scores[i]!, this.values[i]!]);
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
}

function grown<T extends Int8Array | Int32Array | Float32Array | Uint8Array>(
  a: T,
  size: number,
): T {
  if (a.length >= size) return a;
  const Ctor = a.constructor as new (n: number) => T;
  const out = new Ctor(Math.max(size, Math.ceil(a.length * 1.5)));
  out.set(a);
  return out;
}

let slotScratch = new Int32Array(0);
let coarseScores = new Int32Array(0);

/** One value per coarse dimension (COARSE_DIMS = 8), unpacked into locals in the scan. */
type CoarseRow = [number, number, number, number, number, number, number, number];

export class SimilarityIndex {
  size = 0;
  private ids = new Int32Array(0);
  /** id → slot + 1 (0 = not indexed). */
  private slotOf = new Int32Array(0);
  private full = new Int8Array(0);
  private sketches = new Int8Array(0);
  private sketchNorm = new Float32Array(0);
  /** The leading sketch components of each group (COARSE_DIMS per row), for the first pass. */
  private coarse = new Int8Array(0);
  private embedded = new Uint8Array(0);
  private readonly z = new Float32Array(FULL_DIMS);
  private readonly s = new Float32Array(SKETCH_DIMS);

  constructor(readonly space: VectorSpace) {}

  /** Builds an index over `count` raw rows (FULL_DIMS each) with a space fitted on them. */
  static build(
    ids: ArrayLike<number>,
    raw: Float32Array,
    count: number,
    hasEmbedding?: ArrayLike<number>,
  ): SimilarityIndex {
    const index = new SimilarityIndex(VectorSpace.fit(raw, count));
    let maxId = 0;
    for (let r = 0; r < count; r++) maxId = Math.max(maxId, ids[r]!);
    index.reserve(count, maxId);
    for (let r = 0; r < count; r++)
      index.upsert(
        ids[r]!,
        raw.subarray(r * FULL_DIMS, (r + 1) * FULL_DIMS),
        (hasEmbedding?.[r] ?? 1) === 1,
      );
    return index;
  }

  /** Pre-allocates room for `rows` rows and ids up to `maxId`. */
  reserve(rows: number, maxId: number): void {
    this.ids = grown(this.ids, rows);
    this.full = grown(this.full, rows * FULL_DIMS);
    this.sketches = grown(this.sketches, rows * SKETCH_DIMS);
    this.sketchNorm = grown(this.sketchNorm, rows * G);
    this.coarse = grown(this.coarse, rows * COARSE_DIMS);
    this.embedded = grown(this.embedded, rows);
    this.slotOf = grown(this.slotOf, maxId + 1);
  }

  has(id: number): boolean {
    return id < this.slotOf.length && this.slotOf[id]! > 0;
  }

  hasEmbedding(id: number): boolean {
    return this.has(id) && this.embedded[this.slotOf[id]! - 1] === 1;
  }

  /** Adds or replaces a sample's row. */
  upsert(id: number, raw: ArrayLike<number>, hasEmbedding: boolean): void {
    let slot = this.has(id) ? this.slotOf[id]! - 1 : -1;
    if (slot < 0) {
      slot = this.size++;
      this.reserve(this.size, id);
      this.ids[slot] = id;
      this.slotOf[id] = slot + 1;
    }
    const z = this.space.standardise(raw, this.z);
    VectorSpace.quantise(z, this.full, slot * FULL_DIMS);
    const s = this.space.sketch(z, this.s);
    const base = slot * SKETCH_DIMS;
    for (let g = 0; g < G; g++) {
      let norm = 0;
      for (let d = SKETCH_OFFSET[g]!; d < SKETCH_OFFSET[g + 1]!; d++) {
        const q = Math.max(-127, Math.min(127, Math.round(s[d]! * QUANT)));
        this.sketches[base + d] = q;
        norm += q * q;
      }
      this.sketchNorm[slot * G + g] = norm;
    }
    for (let c = 0; c < COARSE_DIMS; c++)
      this.coarse[slot * COARSE_DIMS + c] = this.sketches[base + COARSE_SOURCE[c]!]!;
    this.embedded[slot] = hasEmbedding ? 1 : 0;
  }

  remove(id: number): boolean {
    if (!this.has(id)) return false;
    const slot = this.slotOf[id]! - 1;
    const last = --this.size;
    if (slot !== last) {
      const moved = this.ids[last]!;
      this.ids[slot] = moved;
      this.slotOf[moved] = slot + 1;
      this.full.copyWithin(slot * FULL_DIMS, last * FULL_DIMS, (last + 1) * FULL_DIMS);
      this.sketches.copyWithin(slot * SKETCH_DIMS, last * SKETCH_DIMS, (last + 1) * SKETCH_DIMS);
      this.sketchNorm.copyWithin(slot * G, last * G, (last + 1) * G);
      this.coarse.copyWithin(slot * COARSE_DIMS, last * COARSE_DIMS, (last + 1) * COARSE_DIMS);
      this.embedded[slot] = this.embedded[last]!;
    }
    this.slotOf[id] = 0;
    return true;
  }

  /** Read-only view of the stored rows (slot order), for whole-library passes. */
  rows(): { ids: Int32Array; full: Int8Array; size: number } {
    return { ids: this.ids, full: this.full, size: this.size };
  }

  /** Every indexed id (slot order). */
  allIds(): Int32Array {
    return this.ids.slice(0, this.size);
  }

  /** The standardised row of an indexed sample (dequantised), or null. */
  rowOf(id: number): Float32Array | null {
    if (!this.has(id)) return null;
    const slot = this.slotOf[id]! - 1;
    const out = new Float32Array(FULL_DIMS);
    for (let d = 0; d < FULL_DIMS; d++) out[d] = this.full[slot * FULL_DIMS + d]! / QUANT;
    return out;
  }

  /** Standardises a raw row (for queries from outside the library). */
  standardise(raw: ArrayLike<number>): Float32Array {
    return this.space.standardise(raw, new Float32Array(FULL_DIMS));
  }

  /** Mean squared standardised difference per group between a query row and an indexed sample. */
  groupDistances(query: Float32Array, id: number): Float64Array {
    const out = new Float64Array(G);
    const slot = this.slotOf[id]! - 1;
    const base = slot * FULL_DIMS;
    for (let g = 0; g < G; g++) {
      let acc = 0;
      for (let d = GROUP_OFFSET[g]!; d < GROUP_OFFSET[g + 1]!; d++) {
        const diff = query[d]! * QUANT - this.full[base + d]!;
        acc += diff * diff;
      }
      out[g] = acc / (GROUP_WIDTH[g]! * QUANT * QUANT);
    }
    return out;
  }

  /**
   * The `limit` nearest samples to a standardised query row under the group weights,
   * among `candidates` (ids; null = every indexed sample), excluding `exclude`.
   * `shortlist` rows are kept from the sketch scan for exact ranking.
   */
  search(
    query: Float32Array,
    weights: GroupWeights,
    candidates: { ids: Int32Array; length: number } | null,
    limit: number,
    exclude = -1,
    shortlist = Math.max(1000, limit * 20),
    coarseList = Math.max(8000, shortlist * 8),
  ): { neighbours: Neighbour[]; compared: number } {
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const w = weights.map((x, g) => x / total / GROUP_WIDTH[g]!);
    // Candidate slots.
    if (slotScratch.length < Math.max(this.size, candidates?.length ?? 0))
      slotScratch = new Int32Array(Math.max(this.size, candidates?.length ?? 0));
    const slots = slotScratch;
    let n = 0;
    const excludeSlot = this.has(exclude) ? this.slotOf[exclude]! - 1 : -1;
    if (candidates === null) {
      for (let s = 0; s < this.size; s++) if (s !== excludeSlot) slots[n++] = s;
    } else {
      const slotOf = this.slotOf;
      const max = slotOf.length;
      for (let i = 0; i < candidates.length; i++) {
        const id = candidates.ids[i]!;
        if (id < max) {
          const s = slotOf[id]! - 1;
          if (s >= 0 && s !== excludeSlot) slots[n++] = s;
        }
      }
    }
    const compared = n;
    let exactSlots: Int32Array = slots.subarray(0, n);
    // The coarse pass keeps few dimensions per group: when one group carries most of the
    // weight, keep more rows from it so the sketch pass can still find the best ones.
    const share = Math.max(...w.map((x, g) => x * GROUP_WIDTH[g]!));
    if (share > 0.6) coarseList *= 4;
    // The query's sketch, projected once for whichever passes below run.
    let sketch: Float32Array | undefined;
    const querySketch = (): Float32Array =>
      (sketch ??= this.space.sketch(query, new Float32Array(SKETCH_DIMS)));
    if (n > coarseList) {
      exactSlots = this.coarseScan(querySketch(), w, slots, n, coarseList);
      n = exactSlots.length;
    }
    if (n > shortlist)
      exactSlots = this.sketchScan(querySketch(), w, exactSlots, exactSlots.length, shortlist);
    const heap = new BoundedHeap(Math.max(1, limit));
    const q = new Float32Array(FULL_DIMS);
    for (let d = 0; d < FULL_DIMS; d++) q[d] = query[d]! * QUANT;
    const full = this.full;
    for (let i = 0; i < exactSlots.length; i++) {
      const slot = exactSlots[i]!;
      const base = slot * FULL_DIMS;
      let dist = 0;
      for (let g = 0; g < G; g++) {
        const wg = w[g]!;
        if (wg === 0) continue;
        let acc = 0;
        for (let d = GROUP_OFFSET[g]!; d < GROUP_OFFSET[g + 1]!; d++) {
          const diff = q[d]! - full[base + d]!;
          acc += diff * diff;
        }
        dist += wg * acc;
        if (dist >= heap.worst) break;
      }
      heap.push(dist, slot);
    }
    const scale = 1 / (QUANT * QUANT);
    return {
      neighbours: heap.sorted().map(([d, slot]) => ({ id: this.ids[slot]!, distance: d * scale })),
      compared,
    };
  }

  /**
   * First pass: the `k` candidate slots nearest on the leading sketch components (`s`, the
   * query's sketch), in integer arithmetic (weights rounded to integers), no norms needed.
   */
  private coarseScan(
    s: Float32Array,
    w: readonly number[],
    slots: Int32Array,
    n: number,
    k: number,
  ): Int32Array {
    const maxW = Math.max(...w) || 1;
    const q = new Int32Array(COARSE_DIMS);
    const wi = new Int32Array(COARSE_DIMS);
    for (let c = 0; c < COARSE_DIMS; c++) {
      q[c] = Math.max(-127, Math.min(127, Math.round(s[COARSE_SOURCE[c]!]! * QUANT)));
      wi[c] = Math.round((w[COARSE_GROUP[c]!]! / maxW) * 1000);
    }
    const [q0, q1, q2, q3, q4, q5, q6, q7] = q as unknown as CoarseRow;
    const [w0, w1, w2, w3, w4, w5, w6, w7] = wi as unknown as CoarseRow;
    const x = this.coarse;
    if (coarseScores.length < n)
      coarseScores = new Int32Array(Math.max(n, Math.ceil(coarseScores.length * 1.5)));
    const scores = coarseScores;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const b = slots[i]! << 3;
      const d0 = q0 - x[b]!;
      const d1 = q1 - x[b + 1]!;
      const d2 = q2 - x[b + 2]!;
      const d3 = q3 - x[b + 3]!;
      const d4 = q4 - x[b + 4]!;
      const d5 = q5 - x[b + 5]!;
      const d6 = q6 - x[b + 6]!;
      const d7 = q7 - x[b + 7]!;
      const acc =
        (w0 * d0 * d0 +
          w1 * d1 * d1 +
          w2 * d2 * d2 +
          w3 * d3 * d3 +
          w4 * d4 * d4 +
          w5 * d5 * d5 +
          w6 * d6 * d6 +
          w7 * d7 * d7) |
        0;
      scores[i] = acc;
      if (acc > max) max = acc;
    }
    // The k-th smallest score from a histogram (no sort, no heap), then every slot at or under it.
    const BINS = 4096;
    const width = Math.max(1, Math.ceil((max + 1) / BINS));
    const hist = new Int32Array(BINS);
    for (let i = 0; i < n; i++) hist[(scores[i]! / width) | 0]!++;
    let bin = 0;
    for (let seen = 0; bin < BINS; bin++) {
      seen += hist[bin]!;
      if (seen >= k) break;
    }
    const limit = (bin + 1) * width;
    const out = new Int32Array(Math.min(n, k + hist[Math.min(bin, BINS - 1)]!));
    let m = 0;
    for (let i = 0; i < n && m < out.length; i++) if (scores[i]! < limit) out[m++] = slots[i]!;
    return out.subarray(0, m);
  }

  /** The `k` candidate slots nearest in sketch space to the query's sketch `s` (weights folded in). */
  private sketchScan(
    s: Float32Array,
    w: readonly number[],
    slots: Int32Array,
    n: number,
    k: number,
  ): Int32Array {
    const qw = new Float64Array(SKETCH_DIMS);
    for (let g = 0; g < G; g++)
      for (let d = SKETCH_OFFSET[g]!; d < SKETCH_OFFSET[g + 1]!; d++)
        qw[d] = 2 * w[g]! * s[d]! * QUANT;
    const [w0, w1, w2, w3, w4] = w as [number, number, number, number, number];
    const sk = this.sketches;
    const norms = this.sketchNorm;
    const heap = new BoundedHeap(k);
    const D = SKETCH_DIMS;
    for (let i = 0; i < n; i++) {
      const slot = slots[i]!;
      const nb = slot * G;
      let acc =
        w0 * norms[nb]! +
        w1 * norms[nb + 1]! +
        w2 * norms[nb + 2]! +
        w3 * norms[nb + 3]! +
        w4 * norms[nb + 4]!;
      const b = slot * D;
      for (let d = 0; d < D; d++) acc -= qw[d]! * sk[b + d]!;
      if (acc < heap.worst) heap.push(acc, slot);
    }
    return heap.values.slice(0, heap.size);
  }

  /** Bytes held by the index's arrays. */
  memoryBytes(): number {
    return (
      this.ids.byteLength +
      this.slotOf.byteLength +
      this.full.byteLength +
      this.sketches.byteLength +
      this.sketchNorm.byteLength +
      this.coarse.byteLength +
      this.embedded.byteLength
    );
  }
}
