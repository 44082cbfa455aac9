/**
 * Where the Similar panel has been, like a browser's history: opening a sample's neighbours
 * drops what lay ahead; back and forward walk the list. Pure.
 */
export interface Trail {
  ids: readonly number[];
  /** Index of the sample whose neighbours are shown (-1: none). */
  at: number;
}

export const EMPTY_TRAIL: Trail = { ids: [], at: -1 };
const MAX = 50;

export function visit(trail: Trail, id: number): Trail {
  if (trail.ids[trail.at] === id) return trail;
  const ids = [...trail.ids.slice(0, trail.at + 1), id].slice(-MAX);
  return { ids, at: ids.length - 1 };
}

export function back(trail: Trail): Trail {
  return trail.at > 0 ? { ...trail, at: trail.at - 1 } : trail;
}

export function forward(trail: Trail): Trail {
  return trail.at < trail.ids.length - 1 ? { ...trail, at: trail.at + 1 } : trail;
}

export function currentOf(trail: Trail): number | null {
  return trail.ids[trail.at] ?? null;
}
