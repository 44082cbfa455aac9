import { kthSmallest } from './quickselect';
import type { SortOrder, SortPoint } from './sortOrder';
import { topK } from './topK';

let keys = new Float64Array(0);
let picked = new Int32Array(0);

/**
 * The first `k` ids of `ids[0..length)` in `order`, skipping those at or before
 * `after`. `ids` must be in ascending id order (it is reordered in place). Finds the
 * k-th smallest sort key by quickselect — linear, no sort of the whole set — then
 * orders only the handful of rows that make the page.
 */
export function selectPage(
  ids: Int32Array,
  length: number,
  k: number,
  order: SortOrder,
  after: SortPoint | null,
): number[] {
  if (after) {
    const pk = Number.isNaN(after.key) ? Infinity : after.key * order.idSign;
    let w = 0;
    for (let r = 0; r < length; r++) {
      const id = ids[r]!;
      const sk = order.sortKey(id);
      if (sk > pk || (sk === pk && order.compareToPoint(id, after) > 0)) ids[w++] = id;
    }
    length = w;
  }
  if (length <= k * 4) return topK(ids, length, k, order.compare);

  if (keys.length < length) keys = new Float64Array(Math.max(length, keys.length * 2));
  for (let i = 0; i < length; i++) keys[i] = order.sortKey(ids[i]!);
  const threshold = kthSmallest(keys, length, k - 1);

  if (picked.length < length) picked = new Int32Array(Math.max(length, picked.length * 2));
  let nLess = 0;
  for (let i = 0; i < length; i++) {
    const id = ids[i]!;
    if (order.sortKey(id) < threshold) picked[nLess++] = id;
  }
  const page = topK(picked, nLess, k, order.compare);
  const need = k - page.length;
  if (need <= 0) return page;

  // Rows whose key equals the threshold: order them by text, then id.
  let nTie = 0;
  for (let i = 0; i < length; i++) {
    const id = ids[i]!;
    if (order.sortKey(id) === threshold) picked[nTie++] = id;
  }
  if (order.hasTie) return page.concat(topK(picked, nTie, need, order.compare));
  const tie: number[] = [];
  if (order.idSign > 0) for (let i = 0; i < nTie && tie.length < need; i++) tie.push(picked[i]!);
  else for (let i = nTie - 1; i >= 0 && tie.length < need; i--) tie.push(picked[i]!);
  return page.concat(tie);
}
