/**
 * A calibrator per family of top classes (e.g. drums and the rest): rows are grouped by
 * the family of their top class and each family's calibrator is fitted on its own rows,
 * or on all rows where it has fewer than `minRows`. Applied at run time by
 * electron/analysis/classify/calibrator.ts (`byClass`).
 */
import type {
  Calibrator,
  OrderKeepingCalibrator,
} from '../../electron/analysis/classify/calibrator';

export function fitByFamily(
  probs: readonly Float32Array[],
  labels: readonly number[],
  families: readonly number[],
  fit: (p: readonly Float32Array[], l: readonly number[]) => OrderKeepingCalibrator,
  minRows = 40,
): Extract<Calibrator, { kind: 'byClass' }> {
  const count = Math.max(...families) + 1;
  const familyOf = probs.map((p) => {
    let k = 0;
    for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[k] as number)) k = c;
    return families[k] as number;
  });
  let all: OrderKeepingCalibrator | undefined;
  const calibrators = Array.from({ length: count }, (_, f) => {
    const rows = familyOf.flatMap((g, i) => (g === f ? [i] : []));
    if (rows.length < minRows) return (all ??= fit(probs, labels));
    return fit(
      rows.map((i) => probs[i] as Float32Array),
      rows.map((i) => labels[i] as number),
    );
  });
  return { kind: 'byClass', of: [...families], calibrators };
}
