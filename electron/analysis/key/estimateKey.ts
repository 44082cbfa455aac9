import type { Mode, MusicalKey } from '../../../shared/music';
import type { Chroma } from './chroma';
import { KRUMHANSL, PROFILES, TEMPERLEY, type KeyProfile } from './keyProfiles';

export interface KeyEstimate extends MusicalKey {
  /** Correlation of the chroma with the best profile of the winning key or its relative (−1 … 1). */
  correlation: number;
  /** 0 … 1: margin of the winning relative-key pair over the next pair. */
  confidence: number;
  /** All 24 keys with their profile correlation, best first. */
  ranking: Array<{ tonic: number; mode: Mode; correlation: number }>;
  /** Share of the chroma energy on the key's seven scale notes (≈ 7/12 for noise, → 1 for diatonic music). */
  scaleShare: number;
}

const MAJOR_SCALE = [0, 2, 4, 5, 7, 9, 11];

function scaleShareOf(c: ArrayLike<number>, majorTonic: number): number {
  let total = 0;
  let on = 0;
  for (let i = 0; i < 12; i++) total += c[i] as number;
  for (const d of MAJOR_SCALE) on += c[(majorTonic + d) % 12] as number;
  return total > 0 ? on / total : 0;
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>, rot: number): number {
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < 12; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= 12;
  mb /= 12;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < 12; i++) {
    const x = (a[(i + rot) % 12] as number) - ma;
    const y = (b[i] as number) - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : 0;
}

function ranking(
  chroma: ArrayLike<number>,
  prof: KeyProfile,
): Array<{ tonic: number; mode: Mode; correlation: number }> {
  const out: Array<{ tonic: number; mode: Mode; correlation: number }> = [];
  for (let tonic = 0; tonic < 12; tonic++) {
    out.push({ tonic, mode: 'major', correlation: pearson(chroma, prof.major, tonic) });
    out.push({ tonic, mode: 'minor', correlation: pearson(chroma, prof.minor, tonic) });
  }
  return out.sort((p, q) => q.correlation - p.correlation);
}

/** Share of the energy on the tonic triad of a key. */
function triadShare(c: ArrayLike<number>, tonic: number, mode: Mode): number {
  let total = 0;
  for (let i = 0; i < 12; i++) total += c[i] as number;
  if (total <= 0) return 0;
  const third = mode === 'minor' ? 3 : 4;
  return (
    ((c[tonic] as number) + (c[(tonic + third) % 12] as number) + (c[(tonic + 7) % 12] as number)) /
    total
  );
}

/** Best-matching key for a 12-bin pitch-class profile (C = 0), by profile correlation alone. */
export function estimateKey(
  chroma: ArrayLike<number>,
  profile: KeyProfile | string = TEMPERLEY,
): KeyEstimate | null {
  const prof = typeof profile === 'string' ? (PROFILES[profile] ?? TEMPERLEY) : profile;
  let energy = 0;
  for (let i = 0; i < 12; i++) energy += chroma[i] as number;
  if (!(energy > 0)) return null;
  const rank = ranking(chroma, prof);
  const best = rank[0] as { tonic: number; mode: Mode; correlation: number };
  const second = rank[1] as { correlation: number };
  const confidence = Math.max(
    0,
    Math.min(1, (best.correlation - second.correlation) * 5 + Math.max(0, best.correlation - 0.5)),
  );
  const majorTonic = best.mode === 'major' ? best.tonic : (best.tonic + 3) % 12;
  return {
    tonic: best.tonic,
    mode: best.mode,
    correlation: best.correlation,
    confidence,
    ranking: rank,
    scaleShare: scaleShareOf(chroma, majorTonic),
  };
}

/** Seconds at the start whose chroma is taken as the opening chord (capped share of the excerpt). */
const OPENING_MAX_SEC = 4;
const OPENING_SHARE = 0.25;

/**
 * Key of tonal material in two stages. 1: the relative major/minor pair whose Temperley
 * profile fits the whole chroma best (this is reliable: modes of the same scale share
 * their pitch content). 2: major or minor, from the Krumhansl–Kessler correlation
 * difference plus how well each tonic triad matches the opening (material, loops
 * especially, usually starts on its tonic chord). Weights fitted on eval seed 1001,
 * checked on 2002 (docs/analysis.md).
 */
export function estimateKeyFromChroma(c: Chroma, excerptSec: number): KeyEstimate | null {
  const pairRank = estimateKey(c.profile, TEMPERLEY);
  if (!pairRank) return null;
  const major = pairRank.mode === 'major' ? pairRank.tonic : (pairRank.tonic + 3) % 12;
  const minor = (major + 9) % 12;
  const frameSec = excerptSec / Math.max(1, c.frameCount);
  const openingFrames = Math.max(
    1,
    Math.min(
      Math.round(OPENING_MAX_SEC / Math.max(1e-6, frameSec)),
      Math.round(c.frameCount * OPENING_SHARE),
    ),
  );
  const opening = new Float64Array(12);
  for (let t = 0; t < Math.min(c.frameCount, openingFrames); t++) {
    for (let p = 0; p < 12; p++)
      opening[p] = (opening[p] as number) + (c.frames[t * 12 + p] as number);
  }
  const kk = (tonic: number, mode: Mode): number => pearson(c.profile, KRUMHANSL[mode], tonic);
  const d =
    kk(minor, 'minor') -
    kk(major, 'major') +
    (triadShare(opening, minor, 'minor') - triadShare(opening, major, 'major'));
  const tonic = d > 0 ? minor : major;
  const mode: Mode = d > 0 ? 'minor' : 'major';
  // Confidence: how clearly the pair wins over other pairs, and how clearly the mode is decided.
  const pairOf = (r: { tonic: number; mode: Mode }): number =>
    r.mode === 'major' ? r.tonic : (r.tonic + 3) % 12;
  const otherPair = pairRank.ranking.find((r) => pairOf(r) !== major);
  const pairMargin = pairRank.correlation - (otherPair?.correlation ?? 0);
  const confidence = Math.max(0, Math.min(1, 2 * pairMargin + Math.min(0.5, Math.abs(d))));
  // Tonal strength: how well the scale (the relative pair) fits, whichever mode won.
  return {
    tonic,
    mode,
    correlation: pairRank.correlation,
    confidence,
    ranking: pairRank.ranking,
    scaleShare: pairRank.scaleShare,
  };
}
