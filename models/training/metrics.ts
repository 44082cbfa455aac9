/** Classification metrics for the model card: per-class precision/recall/F1, confusion, accuracy. */

export interface ClassMetrics {
  cls: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Metrics {
  classes: string[];
  /** confusion[true][predicted] counts, in `classes` order. */
  confusion: number[][];
  perClass: ClassMetrics[];
  accuracy: number;
  /** Mean F1 over classes that have test samples. */
  macroF1: number;
  total: number;
}

export function computeMetrics(
  classes: readonly string[],
  truth: readonly string[],
  predicted: readonly string[],
): Metrics {
  if (truth.length !== predicted.length)
    throw new RangeError('truth and predictions differ in length');
  const index = new Map(classes.map((c, i) => [c, i]));
  const confusion = classes.map(() => classes.map(() => 0));
  let correct = 0;
  truth.forEach((t, i) => {
    const ti = index.get(t);
    const pi = index.get(predicted[i] as string);
    if (ti === undefined || pi === undefined)
      throw new RangeError(`unknown class ${t} / ${predicted[i]}`);
    (confusion[ti] as number[])[pi]! += 1;
    if (ti === pi) correct++;
  });
  const perClass = classes.map((cls, c) => {
    const tp = (confusion[c] as number[])[c] as number;
    const support = (confusion[c] as number[]).reduce((a, b) => a + b, 0);
    const predictedN = confusion.reduce((a, row) => a + (row[c] as number), 0);
    const precision = predictedN > 0 ? tp / predictedN : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { cls, support, precision, recall, f1 };
  });
  const present = perClass.filter((m) => m.support > 0);
  return {
    classes: [...classes],
    confusion,
    perClass,
    accuracy: truth.length > 0 ? correct / truth.length : 0,
    macroF1: present.length > 0 ? present.reduce((a, m) => a + m.f1, 0) / present.length : 0,
    total: truth.length,
  };
}

/** Share of samples of the given true classes that were predicted correctly. */
export function accuracyOver(
  classes: readonly string[],
  truth: readonly string[],
  predicted: readonly string[],
): number {
  let n = 0;
  let ok = 0;
  truth.forEach((t, i) => {
    if (!classes.includes(t)) return;
    n++;
    if (predicted[i] === t) ok++;
  });
  return n > 0 ? ok / n : 0;
}
