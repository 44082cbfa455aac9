/**
 * What a loop must physically be, checked before any model, name or flag is asked: at
 * least two beats at a plausible tempo, holding events that repeat. A sound shorter than
 * one beat at 200 BPM, or a single-cycle waveform, is a one-shot whatever it is called;
 * one that is shorter than two such beats, holds a single event, or is steady noise is a
 * one-shot unless the file's own metadata (an ACID loop chunk) says it loops.
 */

/** Fastest tempo a loop is counted at. */
export const MAX_LOOP_BPM = 200;
/** One beat at MAX_LOOP_BPM (s): anything shorter is a one-shot. */
export const ONE_BEAT_SEC = 60 / MAX_LOOP_BPM;
/** Two beats at MAX_LOOP_BPM (s): the shortest loop. */
export const MIN_LOOP_SEC = 2 * ONE_BEAT_SEC;
/** A loop holds at least this many beats at its tempo (two, less a little timing slack). */
export const MIN_LOOP_BEATS = 1.9;

export interface LoopPhysicsEvidence {
  durationSec: number;
  /** Onsets in the spectral flux (chord changes of a pad count here too). */
  onsets: number;
  /** The tempo the loop would be counted at (written, or measured), null when none. */
  bpm: number | null;
  singleCycle: boolean;
  noise: boolean;
}

export type LoopPhysics =
  | { possible: true }
  | {
      possible: false;
      /** True when not even the file's own loop flag can make it a loop. */
      absolute: boolean;
      reason: string;
    };

export function loopPhysics(e: LoopPhysicsEvidence): LoopPhysics {
  if (e.durationSec < ONE_BEAT_SEC)
    return { possible: false, absolute: true, reason: 'shorter than a beat at 200 BPM' };
  if (e.singleCycle) return { possible: false, absolute: true, reason: 'a single-cycle waveform' };
  if (e.durationSec < MIN_LOOP_SEC)
    return { possible: false, absolute: false, reason: 'shorter than two beats at 200 BPM' };
  if (e.noise) return { possible: false, absolute: false, reason: 'steady noise, no pulse' };
  // Attacks are counted in the spectral flux: the shimmer of a ride cymbal's wash makes
  // several envelope peaks but no new onset.
  if (e.onsets < 2)
    return { possible: false, absolute: false, reason: 'a single onset, nothing repeats' };
  if (e.bpm !== null && (e.durationSec * e.bpm) / 60 < MIN_LOOP_BEATS)
    return { possible: false, absolute: false, reason: 'less than two beats at its tempo' };
  return { possible: true };
}
