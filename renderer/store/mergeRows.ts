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
