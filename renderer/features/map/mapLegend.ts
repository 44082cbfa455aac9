import type { Point } from './mapPoints';

export interface LegendEntry {
  /** The class, or null for points without one. */
  cls: string | null;
  count: number;
  colour: string;
}

/** Points without a class are drawn in this grey. */
export const NO_CLASS_COLOUR = 'hsl(220 8% 55%)';

/**
 * One colour per class on the map, far apart on the colour wheel (classes in name order,
 * so a class keeps its colour from one visit to the next), and the legend: classes by
 * number of points, the unclassified last.
 */
export function mapLegend(points: readonly Pick<Point, 'cls'>[]): LegendEntry[] {
  const counts = new Map<string | null, number>();
  for (const p of points) counts.set(p.cls, (counts.get(p.cls) ?? 0) + 1);
  const names = [...counts.keys()].filter((c): c is string => c !== null).sort();
  // Golden-angle steps keep neighbours in name order apart even with many classes.
  const colour = new Map(
    names.map((c, i) => [c, `hsl(${Math.round((i * 137.508) % 360)} 70% 60%)`]),
  );
  return [...counts.entries()]
    .map(([cls, count]) => ({
      cls,
      count,
      colour: cls === null ? NO_CLASS_COLOUR : colour.get(cls)!,
    }))
    .sort((a, b) =>
      a.cls === null ? 1 : b.cls === null ? -1 : b.count - a.count || (a.cls < b.cls ? -1 : 1),
    );
}
