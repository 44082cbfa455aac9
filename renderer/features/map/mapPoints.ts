import type { SimilarityMapPage } from '../../../shared/contract/similar';

export interface Point {
  id: number;
  x: number;
  y: number;
  name: string;
  cls: string | null;
}

/** The points of one `similar.map` page (coordinates 0…65535). */
export function mapPoints(page: SimilarityMapPage): Point[] {
  return page.ids.map((id, i) => {
    const c = page.cls[i] ?? -1;
    return {
      id,
      x: page.x[i] ?? 0,
      y: page.y[i] ?? 0,
      name: page.names[i] ?? `#${id}`,
      cls: c >= 0 ? (page.classNames[c] ?? null) : null,
    };
  });
}
