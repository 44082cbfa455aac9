/**
 * The 2D similarity map: every analysed sample gets a place so that similar sounds sit
 * together. The projection is PCA of the (weighted, standardised) rows, refined
 * non-linearly: the library is clustered (k-means on the leading components), the
 * cluster centres are laid out by stress minimisation on their true distances, and each
 * sample keeps its PCA offset around its own centre. New or changed samples are placed
 * against the cached layout (nearest centre + offset); the layout is rebuilt when a
 * quarter of the map has changed.
 */
import type { SimilarityMapPage } from '../../../shared/contract/similar';
import { principalComponents } from './linalg';
import type { SimilarityIndex } from './similarityIndex';
import { DEFAULT_ASPECTS, DEFAULT_EMBEDDING_WEIGHT } from './similarService';
import { FULL_DIMS, GROUP_OFFSET, GROUP_WIDTH, GROUPS, QUANT } from './vectorSpace';

const PCA_DIMS = 10;

interface Layout {
  /** PCA_DIMS × FULL_DIMS components of the weighted rows. */
  components: Float64Array;
  mean: Float64Array;
  /** Cluster centres in PCA space (k × PCA_DIMS) and on the map (k × 2). */
  centres: Float64Array;
  placed: Float64Array;
  /** Scale of a sample's offset around its centre. */
  spread: number;
}

const DIM_WEIGHT = (() => {
  const w = [
    DEFAULT_EMBEDDING_WEIGHT,
    DEFAULT_ASPECTS.timbre,
    DEFAULT_ASPECTS.envelope,
    DEFAULT_ASPECTS.pitch,
    DEFAULT_ASPECTS.rhythm,
  ];
  const out = new Float64Array(FULL_DIMS);
  for (let g = 0; g < GROUPS.length; g++)
    for (let d = GROUP_OFFSET[g]!; d < GROUP_OFFSET[g + 1]!; d++)
      out[d] = Math.sqrt(w[g]! / GROUP_WIDTH[g]!) / QUANT;
  return out;
})();

function project(
  full: Int8Array,
  slot: number,
  layout: Pick<Layout, 'components' | 'mean'>,
  out: Float64Array,
): void {
  const base = slot * FULL_DIMS;
  for (let c = 0; c < PCA_DIMS; c++) {
    let s = 0;
    for (let d = 0; d < FULL_DIMS; d++)
      s +=
        layout.components[c * FULL_DIMS + d]! *
        (full[base + d]! * DIM_WEIGHT[d]! - layout.mean[d]!);
    out[c] = s;
  }
}

