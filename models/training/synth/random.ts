/** Seeded random numbers for the drum synthesiser (mulberry32): the same seed, the same sound. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Log-uniform in [lo, hi) (for frequencies and times). */
  logRange(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Uniform white noise in [-1, 1). */
  noise(): number;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    logRange: (lo, hi) => lo * Math.pow(hi / lo, next()),
    chance: (p) => next() < p,
    noise: () => next() * 2 - 1,
  };
}
