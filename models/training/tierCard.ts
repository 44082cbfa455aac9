/**
 * The model card's section on class tiers and calibration (models/MODEL_CARD.md, between
 * the TIER_START / TIER_END markers), written by calibrate.ts and by train.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Calibrator } from '../../electron/analysis/classify/calibrator';
import type { ModelMeta } from '../../electron/analysis/classify/modelMeta';
import type { CandidateScore } from './chooseCalibrator';
import type { Evaluation, HeadEvaluation } from './evaluate';
import type { ReliabilityBin } from './calibration';

export const TIER_START = '<!-- tiers:start (models/training/tierCard.ts) -->';
export const TIER_END = '<!-- tiers:end -->';

export interface TierCardInputs {
  meta: ModelMeta;
  test: Evaluation;
  val: Evaluation;
  /** Precision the sure thresholds were chosen for on validation. */
  target: number;
  /** How the thresholds were chosen (one paragraph, markdown). */
  provenance: string;
  /** The command that wrote the section. */
  command: string;
  /** Row names of the two evaluations (default: "test (held out)", "validation"). */
  splitNames?: { test: string; val: string };
  /** The held-out split measured before this calibration (a row and a reliability table). */
  before?: { name: string; eval: Evaluation };
  /** The cross-validation that chose the calibrator of each head (recalibrate.ts). */
  cv?: Record<'oneShot' | 'loop', { chosen: string; scores: CandidateScore[] }>;
}

/** One line on a calibrator, for the card. */
export function describeCalibrator(c: Calibrator, classes: readonly string[] = []): string {
  const r = (v: number) => Number(v.toFixed(3)).toString();
  switch (c.kind) {
    case 'temperature':
      return c.t === 1 ? 'none' : `a temperature t = ${r(c.t)} (normalise(p^(1/t)))`;
    case 'vector':
      return `vector scaling normalise(exp(w_c · log p_c + b_c)), w ${r(Math.min(...c.w))}–${r(Math.max(...c.w))}, b ${r(Math.min(...c.b))}–${r(Math.max(...c.b))}`;
    case 'topLabel':
      return `${c.t !== undefined && c.t !== 1 ? `a temperature t = ${r(c.t)}, then ` : ''}a monotonic map of the top probability (${c.x.map((x, i) => `${r(x)} → ${r(c.y[i] as number)}`).join(', ')}; linear between, flat beyond; the other classes share the rest in proportion)`;
    case 'platt':
      return `${c.t !== undefined && c.t !== 1 ? `a temperature t = ${r(c.t)}, then ` : ''}Platt scaling of the top probability, q = σ(${r(c.a)} · logit p + ${r(c.b)})`;
    case 'byClass':
      return c.calibrators
        .map((sub, i) => {
          const mine = c.of.flatMap((j, k) => (j === i ? [classes[k] ?? `class ${k}`] : []));
          return `where the top class is ${mine.join(', ')}: ${describeCalibrator(sub)}`;
        })
        .join('; ');
  }
}

function binRows(bins: readonly ReliabilityBin[]): string {
  return bins
    .map(
      (b) =>
        `| ${b.lo.toFixed(2)}–${(b.lo + 1 / 15).toFixed(2)} | ${b.n} | ${b.meanConfidence.toFixed(3)} | ${b.accuracy.toFixed(3)} |`,
    )
    .join('\n');
}

