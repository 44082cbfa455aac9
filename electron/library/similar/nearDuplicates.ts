/**
 * Near duplicates: the same sound re-encoded, trimmed of silence or turned up or down.
 * Two samples are near duplicates when their classifier embeddings, timbre, envelope
 * shape and pitch agree (loudness, length-dependent and rhythm dimensions left out, so
 * gain changes and trimmed silence do not count) and their lengths are compatible.
 * Candidates are found along the samples sorted by effective length, so the pass is
 * near-linear rather than all pairs.
 */
import type { SampleSummary } from '../../../shared/contract/library';
import type { NearDuplicateGroup } from '../../../shared/contract/similar';
import type { Db } from '../db';
import { pickKeeper } from '../duplicates';
import { ASPECT_DIMENSIONS } from './aspects';
import type { SimilarityIndex } from './similarityIndex';
import { summariesOf } from './summaries';
import { FULL_DIMS, GROUP_OFFSET, GROUP_WIDTH, QUANT } from './vectorSpace';

/** Envelope dimensions that trimming changes: duration, temporal centroid, end level. */
const TRIM_SENSITIVE = new Set([0, 5, 6]);

/** Full-row positions compared, grouped (embedding, timbre, envelope, pitch); rhythm is left out. */
const COMPARED: number[][] = [0, 1, 2, 3].map((g) => {
  const out: number[] = [];
  for (let i = 0; i < GROUP_WIDTH[g]!; i++) {
    if (g === 2 && TRIM_SENSITIVE.has(ASPECT_DIMENSIONS.envelope[i]!)) continue;
    out.push(GROUP_OFFSET[g]! + i);
  }
  return out;
});

/** Position of "effective length" (feature dim 4) in the full row. */
const EFFECTIVE_LENGTH = GROUP_OFFSET[2]! + ASPECT_DIMENSIONS.envelope.indexOf(4);

export const DEFAULT_NEAR_THRESHOLD = 0.97;

/** Mean squared int8 difference over `dims`, or Infinity as soon as it exceeds `bound` (a sum). */
function groupDistance(
  full: Int8Array,
  a: number,
  b: number,
  dims: readonly number[],
  bound: number,
): number {
  const ba = a * FULL_DIMS;
  const bb = b * FULL_DIMS;
  let acc = 0;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i]!;
    const diff = full[ba + d]! - full[bb + d]!;
    acc += diff * diff;
    if (acc > bound) return Infinity;
  }
  return acc / dims.length;
}

const similarityOfMean = (mean: number): number => Math.exp(-mean / (QUANT * QUANT) / 2);
/** The summed squared difference over `dims` at which a group's similarity falls below `sim`. */
const boundFor = (sim: number, dims: number): number => -2 * Math.log(sim) * dims * QUANT * QUANT;

/**
 * Similarity of two stored rows for duplicate purposes (1 = identical): timbre, the
 * trim-independent envelope and pitch. The classifier embedding is not part of it (it
 * sees duration and loudness, which trimming and gain change) and only vetoes pairs
 * it finds clearly different (below EMBEDDING_VETO). Returns 0 as soon as the pair
 * cannot reach `atLeast` (most pairs are rejected after a few dimensions).
 */
export function duplicateSimilarity(
  full: Int8Array,
  a: number,
  b: number,
  embeddings: boolean,
  atLeast = 0,
): number {
  const groups = COMPARED.length - 1;
  // Each group must reach groups·atLeast − (groups − 1) for the mean to reach atLeast.
  const floor = Math.max(1e-9, groups * atLeast - (groups - 1));
  let total = 0;
  for (let g = 1; g < COMPARED.length; g++) {
    const dims = COMPARED[g]!;
    const mean = groupDistance(
      full,
      a,
      b,
      dims,
      atLeast > 0 ? boundFor(floor, dims.length) : Infinity,
    );
    if (mean === Infinity) return 0;
    total += similarityOfMean(mean);
  }
  if (embeddings) {
    const dims = COMPARED[0]!;
    if (groupDistance(full, a, b, dims, boundFor(EMBEDDING_VETO, dims.length)) === Infinity)
      return 0;
  }
  return total / groups;
}

/** Embedding similarity below which two samples are never near duplicates. */
export const EMBEDDING_VETO = 0.4;

export interface NearOptions {
  threshold?: number;
  limit?: number;
  /** Most neighbours along the length order each sample is compared with. */
  window?: number;
}

