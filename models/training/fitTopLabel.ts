/**
 * Top-label calibrators: a non-decreasing map from the top class's probability p₁ to the
 * share of such decisions that are right, fitted on (p₁, right?) pairs:
 *   - isotonic regression (pool-adjacent-violators), blocks of at least `minBlock`;
 *   - histogram binning over `bins` equal-count bins, made monotonic the same way;
 *   - Platt scaling, a logistic regression on logit p₁.
 * The map's knots are the blocks' mean p₁ → their accuracy, shrunk towards the mean p₁
 * by `prior` pseudo-decisions (so a small block does not jump to 0 or 1). Applied at run
 * time by electron/analysis/classify/calibrator.ts (`topLabel`, `platt`).
 */
import type { Calibrator } from '../../electron/analysis/classify/calibrator';

export interface TopDecision {
  /** The top class's probability. */
  p: number;
  correct: boolean;
}

/** The top probability of each row and whether its class is the label. */
export function topDecisions(
  probs: readonly Float32Array[],
  labels: readonly number[],
): TopDecision[] {
  return probs.map((row, i) => {
    let k = 0;
    for (let c = 1; c < row.length; c++) if ((row[c] as number) > (row[k] as number)) k = c;
    return { p: row[k] as number, correct: k === labels[i] };
  });
}

interface Block {
  n: number;
  sumP: number;
  ok: number;
}

const rate = (b: Block) => b.ok / b.n;

/** Pool adjacent violators over blocks in p order: the accuracies become non-decreasing. */
function pav(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    out.push({ ...b });
    while (
      out.length > 1 &&
      rate(out[out.length - 2] as Block) >= rate(out[out.length - 1] as Block)
    ) {
      const last = out.pop() as Block;
      const prev = out[out.length - 1] as Block;
      prev.n += last.n;
      prev.sumP += last.sumP;
      prev.ok += last.ok;
    }
  }
  return out;
}

/** Merges blocks smaller than `min` into a neighbour (the smaller one), then PAV again. */
function mergeSmall(blocks: Block[], min: number): Block[] {
  const out = blocks.map((b) => ({ ...b }));
  for (;;) {
    if (out.length <= 1) return out;
    let i = -1;
    for (let k = 0; k < out.length; k++) {
      if ((out[k] as Block).n < min && (i < 0 || (out[k] as Block).n < (out[i] as Block).n)) i = k;
    }
    if (i < 0) return pav(out);
    const left = i > 0 ? (out[i - 1] as Block) : undefined;
    const right = i < out.length - 1 ? (out[i + 1] as Block) : undefined;
    const j = !right || (left && left.n <= right.n) ? i - 1 : i + 1;
    const a = out[Math.min(i, j)] as Block;
    const b = out[Math.max(i, j)] as Block;
    a.n += b.n;
    a.sumP += b.sumP;
    a.ok += b.ok;
    out.splice(Math.max(i, j), 1);
  }
}

function knots(blocks: readonly Block[], prior: number): Extract<Calibrator, { kind: 'topLabel' }> {
  const x: number[] = [];
  const y: number[] = [];
  for (const b of blocks) {
    const meanP = b.sumP / b.n;
    const v = (b.ok + prior * meanP) / (b.n + prior);
    const xr = Math.round(meanP * 1e6) / 1e6;
    const yr = Math.round(v * 1e6) / 1e6;
    if (x.length > 0 && xr <= (x[x.length - 1] as number)) continue;
    // shrinking can undo monotonicity between neighbours of very different sizes
    x.push(xr);
    y.push(Math.max(yr, y.length > 0 ? (y[y.length - 1] as number) : 0));
  }
  return { kind: 'topLabel', x, y };
}

function sorted(d: readonly TopDecision[]): TopDecision[] {
  return [...d].sort((a, b) => a.p - b.p);
}

/** Isotonic regression of right/wrong on p₁, blocks of at least `minBlock` decisions. */
export function fitIsotonic(
  d: readonly TopDecision[],
  { minBlock, prior = 2 }: { minBlock: number; prior?: number },
): Extract<Calibrator, { kind: 'topLabel' }> {
  if (d.length === 0) return { kind: 'topLabel', x: [0, 1], y: [0, 1] };
  const blocks = pav(sorted(d).map((x) => ({ n: 1, sumP: x.p, ok: x.correct ? 1 : 0 })));
  return knots(mergeSmall(blocks, Math.min(minBlock, d.length)), prior);
}

/** Histogram binning over `bins` equal-count bins of p₁, made monotonic by PAV. */
export function fitHistogram(
  d: readonly TopDecision[],
  { bins, prior = 2 }: { bins: number; prior?: number },
): Extract<Calibrator, { kind: 'topLabel' }> {
  if (d.length === 0) return { kind: 'topLabel', x: [0, 1], y: [0, 1] };
  const s = sorted(d);
  const k = Math.max(1, Math.min(bins, s.length));
  const blocks: Block[] = [];
  for (let i = 0; i < k; i++) {
    const part = s.slice(Math.floor((i * s.length) / k), Math.floor(((i + 1) * s.length) / k));
    if (part.length === 0) continue;
    blocks.push({
      n: part.length,
      sumP: part.reduce((a, x) => a + x.p, 0),
      ok: part.filter((x) => x.correct).length,
    });
  }
  return knots(pav(blocks), prior);
}

/**
 * Platt scaling: the logistic regression right ~ σ(a · logit p₁ + b) by Newton's method
 * (a kept positive, so the map rises), with a small ridge for stability.
 */
export function fitPlatt(d: readonly TopDecision[]): Extract<Calibrator, { kind: 'platt' }> {
  const xs = d.map((x) => {
    const c = Math.min(1 - 1e-7, Math.max(1e-7, x.p));
    return Math.log(c / (1 - c));
  });
  let a = 1;
  let b = 0;
  const ridge = 1e-3;
  for (let it = 0; it < 50; it++) {
    let ga = ridge * (a - 1);
    let gb = ridge * b;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    d.forEach((x, i) => {
      const t = xs[i] as number;
      const q = 1 / (1 + Math.exp(-(a * t + b)));
      const r = q - (x.correct ? 1 : 0);
      ga += r * t;
      gb += r;
      const w = q * (1 - q);
      haa += w * t * t;
      hab += w * t;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { kind: 'platt', a: round(Math.max(a, 1e-3)), b: round(b) };
}
