/** The rows of a fixed-height list that exist in the DOM: [start, end), plus the pool size. */
export interface RowWindow {
  start: number;
  end: number;
  /** Most rows a window can hold at this viewport height (row keys are index % capacity). */
  capacity: number;
}

export const EMPTY_WINDOW: RowWindow = { start: 0, end: 0, capacity: 1 };

/**
 * The rows on screen and `overscan` rows either side. O(1): every row is `rowHeight`
 * tall, so nothing is measured (a list of a million rows costs what a screenful does).
 */
export function rowWindow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowWindow {
  const onScreen = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const capacity = onScreen + 2 * overscan;
  if (count <= 0) return { start: 0, end: 0, capacity };
  const top = Math.min(Math.max(0, Math.floor(scrollTop / rowHeight)), count - 1);
  const start = Math.max(0, top - overscan);
  const end = Math.min(count, top + onScreen + overscan);
  return { start, end, capacity };
}

/** Same rows and pool: nothing to re-render. */
export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.start === b.start && a.end === b.end && a.capacity === b.capacity;
}

/** Whether two windows share a row (false: every row of `b` is new — the list jumped). */
export function overlaps(a: RowWindow, b: RowWindow): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A stable key for the row at `index`: unique within any window of at most `capacity`
 * rows, and the row that scrolls in takes the key (and so the DOM) of the one that left.
 */
export function rowSlot(index: number, capacity: number): number {
  return index % Math.max(1, capacity);
}

/**
 * Where to scroll so the row at `index` is fully visible, moving as little as possible
 * (above: to the top edge; below: to the bottom edge); null when it already is.
 */
export function scrollTopToShow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return null;
}
