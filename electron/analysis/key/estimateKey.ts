import type { Mode, MusicalKey } from '../../../shared/music';
import { PROFILES, TEMPERLEY, type KeyProfile } from './keyProfiles';

export interface KeyEstimate extends MusicalKey {
  /** Correlation of the chroma with the winning profile (−1 … 1). */
  correlation: number;
  /** 0 … 1: margin over the best key that is not the winner. */
  confidence: number;
  /** All 24 keys with their correlation, best first. */
  ranking: Array<{ tonic: number; mode: Mode; correlation: number }>;
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

/** Best-matching key for a 12-bin pitch-class profile (C = 0). */
export function estimateKey(
  chroma: ArrayLike<number>,
  profile: KeyProfile | string = TEMPERLEY,
): KeyEstimate | null {
  const prof = typeof profile === 'string' ? (PROFILES[profile] ?? TEMPERLEY) : profile;
  let energy = 0;
  for (let i = 0; i < 12; i++) energy += chroma[i] as number;
  if (!(energy > 0)) return null;
  const ranking: Array<{ tonic: number; mode: Mode; correlation: number }> = [];
  for (let tonic = 0; tonic < 12; tonic++) {
    ranking.push({ tonic, mode: 'major', correlation: pearson(chroma, prof.major, tonic) });
    ranking.push({ tonic, mode: 'minor', correlation: pearson(chroma, prof.minor, tonic) });
  }
  ranking.sort((p, q) => q.correlation - p.correlation);
  const best = ranking[0] as { tonic: number; mode: Mode; correlation: number };
  const second = ranking[1] as { correlation: number };
  const confidence = Math.max(
    0,
    Math.min(1, (best.correlation - second.correlation) * 5 + Math.max(0, best.correlation - 0.5)),
  );
  return { tonic: best.tonic, mode: best.mode, correlation: best.correlation, confidence, ranking };
}
