import { parseKey, relativeKey } from '../../../shared/music';

/** Acc1: within 4 % of the truth. */
export function acc1(estimate: number | null, truth: number): boolean {
  return estimate !== null && Math.abs(estimate - truth) / truth <= 0.04;
}

/** Acc2: within 4 % of the truth or of ×2, ×½, ×3, ×⅓ of it. */
export function acc2(estimate: number | null, truth: number): boolean {
  if (estimate === null) return false;
  return [1, 2, 0.5, 3, 1 / 3].some((r) => Math.abs(estimate - truth * r) / (truth * r) <= 0.04);
}

export type KeyVerdict = 'correct' | 'relative' | 'fifth' | 'parallel' | 'other' | 'none';

export function keyVerdict(estimate: string | null, truth: string): KeyVerdict {
  if (estimate === null) return 'none';
  const e = parseKey(estimate);
  const t = parseKey(truth);
  if (!e || !t) return 'none';
  if (e.tonic === t.tonic && e.mode === t.mode) return 'correct';
  const rel = relativeKey(t);
  if (e.tonic === rel.tonic && e.mode === rel.mode) return 'relative';
  if (
    e.mode === t.mode &&
    ((e.tonic - t.tonic + 12) % 12 === 7 || (e.tonic - t.tonic + 12) % 12 === 5)
  )
    return 'fifth';
  if (e.tonic === t.tonic) return 'parallel';
  return 'other';
}

export function pitchClassCorrect(estimate: number | null, truth: number): boolean {
  return estimate !== null && (((estimate - truth) % 12) + 12) % 12 === 0;
}

export function pct(n: number, d: number): number {
  return d > 0 ? Math.round((1000 * n) / d) / 10 : 0;
}
