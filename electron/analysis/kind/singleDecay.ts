/**
 * One strike dying away: a piano, bell or plucked note that rings for many seconds. Its
 * level wobbles as the strings beat (the envelope shows a dozen "events", the kind model
 * says loop), yet nothing is struck again: no loud re-attack in the whole spectrum, none
 * at all above 4 kHz (where every drum hit shows), and the sound has died away by the end.
 * A loop that ends in silence (a sparse percussion loop) re-attacks near its peak level.
 */
import type { FrameFeatures } from '../features/frameAnalysis';
import { levels, reattacks } from './heldNote';

/** The sound ends at least this far below its peak (dB): it has died away. */
export const DECAY_END_DB = -40;
/** A new attack that counts reaches within this many dB of the loudest frame (a piano's beating tail rises 14 dB at −13…−30 dB). */
export const LOUD_ATTACK_DB = 10;

export function singleDecay(
  frames: FrameFeatures,
  excerptSamples: number,
  endLevelDb: number,
): boolean {
  if (endLevelDb > DECAY_END_DB) return false;
  const { all, high } = levels(frames, excerptSamples);
  if (all.length < 8) return false;
  return (
    reattacks(all, frames.frameRate, LOUD_ATTACK_DB) === 0 &&
    reattacks(high, frames.frameRate) === 0
  );
}