function cvSection(cv: NonNullable<TierCardInputs['cv']>): string {
  const names = cv.oneShot.scores.map((s) => s.name);
  const cell = (h: 'oneShot' | 'loop', name: string) => {
    const s = cv[h].scores.find((x) => x.name === name);
    if (!s) return '—';
    const mark = cv[h].chosen === name ? '**' : '';
    const why = s.ineligible ? ` (${s.ineligible})` : '';
    return `${mark}${pct(s.ece)} ± ${pct(s.eceSd)}${mark}, NLL ${s.nll.toFixed(3)}${why}`;
  };
  return `Choice of the calibrator: grouped 5-fold cross-validation inside the calibration half
(5 deals of its groups; pooled out-of-fold ECE, mean ± sd over the deals, and mean NLL).
Eligible: calibrators that keep every top class and do not make the NLL worse than none;
of those within one sd of the lowest ECE, the lowest NLL wins (chosen in bold):

| calibrator | one-shots | loops |
| --- | --- | --- |
${names.map((n) => `| ${n} | ${cell('oneShot', n)} | ${cell('loop', n)} |`).join('\n')}
`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function tierCells(h: HeadEvaluation): string[] {
  return h.tiers.map((t) =>
    t.n === 0 ? '0' : `${t.n} (${pct(t.share)}), ${pct(t.precision)} right`,
  );
}

function thresholds(names: readonly string[], values: readonly number[] | undefined): string {
  return names
    .map((c, i) => {
      const v = values?.[i];
      return `${c} ${v === undefined || v > 1 ? 'never' : v.toFixed(3)}`;
    })
    .join(', ');
}

export function tierSection(x: TierCardInputs): string {
  const rows: string[] = [];
  const named = [
    ...(x.before ? [{ e: x.before.eval, name: x.before.name }] : []),
    ...[x.test, x.val].map((e) => ({
      e,
      name:
        e.split === 'test'
          ? (x.splitNames?.test ?? 'test (held out)')
          : (x.splitNames?.val ?? 'validation'),
    })),
  ];
  for (const { e, name } of named) {
    rows.push(
      `| ${name}, one-shots | ${e.oneShot.metrics.total} | ${pct(e.oneShot.metrics.accuracy)} | ${pct(e.drumAccuracy)} | ${pct(e.oneShot.ece)} | ${tierCells(e.oneShot).join(' | ')} |`,
      `| ${name}, loops | ${e.loop.metrics.total} | ${pct(e.loop.metrics.accuracy)} | — | ${pct(e.loop.ece)} | ${tierCells(e.loop).join(' | ')} |`,
    );
  }
  const bins = binRows(x.test.oneShot.reliability);
  const probability = x.meta.calibrator
    ? `softmax of logits / T, T fitted on validation by train_model.py, then for one-shots ${describeCalibrator(x.meta.calibrator.oneShot, x.meta.oneShotClasses)}, for loops ${describeCalibrator(x.meta.calibrator.loop, x.meta.loopClasses)}, fitted on the calibration half of test by recalibrate.ts`
    : x.meta.recalibration
      ? 'softmax of logits / (T·t): T fitted on validation by train_model.py, t on the calibration half of test by recalibrate.ts'
      : 'softmax of logits / T, T fitted on validation by train_model.py';
  const fittedOn = 'validation';
  return `${TIER_START}
## Class tiers and calibration

Every analysed sound gets the model's top class with its calibrated probability
(${probability}) and a tier:
**sure** at or above its class's sure threshold, **likely** at or above its likely
threshold (the per-class thresholds below, fitted for 90 % precision on ${fittedOn}), else
**guess**. Search filters take sure and likely by default; guesses are shown dimmed and
can be included. A class the file name states stays first (resolveClass.ts); a check
that finds nothing to classify (silence, invalid samples) still leaves the class empty.

${x.provenance}

| split | n | top-1 | drums (kick, snare, hi-hat, cymbal, tom) | ECE | sure | likely | guess |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

ECE: expected calibration error of the top class's probability: 15 equal-width bins of
confidence over [0, 1], |accuracy − mean confidence| of each bin weighted by its share.
"right" is the top class against the label. Goals (issue 23): sure ≥ 97 % precise,
top-1 of all one-shots ≥ 85 %, drums ≥ 92 %, ECE ≤ 5 %, on the held-out split.

- Sure thresholds (one-shots, target ${pct(x.target)} on ${fittedOn}): ${thresholds(x.meta.oneShotClasses, x.meta.sureThreshold?.oneShot)}.
- Sure thresholds (loops): ${thresholds(x.meta.loopClasses, x.meta.sureThreshold?.loop)}.
- Likely thresholds (one-shots): ${thresholds(x.meta.oneShotClasses, x.meta.classThreshold?.oneShot)}.
- Likely thresholds (loops): ${thresholds(x.meta.loopClasses, x.meta.classThreshold?.loop)}.

Reliability of the held-out one-shots (${x.splitNames?.test ?? 'test'}):

| confidence | n | mean confidence | accuracy |
| --- | --- | --- | --- |
${bins}
${
  x.before
    ? `
The same before this calibration (${x.before.name}):

| confidence | n | mean confidence | accuracy |
| --- | --- | --- | --- |
${binRows(x.before.eval.oneShot.reliability)}
`
    : ''
}${x.cv ? `\n${cvSection(x.cv)}` : ''}
Written by \`${x.command}\`.
${TIER_END}
`;
}

/** Puts the section into the card: replaces the previous one, else appends it. */
export function writeTierSection(cardPath: string, section: string): void {
  const card = existsSync(cardPath) ? readFileSync(cardPath, 'utf8') : '';
  const start = card.indexOf(TIER_START);
  const end = card.indexOf(TIER_END);
  const next =
    start >= 0 && end > start
      ? `${card.slice(0, start)}${section.trimEnd()}${card.slice(end + TIER_END.length)}`
      : `${card.trimEnd()}\n\n${section}`;
  writeFileSync(cardPath, next);
}