class UnionFind {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root))
      root = p;
    // Path compression (iterative: groups can be long chains).
    for (let n = x; n !== root;) {
      const next = this.parent.get(n)!;
      this.parent.set(n, root);
      n = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

export function nearDuplicates(
  db: Db,
  index: SimilarityIndex,
  options: NearOptions = {},
): NearDuplicateGroup[] {
  const threshold = options.threshold ?? DEFAULT_NEAR_THRESHOLD;
  const window = options.window ?? 256;
  const { ids, full, size } = index.rows();
  // Slot order by effective length.
  const order = Array.from({ length: size }, (_, i) => i).sort(
    (a, b) => full[a * FULL_DIMS + EFFECTIVE_LENGTH]! - full[b * FULL_DIMS + EFFECTIVE_LENGTH]!,
  );
  // Effective-length tolerance: ±0.04 of the log scale (about ×1.5), in int8 units.
  const span = Math.round(0.04 * QUANT * index.space.scale[EFFECTIVE_LENGTH]!);
  const meta = new Map<number, { hash: string | null; duration: number | null }>();
  for (const r of db
    .prepare('SELECT id, content_hash, duration FROM samples WHERE missing = 0')
    .raw(true)
    .iterate() as IterableIterator<[number, string | null, number | null]>)
    meta.set(r[0], { hash: r[1], duration: r[2] });
  const uf = new UnionFind();
  const linked = new Set<number>();
  const pairFirst: number[] = [];
  const pairSim: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const a = order[i]!;
    const la = full[a * FULL_DIMS + EFFECTIVE_LENGTH]!;
    const ma = meta.get(ids[a]!);
    if (!ma) continue;
    for (let j = i + 1; j < order.length && j <= i + window; j++) {
      const b = order[j]!;
      if (full[b * FULL_DIMS + EFFECTIVE_LENGTH]! - la > span) break;
      const mb = meta.get(ids[b]!);
      if (!mb) continue;
      if (ma.duration !== null && mb.duration !== null) {
        const ratio = Math.min(ma.duration, mb.duration) / Math.max(ma.duration, mb.duration, 1e-9);
        if (ratio < 0.5) continue;
      }
      const both = index.hasEmbedding(ids[a]!) && index.hasEmbedding(ids[b]!);
      const sim = duplicateSimilarity(full, a, b, both, threshold);
      if (sim < threshold) continue;
      uf.union(ids[a]!, ids[b]!);
      linked.add(ids[a]!);
      linked.add(ids[b]!);
      pairFirst.push(ids[a]!);
      pairSim.push(sim);
    }
  }
  const groups = new Map<number, number[]>();
  for (const id of linked) {
    const root = uf.find(id);
    const list = groups.get(root) ?? [];
    list.push(id);
    groups.set(root, list);
  }
  const found: Array<{ members: number[]; similarity: number }> = [];
  // Smallest pairwise similarity per group, in one pass over the linked pairs.
  const groupMin = new Map<number, number>();
  for (let i = 0; i < pairFirst.length; i++) {
    const root = uf.find(pairFirst[i]!);
    groupMin.set(root, Math.min(groupMin.get(root) ?? 1, pairSim[i]!));
  }
  for (const [root, members] of groups) {
    const hashes = new Set(members.map((id) => meta.get(id)?.hash ?? `id:${id}`));
    if (hashes.size < 2) continue; // all the same audio: an exact group, reported there
    members.sort((x, y) => x - y);
    const similarity = groupMin.get(root) ?? 1;
    found.push({ members, similarity: Math.round(similarity * 10_000) / 10_000 });
  }
  found.sort(
    (a, b) =>
      b.members.length - a.members.length ||
      b.similarity - a.similarity ||
      a.members[0]! - b.members[0]!,
  );
  const limited = found.slice(0, options.limit ?? 1000);
  const byId = new Map(
    summariesOf(
      db,
      limited.flatMap((g) => g.members),
    ).map((s) => [s.id, s]),
  );
  return limited
    .map((g) => {
      const samples = g.members
        .map((id) => byId.get(id))
        .filter((s): s is SampleSummary => s !== undefined);
      return {
        samples,
        keeperId: samples.length > 0 ? pickKeeper(samples) : 0,
        similarity: g.similarity,
        differences: differencesOf(samples),
      };
    })
    .filter((g) => g.samples.length > 1);
}

/** What differs between copies: format, gain, length, sample rate / bit depth. */
export function differencesOf(samples: readonly SampleSummary[]): string[] {
  const out: string[] = [];
  const spread = (values: Array<number | null>): number => {
    const v = values.filter((x): x is number => x !== null);
    return v.length < 2 ? 0 : Math.max(...v) - Math.min(...v);
  };
  if (new Set(samples.map((s) => s.format)).size > 1) out.push('format');
  if (spread(samples.map((s) => s.lufs)) >= 1) out.push('gain');
  const durations = samples.map((s) => s.durationSec).filter((x): x is number => x !== null);
  if (durations.length > 1 && Math.max(...durations) - Math.min(...durations) >= 0.02)
    out.push('length');
  if (new Set(samples.map((s) => `${s.sampleRate}/${s.bitDepth}`)).size > 1) out.push('resolution');
  return out;
}