function nearest(p: Float64Array, centres: Float64Array, k: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < k; c++) {
    let d = 0;
    for (let i = 0; i < PCA_DIMS; i++) {
      const x = p[i]! - centres[c * PCA_DIMS + i]!;
      d += x * x;
    }
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

export class SimilarityMap {
  private layout: Layout | null = null;
  private k = 0;
  /** id → [x, y] (unbounded map units). */
  private readonly points = new Map<number, [number, number]>();
  private readonly dirty = new Set<number>();
  private sinceLayout = 0;
  /** Points in id order, cached per version (pages of a big map do not sort again). */
  private sorted: { version: number; entries: Array<[number, [number, number]]> } | null = null;
  version = 0;

  /** Samples whose rows changed: placed again at the next call. */
  samplesChanged(ids: readonly number[]): void {
    for (const id of ids) this.dirty.add(id);
  }

  private build(index: SimilarityIndex): void {
    const { full, size, ids } = index.rows();
    const step = Math.max(1, Math.floor(size / 20_000));
    const n = Math.ceil(size / step);
    const rows = new Float32Array(n * FULL_DIMS);
    const mean = new Float64Array(FULL_DIMS);
    for (let r = 0, i = 0; r < size; r += step, i++)
      for (let d = 0; d < FULL_DIMS; d++) {
        const v = full[r * FULL_DIMS + d]! * DIM_WEIGHT[d]!;
        rows[i * FULL_DIMS + d] = v;
        mean[d]! += v / n;
      }
    const components = principalComponents(rows, n, FULL_DIMS, PCA_DIMS);
    const pcs = new Float64Array(size * PCA_DIMS);
    const p = new Float64Array(PCA_DIMS);
    for (let s = 0; s < size; s++) {
      project(full, s, { components, mean }, p);
      pcs.set(p, s * PCA_DIMS);
    }
    // k-means on the leading components (a few Lloyd iterations from spread-out seeds).
    const k = Math.max(1, Math.min(64, Math.floor(size / 25)));
    const centres = new Float64Array(k * PCA_DIMS);
    for (let c = 0; c < k; c++)
      centres.set(
        pcs.subarray(
          Math.floor((c * size) / k) * PCA_DIMS,
          (Math.floor((c * size) / k) + 1) * PCA_DIMS,
        ),
        c * PCA_DIMS,
      );
    const assign = new Int32Array(size);
    for (let iter = 0; iter < 8; iter++) {
      const sums = new Float64Array(k * PCA_DIMS);
      const counts = new Int32Array(k);
      for (let s = 0; s < size; s++) {
        const c = nearest(pcs.subarray(s * PCA_DIMS, (s + 1) * PCA_DIMS), centres, k);
        assign[s] = c;
        counts[c]!++;
        for (let i = 0; i < PCA_DIMS; i++) sums[c * PCA_DIMS + i]! += pcs[s * PCA_DIMS + i]!;
      }
      for (let c = 0; c < k; c++)
        if (counts[c]! > 0)
          for (let i = 0; i < PCA_DIMS; i++)
            centres[c * PCA_DIMS + i] = sums[c * PCA_DIMS + i]! / counts[c]!;
    }
    // Lay the centres out in 2D: start from their first two components, then reduce the
    // stress against their PCA-space distances (gradient steps; k ≤ 64, so cheap).
    const placed = new Float64Array(k * 2);
    for (let c = 0; c < k; c++) {
      placed[c * 2] = centres[c * PCA_DIMS]!;
      placed[c * 2 + 1] = centres[c * PCA_DIMS + 1]!;
    }
    const target = new Float64Array(k * k);
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        let d = 0;
        for (let i = 0; i < PCA_DIMS; i++)
          d += (centres[a * PCA_DIMS + i]! - centres[b * PCA_DIMS + i]!) ** 2;
        target[a * k + b] = Math.sqrt(d);
      }
    for (let iter = 0; iter < 300; iter++) {
      const rate = 0.1 * (1 - iter / 300);
      for (let a = 0; a < k; a++) {
        let gx = 0;
        let gy = 0;
        for (let b = 0; b < k; b++) {
          if (a === b) continue;
          const dx = placed[a * 2]! - placed[b * 2]!;
          const dy = placed[a * 2 + 1]! - placed[b * 2 + 1]!;
          const d = Math.sqrt(dx * dx + dy * dy) || 1e-9;
          const f = (d - target[a * k + b]!) / d;
          gx += f * dx;
          gy += f * dy;
        }
        placed[a * 2]! -= (rate * gx) / k;
        placed[a * 2 + 1]! -= (rate * gy) / k;
      }
    }
    // Offsets around each centre keep the local PCA arrangement, shrunk so clusters stay apart.
    let spreadSum = 0;
    for (let s = 0; s < size; s++) {
      const c = assign[s]!;
      spreadSum += Math.hypot(
        pcs[s * PCA_DIMS]! - centres[c * PCA_DIMS]!,
        pcs[s * PCA_DIMS + 1]! - centres[c * PCA_DIMS + 1]!,
      );
    }
    let minGap = Infinity;
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++)
        minGap = Math.min(
          minGap,
          Math.hypot(placed[a * 2]! - placed[b * 2]!, placed[a * 2 + 1]! - placed[b * 2 + 1]!),
        );
    const meanSpread = spreadSum / Math.max(1, size) || 1;
    const spread = Number.isFinite(minGap) ? Math.min(1, (0.35 * minGap) / meanSpread) : 1;
    this.layout = { components, mean, centres, placed, spread };
    this.k = k;
    this.points.clear();
    for (let s = 0; s < size; s++)
      this.points.set(
        ids[s]!,
        this.place(pcs.subarray(s * PCA_DIMS, (s + 1) * PCA_DIMS), assign[s]!),
      );
    this.dirty.clear();
    this.sinceLayout = 0;
  }

  private place(p: ArrayLike<number>, c: number): [number, number] {
    const l = this.layout!;
    return [
      l.placed[c * 2]! + (p[0]! - l.centres[c * PCA_DIMS]!) * l.spread,
      l.placed[c * 2 + 1]! + (p[1]! - l.centres[c * PCA_DIMS + 1]!) * l.spread,
    ];
  }

  /** Brings the map up to date with the index (incrementally when it can). */
  update(index: SimilarityIndex): void {
    const { ids, size } = index.rows();
    if (
      !this.layout ||
      this.sinceLayout > Math.max(50, this.points.size / 4) ||
      (this.points.size === 0 && size > 0)
    ) {
      this.build(index);
      this.version++;
      return;
    }
    const present = new Set<number>();
    let changed = 0;
    const p = new Float64Array(PCA_DIMS);
    const { full } = index.rows();
    for (let s = 0; s < size; s++) {
      const id = ids[s]!;
      present.add(id);
      if (this.points.has(id) && !this.dirty.has(id)) continue;
      project(full, s, this.layout, p);
      this.points.set(id, this.place(p, nearest(p, this.layout.centres, this.k)));
      changed++;
    }
    for (const id of [...this.points.keys()]) {
      if (!present.has(id)) {
        this.points.delete(id);
        changed++;
      }
    }
    this.dirty.clear();
    if (changed > 0) {
      this.sinceLayout += changed;
      this.version++;
    }
  }

  /** One page of points (by id), coordinates scaled to 0…65535 over the whole map. */
  page(
    offset: number,
    limit: number,
    classOf: (id: number) => string | null,
    keep: (id: number) => boolean,
    nameOf: (id: number) => string,
  ): SimilarityMapPage {
    if (!this.sorted || this.sorted.version !== this.version)
      this.sorted = {
        version: this.version,
        entries: [...this.points.entries()].sort((a, b) => a[0] - b[0]),
      };
    const all = this.sorted.entries.filter(([id]) => keep(id));
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const [, [x, y]] of this.points) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const sx = maxX > minX ? 65535 / (maxX - minX) : 0;
    const sy = maxY > minY ? 65535 / (maxY - minY) : 0;
    const slice = all.slice(offset, offset + limit);
    const classNames: string[] = [];
    const codes = new Map<string, number>();
    const out: SimilarityMapPage = {
      version: this.version,
      total: all.length,
      offset,
      ids: [],
      names: [],
      x: [],
      y: [],
      cls: [],
      classNames,
      nextOffset: offset + limit < all.length ? offset + limit : null,
      pending: this.dirty.size > 0,
    };
    for (const [id, [x, y]] of slice) {
      out.ids.push(id);
      out.names.push(nameOf(id));
      out.x.push(sx === 0 ? 32768 : Math.round((x - minX) * sx));
      out.y.push(sy === 0 ? 32768 : Math.round((y - minY) * sy));
      const name = classOf(id);
      let code = -1;
      if (name !== null) {
        code = codes.get(name) ?? classNames.length;
        if (code === classNames.length) {
          classNames.push(name);
          codes.set(name, code);
        }
      }
      out.cls.push(code);
    }
    return out;
  }
}
