/**
 * Real loops of known tempo, held out (no training split holds Sonic Pi's loop_* files as
 * tempo truth; the tempo estimator has no fitted parameters tuned on them): Sonic Pi's
 * loops whose tempo a producer would state. The 2.474 s family is 4 beats at 97 BPM
 * (loop_drone_g_97, 8 beats long, says 97 in its name); the breaks' tempi are their
 * lengths in whole bars. Scored from the audio alone (names are not read).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalItem } from './types';

export const SONIC_PI_SAMPLES = '/usr/share/sonic-pi/samples';

/** [file, BPM, how the tempo is known] */
const LOOPS: ReadonlyArray<[string, number, string]> = [
  ['loop_mehackit1', 97, '2.474 s = 4 beats at 97'],
  ['loop_mehackit2', 97, '2.474 s = 4 beats at 97'],
  ['loop_electric', 97, '2.474 s = 4 beats at 97'],
  ['loop_perc1', 97, '2.474 s = 4 beats at 97'],
  ['loop_perc2', 97, '2.474 s = 4 beats at 97'],
  ['loop_weirdo', 97, '4.948 s = 8 beats at 97'],
  ['loop_drone_g_97', 97, 'name: 97; 4.948 s = 8 beats'],
  ['loop_amen', 136.9, '1.753 s = 4 beats at 136.9'],
  ['loop_amen_full', 140, '6.857 s = 16 beats at 140'],
  ['loop_breakbeat', 126, '1.905 s = 4 beats at 126'],
  ['loop_garzul', 120, '8 s = 16 beats at 120'],
  ['loop_mika', 120, '8 s = 16 beats at 120'],
  ['loop_safari', 120, '8.005 s = 16 beats at 120'],
];

/** Sonic Pi's 13 loops of known tempo (those installed). */
export function realLoops(root = SONIC_PI_SAMPLES): EvalItem[] {
  return LOOPS.map(([name, bpm, info]) => ({
    set: 'sonic-pi-loops',
    path: join(root, `${name}.flac`),
    kind: 'loop' as const,
    bpm,
    info: `Sonic Pi ${name} (${info})`,
  })).filter((it) => existsSync(it.path));
}
