import type { SampleSummary } from '../../shared/contract';

function sameRow(a: SampleSummary, b: SampleSummary): boolean {
  for (const k of Object.keys(b) as Array<keyof SampleSummary>) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (
      Array.isArray(x) &&
      Array.isArray(y) &&
      x.length === y.length &&
      x.every((v, i) => v === y[i])
    )
      continue;
    return false;
  }
  return true;
}

/**
 * Replaces refreshed rows while keeping the old objects (and the old array) when nothing
 * changed, so a background refresh during analysis re-renders only the rows that did change.
 */
export function mergeRows(rows: SampleSummary[], fresh: SampleSummary[]): SampleSummary[] {
  const byId = new Map(fresh.map((x) => [x.id, x]));
  let changed = false;
  const next = rows.map((row) => {
    const f = byId.get(row.id);
    if (!f || sameRow(row, f)) return row;
    changed = true;
    return f;
  });
  return changed ? next : rows;
}

/**
 * New results, keeping the old object of every row that is still there unchanged: a row on
 * screen that shows the same sample as before is not drawn again (rows are memoised).
 */
export function reuseRows(rows: SampleSummary[], fresh: SampleSummary[]): SampleSummary[] {
  if (rows.length === 0) return fresh;
  const byId = new Map(rows.map((x) => [x.id, x]));
  return fresh.map((f) => {
    const old = byId.get(f.id);
    return old && sameRow(old, f) ? old : f;
  });
}
