import type { AnalysisProgress, SampleSummary } from '../../shared/contract';

/**
 * Readers for answers of handlers that are newer than the contract this UI was typed
 * against (similar sounds, the similarity map, analysis progress): they accept the
 * documented shapes and ignore anything malformed.
 */
export interface Hit {
  sample: SampleSummary;
  score: number | null;
}

function isSample(v: unknown): v is SampleSummary {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as SampleSummary).id === 'number' &&
    typeof (v as SampleSummary).name === 'string'
  );
}

/** Reads the similar-sounds answer whether it lists samples or {sample, score} pairs. */
export function parseHits(value: unknown): Hit[] {
  const list: unknown[] = Array.isArray(value)
    ? value
    : Array.isArray((value as { items?: unknown })?.items)
      ? (value as { items: unknown[] }).items
      : [];
  const out: Hit[] = [];
  for (const item of list) {
    if (isSample(item)) out.push({ sample: item, score: null });
    else if (
      typeof item === 'object' &&
      item !== null &&
      isSample((item as { sample?: unknown }).sample)
    ) {
      const o = item as {
        sample: SampleSummary;
        score?: unknown;
        distance?: unknown;
        similarity?: unknown;
      };
      const s = [o.score, o.similarity, o.distance].find((x) => typeof x === 'number') as
        number | undefined;
      out.push({ sample: o.sample, score: s ?? null });
    }
  }
  return out;
}

export interface Point {
  id: number;
  x: number;
  y: number;
  name: string;
  cls: string | null;
}

/** Points of one `similar.map` page (ids/x/y/cls arrays, coordinates 0…65535). */
export function parseMapPage(value: unknown): { points: Point[]; nextOffset: number | null } {
  const v = (value ?? {}) as Record<string, unknown>;
  const ids = Array.isArray(v.ids) ? (v.ids as unknown[]) : [];
  const xs = Array.isArray(v.x) ? (v.x as unknown[]) : [];
  const ys = Array.isArray(v.y) ? (v.y as unknown[]) : [];
  const cls = Array.isArray(v.cls) ? (v.cls as unknown[]) : [];
  const names = Array.isArray(v.classNames) ? (v.classNames as unknown[]) : [];
  const points: Point[] = [];
  ids.forEach((id, i) => {
    const x = xs[i];
    const y = ys[i];
    if (typeof id !== 'number' || typeof x !== 'number' || typeof y !== 'number') return;
    const c = cls[i];
    const name = typeof c === 'number' && c >= 0 ? names[c] : null;
    points.push({ id, x, y, name: `#${id}`, cls: typeof name === 'string' ? name : null });
  });
  return { points, nextOffset: typeof v.nextOffset === 'number' ? v.nextOffset : null };
}

/** What 'analysis.progress' carries (read loosely: the event is newer than this UI's contract). */
export type AnalysisProgressView = Omit<AnalysisProgress, 'workers'>;

export function parseProgress(v: unknown): AnalysisProgressView | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const n = (k: string) => (typeof o[k] === 'number' ? (o[k] as number) : 0);
  if (typeof o.state !== 'string') return null;
  return {
    state: o.state as AnalysisProgressView['state'],
    queued: n('queued'),
    running: n('running'),
    completed: n('completed'),
    failed: n('failed'),
    filesPerSec: n('filesPerSec'),
    etaSec: typeof o.etaSec === 'number' ? o.etaSec : null,
  };
}
