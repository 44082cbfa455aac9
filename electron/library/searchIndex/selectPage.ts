import { kthSmallest } from './quickselect';
import type { SortOrder, SortPoint } from './sortOrder';
import { topK } from './topK';

let keys = new Float64Array(0);
let work = new Float64Array(0);
let picked = new Int32Array(0);
let kept = new Int32Array(0);
/** Keys the threshold estimate looks at. */
const SAMPLE = 2048;
const sample = new Float64Array(SAMPLE);

function ensure(length: number): void {
  if (keys.length >= length) return;
  const n = Math.max(length, keys.length * 2);
  keys = new Float64Array(n);
  work = new Float64Array(n);
  picked = new Int32Array(n);
  kept = new Int32Array(n);
}

/**
 * The first `k` ids of `ids[0..length)` in `order`, skipping those at or before
 * `after`. `ids` must be in ascending id order. On a big set, a sample of sort keys
 * gives a threshold that the page's keys cannot exceed (checked, not assumed), and one
 * pass keeps only the rows at or below it; then quickselect finds the k-th smallest key
 * — linear, no sort of the whole set — and only the rows that make the page are ordered.
 */
export function selectPage(
  ids: Int32Array,
  length: number,
  k: number,
  order: SortOrder,
  after: SortPoint | null,
): number[] {
  ensure(length);
  let rows = ids;
  let n = -1;
  if (length >= 4 * SAMPLE && length > k * 16) {
    const threshold = estimateThreshold(ids, length, k, order, after);
    if (threshold < Infinity) {
      const m = order.keysAtMost(ids, length, threshold, kept, keys);
      const w = after ? keepAfter(kept, m, order, after) : m;
      // Enough rows at or below the threshold: the page is among them.
      if (w >= k) {
        rows = kept;
        n = w;
      }
    }
  }
  if (n < 0) {
    order.fillKeys(ids, length, keys);
    n = after ? keepAfter(ids, length, order, after) : length;
  }
  return pageOf(rows, n, k, order);
}

/** Keeps (in place, order kept) the rows of `ids`/`keys` that come after `after`. */
function keepAfter(ids: Int32Array, length: number, order: SortOrder, after: SortPoint): number {
  let w = 0;
  for (let r = 0; r < length; r++) {
    const sk = keys[r]!;
    if (sk > after.key || (sk === after.key && order.compareToPoint(ids[r]!, after) > 0)) {
      ids[w] = ids[r]!;
      keys[w++] = sk;
    }
  }
  return w;
}

/**
 * A key that about `k` (with a safety margin) of the rows after `after` do not exceed,
 * from an evenly spaced sample; Infinity when the sample cannot tell.
 */
function estimateThreshold(
  ids: Int32Array,
  length: number,
  k: number,
  order: SortOrder,
  after: SortPoint | null,
): number {
  let m = 0;
  for (let i = 0; i < SAMPLE; i++) {
    const key = order.sortKey(ids[Math.floor((i * length) / SAMPLE)]!);
    if (after === null || key >= after.key) sample[m++] = key;
  }
  if (m === 0) return Infinity;
  const sorted = sample.subarray(0, m).sort();
  const expected = (k / length) * SAMPLE;
  const rank = Math.ceil(expected + 4 * Math.sqrt(expected) + 8);
  return rank < m ? sorted[rank]! : Infinity;
}

/** The first `k` of `ids[0..length)` (keys in `keys`), in order. */
function pageOf(ids: Int32Array, length: number, k: number, order: SortOrder): number[] {
  if (length <= k * 4) return topK(ids, length, k, order.compare);
  if (length >= 2048 && length > k * 16) length = keepBelowEstimate(ids, length, k);

  work.set(keys.subarray(0, length));
  const threshold = kthSmallest(work, length, k - 1);

  let nLess = 0;
  for (let i = 0; i < length; i++) if (keys[i]! < threshold) picked[nLess++] = ids[i]!;
  const page = topK(picked, nLess, k, order.compare);
  const need = k - page.length;
  if (need <= 0) return page;

  // Rows whose key equals the threshold, still in ascending id order.
  let nTie = 0;
  for (let i = 0; i < length; i++) if (keys[i] === threshold) picked[nTie++] = ids[i]!;
  if (order.hasTie) return page.concat(topK(picked, nTie, need, order.compare));
  const tie: number[] = [];
  if (order.idSign > 0) for (let i = 0; i < nTie && tie.length < need; i++) tie.push(picked[i]!);
  else for (let i = nTie - 1; i >= 0 && tie.length < need; i--) tie.push(picked[i]!);
  return page.concat(tie);
}

/**
 * Narrows `ids`/`keys` (in place, id order kept) to the rows whose key is at most an
 * estimate of the k-th smallest key, taken from an evenly spaced sample with a safety
 * margin. Every row of the page has a key no greater than the k-th smallest, so when
 * at least `k` rows survive the page is among them; otherwise nothing is changed.
 * Turns a full quickselect over a million keys into two sequential passes.
 */
function keepBelowEstimate(ids: Int32Array, length: number, k: number): number {
  const s = SAMPLE;
  for (let i = 0; i < s; i++) sample[i] = keys[Math.floor((i * length) / s)]!;
  sample.sort();
  const expected = (k / length) * s;
  const threshold = sample[Math.min(s - 1, Math.ceil(expected + 4 * Math.sqrt(expected) + 8))]!;
  let count = 0;
  for (let i = 0; i < length; i++) if (keys[i]! <= threshold) count++;
  if (count < k || count === length) return length;
  let w = 0;
  for (let i = 0; i < length; i++) {
    const key = keys[i]!;
    if (key <= threshold) {
      ids[w] = ids[i]!;
      keys[w++] = key;
    }
  }
  return w;
}
