import { createHash } from 'node:crypto';
import type { ManifestEntry } from './manifestTypes';

/**
 * The test split cut in two by group, so that no group is in both halves: `calibration`
 * fits the post-hoc calibrator (models/training/recalibrate.ts), `heldOut` measures it.
 * Neither half was trained on (the shipped networks were refitted on train + validation),
 * so validation, which they have seen, is no longer used to calibrate.
 * Which half a group lands in is the parity of the first byte of SHA-1(group).
 */
export function calibrationHalf(group: string): 'calibration' | 'heldOut' {
  const b = createHash('sha1').update(group).digest()[0] as number;
  return b % 2 === 0 ? 'calibration' : 'heldOut';
}

/**
 * The group a test row is calibrated and measured by: its split group (a hydrogen kit, a
 * GM program of a soundfont, an lmms folder), except that the GM drum kits of a soundfont
 * (standard, room, power … : "GM drum kit 8 (room)" in the detail), one split group for
 * training because they share samples, are each a group of their own here, as each GM
 * program is. Kept whole, one soundfont's seven kits (1,015 one-shots) fell in one half and
 * left the other with 84 drum one-shots, so the calibration was fitted on melodic notes
 * and measured mostly on drums.
 */
export function calibrationGroup(e: Pick<ManifestEntry, 'group' | 'detail'>): string {
  const kit = e.group.endsWith(':drums') ? /GM drum kit (\d+)/.exec(e.detail) : null;
  return kit ? `${e.group}:kit${kit[1]}` : e.group;
}

/**
 * The manifest's test rows relabelled for the evaluation helpers: the calibration half as
 * 'val', the measuring half as 'test', each with its calibration group as `group`; every
 * other row leaves.
 */
export function splitTestForCalibration(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return entries.flatMap((e) => {
    if (e.split !== 'test') return [];
    const group = calibrationGroup(e);
    return [
      {
        ...e,
        group,
        split: calibrationHalf(group) === 'calibration' ? ('val' as const) : ('test' as const),
      },
    ];
  });
}
