import { createHash } from 'node:crypto';
import type { ManifestEntry } from './manifestTypes';

/**
 * The test split cut in two by split group (a kit, a GM program of a soundfont, an lmms
 * folder), so that no group is in both halves: `calibration` fits the recalibration
 * temperature and the tier thresholds (models/training/recalibrate.ts), `heldOut` measures
 * them. Neither half was trained on (the shipped networks were refitted on train +
 * validation), so validation, which they have seen, is no longer used to calibrate.
 * Which half a group lands in is the parity of the first byte of SHA-1(group).
 */
export function calibrationHalf(group: string): 'calibration' | 'heldOut' {
  const b = createHash('sha1').update(group).digest()[0] as number;
  return b % 2 === 0 ? 'calibration' : 'heldOut';
}

/**
 * The manifest with the test rows relabelled for the evaluation helpers: the calibration
 * half as 'val', the measuring half as 'test'; every other row leaves both.
 */
export function splitTestForCalibration(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return entries.flatMap((e) =>
    e.split !== 'test'
      ? []
      : [
          {
            ...e,
            split:
              calibrationHalf(e.group) === 'calibration' ? ('val' as const) : ('test' as const),
          },
        ],
  );
}
