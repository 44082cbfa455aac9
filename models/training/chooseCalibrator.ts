/**
 * Chooses a head's post-hoc calibrator by grouped cross-validation inside the calibration
 * split only: the split's groups (a kit, a GM program, an lmms folder) are dealt into
 * `folds` folds, `repeats` times with different deals; each candidate is fitted on the
 * other folds and applied (by the app's own electron/analysis/classify/calibrator.ts) to
 * the fold left out. Eligible are the candidates that keep every row's top class (a
 * calibrator sets the confidence; the class, top-1 and the drum figures stay the model's)
 * and whose out-of-fold negative log-likelihood is no worse than without calibration (a
 * proper score: one constant confidence for every row has an ECE near 0 and says nothing).
 * Among them, those whose mean out-of-fold ECE is within the best one's spread over the
 * deals (its standard deviation, at least `tie`) are as good as the best; of these the
 * lowest NLL wins (the probabilities of the other candidates count too).
 */
import { applyCalibrator, type Calibrator } from '../../electron/analysis/classify/calibrator';
import { rescaleProbabilities } from '../../electron/analysis/classify/recalibrate';
import { reliability } from './calibration';
import { fitTemperature } from './fitTemperature';
import { fitByFamily } from './fitByFamily';
import { fitHistogram, fitIsotonic, fitPlatt, topDecisions } from './fitTopLabel';
import { fitVectorScaling } from './fitVectorScaling';

export interface CalibratorCandidate {
  name: string;
  /** Never changes a row's top class (vector scaling may). */
  keepsOrder: boolean;
  fit(probs: readonly Float32Array[], labels: readonly number[]): Calibrator;
}

const identity: Calibrator = { kind: 'temperature', t: 1 };

/**
 * The candidates tried: none, temperature, vector-scaling forms, top-label maps, and with
 * `families` (a family index per class, e.g. drums 0 and the rest 1) the temperature,
 * Platt and isotonic maps fitted per family of the top class.
 */
export function defaultCandidates(families?: readonly number[]): CalibratorCandidate[] {
  const vector = (form: 'bias' | 'perClass' | 'vector', lambda: number): CalibratorCandidate => ({
    name: `${form === 'bias' ? 'temperature + bias' : form === 'perClass' ? 'temperature per class' : 'vector scaling'} (λ ${lambda})`,
    keepsOrder: false,
    fit: (p, l) => fitVectorScaling(p, l, { form, lambda }),
  });
  return [
    { name: 'none', keepsOrder: true, fit: () => identity },
    {
      name: 'temperature',
      keepsOrder: true,
      fit: (p, l) => ({ kind: 'temperature', t: fitTemperature(p, l) }),
    },
    vector('bias', 0.01),
    vector('perClass', 0.01),
    vector('vector', 0.01),
    ...[25, 50, 100].map((minBlock) => ({
      name: `isotonic on p₁ (blocks ≥ ${minBlock})`,
      keepsOrder: true,
      fit: (p: readonly Float32Array[], l: readonly number[]) =>
        fitIsotonic(topDecisions(p, l), { minBlock }),
    })),
    ...[5, 10, 15].map((bins) => ({
      name: `histogram binning on p₁ (${bins} bins)`,
      keepsOrder: true,
      fit: (p: readonly Float32Array[], l: readonly number[]) =>
        fitHistogram(topDecisions(p, l), { bins }),
    })),
    {
      name: 'Platt on p₁',
      keepsOrder: true,
      fit: (p, l) => fitPlatt(topDecisions(p, l)),
    },
    ...[25, 50].map((minBlock) => ({
      name: `temperature, then isotonic on p₁ (blocks ≥ ${minBlock})`,
      keepsOrder: true,
      fit: (p: readonly Float32Array[], l: readonly number[]) =>
        tempered(p, l, (q, m) => fitIsotonic(topDecisions(q, m), { minBlock })),
    })),
    {
      name: 'temperature, then Platt on p₁',
      keepsOrder: true,
      fit: (p, l) => tempered(p, l, (q, m) => fitPlatt(topDecisions(q, m))),
    },
    ...(families ? perFamily(families) : []),
  ];
}

/** A temperature fitted first, then a top-label map fitted on the tempered rows. */
function tempered<C extends Extract<Calibrator, { kind: 'topLabel' | 'platt' }>>(
  probs: readonly Float32Array[],
  labels: readonly number[],
  map: (p: readonly Float32Array[], l: readonly number[]) => C,
): C {
  const t = fitTemperature(probs, labels);
  return {
    ...map(
      probs.map((p) => rescaleProbabilities(p, t)),
      labels,
    ),
    t,
  };
}

function perFamily(families: readonly number[]): CalibratorCandidate[] {
  return [
    {
      name: 'temperature per family',
      keepsOrder: true,
      fit: (p, l) =>
        fitByFamily(p, l, families, (q, m) => ({ kind: 'temperature', t: fitTemperature(q, m) })),
    },
    {
      name: 'Platt on p₁ per family',
      keepsOrder: true,
      fit: (p, l) => fitByFamily(p, l, families, (q, m) => fitPlatt(topDecisions(q, m))),
    },
    {
      name: 'isotonic on p₁ per family (blocks ≥ 50)',
      keepsOrder: true,
      fit: (p, l) =>
        fitByFamily(p, l, families, (q, m) => fitIsotonic(topDecisions(q, m), { minBlock: 50 })),
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
  /** Why the candidate could not be chosen (changes top classes, NLL worse than none). */
  ineligible?: string;
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
    tie = 0,
  }: { candidates?: CalibratorCandidate[]; folds?: number; repeats?: number; tie?: number } = {},
): CalibratorChoice {
  const names = [...new Set(groups)].sort();
  const k = Math.max(2, Math.min(folds, names.length));
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
  // uncalibrated, the NLL of the rows as they are (what 'none' scores out of fold too)
  const noneNll = scoreCalibrated(probs, labels).nll;
  const scored = candidates.map((c, ci) => {
    const s = scores[ci] as CandidateScore;
    const why = !c.keepsOrder
      ? 'changes top classes'
      : s.nll > noneNll + 1e-9
        ? 'NLL worse than none'
        : undefined;
    return { c, s: why ? { ...s, ineligible: why } : s };
  });
  const eligible = scored.filter((x) => x.s.ineligible === undefined);
  const best = eligible.reduce((a, x) => (x.s.ece < a.s.ece ? x : a));
  const near = eligible
    .filter((x) => x.s.ece <= best.s.ece + Math.max(tie, best.s.eceSd))
    .sort((a, b) => a.s.nll - b.s.nll);
  const winner = (near[0] as { c: CalibratorCandidate }).c;
  return {
    scores: scored.map((x) => x.s),
    chosen: winner.name,
    calibrator: winner.fit(probs, labels),
  };
}
