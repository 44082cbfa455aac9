/**
 * Chooses a head's post-hoc calibrator by grouped cross-validation inside the calibration
 * split only: the split's groups (a kit, a GM program, an lmms folder) are dealt into
 * `folds` folds, `repeats` times with different deals; each candidate is fitted on the
 * other folds and applied (by the app's own electron/analysis/classify/calibrator.ts) to
 * the fold left out. The candidate with the lowest mean out-of-fold ECE wins; one within
 * `tie` of it with fewer parameters wins instead (simpler transfers better).
 */
import { applyCalibrator, type Calibrator } from '../../electron/analysis/classify/calibrator';
import { reliability } from './calibration';
import { fitTemperature } from './fitTemperature';
import { fitHistogram, fitIsotonic, fitPlatt, topDecisions } from './fitTopLabel';
import { fitVectorScaling } from './fitVectorScaling';

export interface CalibratorCandidate {
  name: string;
  /** Free parameters (for the tie rule; a top-label map counts its knots twice). */
  parameters: (classes: number) => number;
  fit(probs: readonly Float32Array[], labels: readonly number[]): Calibrator;
}

const identity: Calibrator = { kind: 'temperature', t: 1 };

/** The candidates tried: none, temperature, vector-scaling forms, top-label maps. */
export function defaultCandidates(): CalibratorCandidate[] {
  const vector = (form: 'bias' | 'perClass' | 'vector', lambda: number): CalibratorCandidate => ({
    name: `${form === 'bias' ? 'temperature + bias' : form === 'perClass' ? 'temperature per class' : 'vector scaling'} (λ ${lambda})`,
    parameters: (n) => (form === 'bias' ? 1 + n : form === 'perClass' ? n : 2 * n),
    fit: (p, l) => fitVectorScaling(p, l, { form, lambda }),
  });
  return [
    { name: 'none', parameters: () => 0, fit: () => identity },
    {
      name: 'temperature',
      parameters: () => 1,
      fit: (p, l) => ({ kind: 'temperature', t: fitTemperature(p, l) }),
    },
    vector('bias', 0.01),
    vector('bias', 0.001),
    vector('perClass', 0.01),
    vector('perClass', 0.001),
    vector('vector', 0.01),
    vector('vector', 0.001),
    ...[25, 50, 100].map((minBlock) => ({
      name: `isotonic on p₁ (blocks ≥ ${minBlock})`,
      parameters: () => 10,
      fit: (p: readonly Float32Array[], l: readonly number[]) =>
        fitIsotonic(topDecisions(p, l), { minBlock }),
    })),
    ...[5, 10, 15].map((bins) => ({
      name: `histogram binning on p₁ (${bins} bins)`,
      parameters: () => 2 * bins,
      fit: (p: readonly Float32Array[], l: readonly number[]) =>
        fitHistogram(topDecisions(p, l), { bins }),
    })),
    {
      name: 'Platt on p₁',
      parameters: () => 2,
      fit: (p, l) => fitPlatt(topDecisions(p, l)),
    },
  ];
}

export interface CandidateScore {
  name: string;
  /** Mean over repeats of the pooled out-of-fold ECE (15 equal-width bins of p₁). */
  ece: number;
  /** Standard deviation of that ECE over the repeats. */
  eceSd: number;
  /** Mean out-of-fold negative log-likelihood of the labels. */
  nll: number;
}

export interface CalibratorChoice {
  scores: CandidateScore[];
  chosen: string;
  /** The chosen candidate fitted on all rows. */
  calibrator: Calibrator;
}

/** A seeded shuffle (Park–Miller), so the deals are reproducible. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed % 2147483647 || 1;
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Deal `r` of the groups into `k` folds: a group lies in exactly one fold. */
export function groupFolds(groups: readonly string[], k: number, r: number): Map<string, number> {
  const names = [...new Set(groups)].sort();
  return new Map(shuffled(names, 7919 * (r + 1)).map((g, i) => [g, i % k]));
}

/** Scores of calibrated rows: ECE of the top probability, mean NLL of the labels. */
export function scoreCalibrated(
  calibrated: readonly Float32Array[],
  labels: readonly number[],
): { ece: number; nll: number } {
  const d = topDecisions(calibrated, labels);
  const nll =
    calibrated.reduce(
      (a, p, i) => a - Math.log(Math.max(p[labels[i] as number] as number, 1e-12)),
      0,
    ) / Math.max(1, calibrated.length);
  return { ece: reliability(d.map((x) => ({ confidence: x.p, correct: x.correct }))).ece, nll };
}

export function chooseCalibrator(
  probs: readonly Float32Array[],
  labels: readonly number[],
  groups: readonly string[],
  {
    candidates = defaultCandidates(),
    folds = 5,
    repeats = 5,
    tie = 0.002,
  }: { candidates?: CalibratorCandidate[]; folds?: number; repeats?: number; tie?: number } = {},
): CalibratorChoice {
  const names = [...new Set(groups)].sort();
  const k = Math.max(2, Math.min(folds, names.length));
  const classes = probs[0]?.length ?? 0;
  const eces = candidates.map(() => [] as number[]);
  const nlls = candidates.map(() => [] as number[]);
  for (let r = 0; r < repeats; r++) {
    const foldOf = groupFolds(names, k, r);
    const oof = candidates.map(() => new Array<Float32Array>(probs.length));
    for (let f = 0; f < k; f++) {
      const train = probs.flatMap((_, i) => (foldOf.get(groups[i] as string) === f ? [] : [i]));
      const test = probs.flatMap((_, i) => (foldOf.get(groups[i] as string) === f ? [i] : []));
      if (test.length === 0) continue;
      candidates.forEach((c, ci) => {
        const cal = c.fit(
          train.map((i) => probs[i] as Float32Array),
          train.map((i) => labels[i] as number),
        );
        for (const i of test)
          (oof[ci] as Float32Array[])[i] = applyCalibrator(probs[i] as Float32Array, cal);
      });
    }
    candidates.forEach((_, ci) => {
      const s = scoreCalibrated(oof[ci] as Float32Array[], labels);
      (eces[ci] as number[]).push(s.ece);
      (nlls[ci] as number[]).push(s.nll);
    });
  }
  const mean = (xs: readonly number[]) => xs.reduce((a, v) => a + v, 0) / Math.max(1, xs.length);
  const scores = candidates.map((c, ci) => {
    const e = eces[ci] as number[];
    const m = mean(e);
    return {
      name: c.name,
      ece: m,
      eceSd: Math.sqrt(mean(e.map((v) => (v - m) ** 2))),
      nll: mean(nlls[ci] as number[]),
    };
  });
  const best = Math.min(...scores.map((s) => s.ece));
  const near = candidates
    .map((c, ci) => ({ c, s: scores[ci] as CandidateScore }))
    .filter((x) => x.s.ece <= best + tie)
    .sort((a, b) => a.c.parameters(classes) - b.c.parameters(classes) || a.s.ece - b.s.ece);
  const winner = (near[0] as { c: CalibratorCandidate }).c;
  return { scores, chosen: winner.name, calibrator: winner.fit(probs, labels) };
}
