/**
 * The `k` smallest ids of `ids[0..length)` under `compare`, sorted, keeping only ids
 * for which `keep` is true. A bounded max-heap: O(n log k), no full sort.
 */
export function topK(
  ids: Int32Array,
  length: number,
  k: number,
  compare: (a: number, b: number) => number,
  keep: (id: number) => boolean = () => true,
): number[] {
  if (k <= 0) return [];
  const heap: number[] = [];
  const siftUp = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(heap[i]!, heap[p]!) <= 0) return;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && compare(heap[l]!, heap[m]!) > 0) m = l;
      if (r < heap.length && compare(heap[r]!, heap[m]!) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < length; i++) {
    const id = ids[i]!;
    if (heap.length === k && compare(id, heap[0]!) >= 0) continue;
    if (!keep(id)) continue;
    if (heap.length < k) {
      heap.push(id);
      siftUp(heap.length - 1);
    } else {
      heap[0] = id;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
