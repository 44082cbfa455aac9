import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random';
import { selectPage } from './selectPage';
import type { SortOrder, SortPoint } from './sortOrder';

/** A sort order over a plain key array (NaN = NULL, last), ties by id in the same direction. */
function orderOver(values: Float64Array, sign: 1 | -1): SortOrder {
  const sortKey = (id: number): number => {
    const v = values[id]!;
    return v !== v ? Infinity : v * sign;
  };
  const compare = (a: number, b: number): number => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a === b ? 0 : a < b ? -sign : sign;
  };
  return {
    fillKeys(ids, length, out) {
      for (let i = 0; i < length; i++) out[i] = sortKey(ids[i]!);
    },
    keysAtMost(ids, length, max, outIds, outKeys) {
      let w = 0;
      for (let i = 0; i < length; i++) {
        const key = sortKey(ids[i]!);
        if (key <= max) {
          outIds[w] = ids[i]!;
          outKeys[w++] = key;
        }
      }
      return w;
    },
    sortKey,
    hasTie: false,
    idSign: sign,
    compare,
    point: (id) => ({ key: sortKey(id), id }),
    compareToPoint(id, p: SortPoint) {
      const k = sortKey(id);
      if (k !== p.key) return k < p.key ? -1 : 1;
      return id === p.id ? 0 : id < p.id ? -sign : sign;
    },
  };
}

function pagesOf(
  values: Float64Array,
  ids: number[],
  k: number,
  sign: 1 | -1,
  most = 10_000,
): number[][] {
  const order = orderOver(values, sign);
  const pages: number[][] = [];
  let after: SortPoint | null = null;
  for (let guard = 0; guard < most; guard++) {
    const page = selectPage(Int32Array.from(ids), ids.length, k, order, after);
    if (page.length === 0) return pages;
    pages.push(page);
    after = order.point(page[page.length - 1]!);
  }
  return pages;
}

describe('selectPage', () => {
  const rand = seededRandom(11);
  const n = 20_000;
  const distributions: Record<string, () => number> = {
    'distinct keys': () => rand(),
    'few distinct keys (like key codes)': () => Math.floor(rand() * 24),
    'mostly NULL': () => (rand() < 0.9 ? Number.NaN : rand()),
    'one value': () => 5,
    'rising with id (like added)': () => 0,
  };

  for (const [name, draw] of Object.entries(distributions)) {
    for (const sign of [1, -1] as const) {
      it(`pages through ${name} (${sign > 0 ? 'asc' : 'desc'}) exactly like a full sort`, () => {
        const values = new Float64Array(n + 1);
        for (let id = 1; id <= n; id++) values[id] = name.startsWith('rising') ? id / 7 : draw();
        const ids = Array.from({ length: n }, (_, i) => i + 1).filter(() => rand() < 0.8);
        const expected = [...ids].sort(orderOver(values, sign).compare);
        for (const k of [1, 25]) {
          const pages = pagesOf(values, ids, k, sign, 20);
          expect(pages.flat()).toEqual(expected.slice(0, 20 * k));
        }
        const all = pagesOf(values, ids, 101, sign);
        expect(all.flat()).toEqual(expected);
      });
    }
  }
});
