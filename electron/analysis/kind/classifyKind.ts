import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import type { ValueSource } from '../../../shared/contract/analysis';
import type { SampleKind } from '../../../shared/taxonomy';
import type { HeldNote } from './heldNote';
import { kindFeatures, type KindAudio } from './kindFeatures';
import { loopPhysics, MAX_LOOP_BPM } from './loopPhysics';

export interface KindEvidence extends KindAudio {
  hints?: NameHints | undefined;
  embedded?: EmbeddedMetadata | undefined;
  /** A single-cycle / very short periodic waveform (kind/singleCycle.ts). */
  singleCycle: boolean;
  /** Steady noise (quality/steadyNoise.ts). */
  noise: boolean;
  /**
   * The note held throughout, if the sound is one (kind/heldNote.ts); asked only when the
   * audio model would call the sound a loop, as it costs a pitch track of the whole file.
   */
  heldNote?: () => HeldNote | null;
  /** One strike dying away, never struck again (kind/singleDecay.ts); asked like heldNote. */
  singleDecay?: () => boolean;
}

export interface KindDecision {
  kind: SampleKind;
  /** 0.5 … 1 */
  confidence: number;
  source: ValueSource;
  /** The audio score behind the decision (> 0 means loop); for the eval report. */
  score: number;
  /** Set when the sound was found to hold one note throughout (and so is a one-shot). */
  heldNote?: HeldNote;
}

/**
 * Logistic-regression weights over KIND_FEATURE_NAMES (+ bias, L2 0.1), fitted by
 * bench/eval/fitKind.ts on the eval sets of seeds 1001 and 2002 (796 files: sequenced and
 * rendered loops, rendered notes, real one-shots) and checked on seed 7 (99.5 %) and on
 * LMMS's own loops and instrument samples. See docs/analysis.md.
 */
const WEIGHTS = [1.19, 1.0, 6.52, 2.52, 3.16, 4.56];
const BIAS = -5.99;

/** Audio evidence for "loop" (positive) versus "one-shot" (negative). */
export function loopScore(a: KindAudio): number {
  const f = kindFeatures(a);
  let s = BIAS;
  for (let i = 0; i < WEIGHTS.length; i++) s += (WEIGHTS[i] as number) * (f[i] as number);
  return s;
}

function logistic(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

/** A file named for a drum strike is a one-shot when its audio shows at most this many onsets. */
export const NAMED_HIT_MAX_ONSETS = 3;

/** From this length on a loop word in the name is believed without more (s). */
export const NAME_LOOP_ALWAYS_SEC = 2;

/** The tempo a loop would be counted at: written (plausible), else measured, at most MAX_LOOP_BPM. */
function countedBpm(e: KindEvidence): number | null {
  for (const b of [e.embedded?.bpm, e.hints?.bpm])
    if (b !== undefined && Number.isFinite(b) && b >= 30 && b <= 300) return b;
  if (!e.tempo) return null;
  return e.tempo.bpm > MAX_LOOP_BPM ? e.tempo.bpm / 2 : e.tempo.bpm;
}

/**
 * One-shot or loop. Physics first (kind/loopPhysics.ts): what cannot be a loop is a
 * one-shot, whatever the name says (and, for a sound shorter than a beat or a
 * single-cycle waveform, whatever the file's own flag says). Then file metadata (acid
 * one-shot flag, acid beats), then words in the name ("loop", "one shot", "hit"), then
 * the audio model: duration, onsets, whether the sound dies away before the end, and
 * onsets that are periodic and sit on a 16th grid — overruled where the sound holds one
 * note throughout (kind/heldNote.ts).
 */
export function classifyKind(e: KindEvidence): KindDecision {
  const score = loopScore(e);
  const physics = loopPhysics({
    durationSec: e.durationSec,
    onsets: e.onsets.length,
    bpm: countedBpm(e),
    singleCycle: e.singleCycle,
    noise: e.noise,
  });
  const flaggedLoop = e.embedded?.oneShot === false && (e.embedded.beats ?? 0) > 0;
  if (e.embedded?.oneShot === true)
    return { kind: 'one-shot', confidence: 0.95, source: 'embedded', score };
  if (!physics.possible && (physics.absolute || !flaggedLoop))
    return { kind: 'one-shot', confidence: 0.95, source: 'audio', score };
  if (flaggedLoop) {
    return { kind: 'loop', confidence: 0.95, source: 'embedded', score };
  }
  const p = logistic(score);
  // A loop word in the name (often a folder's: "Breaks", "beats_01-12") is believed for
  // what could be a loop: a long file, one spanning a whole number of beats, or one the
  // audio model takes for a loop too — not for a short slice holding a hit or two.
  if (
    e.hints?.loop &&
    !e.hints.oneShot &&
    (e.durationSec >= NAME_LOOP_ALWAYS_SEC || e.tempo?.beats != null || p >= 0.5)
  )
    return { kind: 'loop', confidence: 0.9, source: 'name', score };
  if (e.hints?.oneShot && !e.hints.loop)
    return { kind: 'one-shot', confidence: 0.9, source: 'name', score };
  // A file named for one drum strike ("TomLow-0", "Kick 03") holding a hit or two is that
  // strike ringing out, however well its length fits a bar at some tempo; a named tempo or
  // a loop word (in the file or its folders) keeps it open to being a loop.
  if (
    e.hints?.drumHit &&
    !e.hints.loop &&
    e.hints.bpm === undefined &&
    e.onsets.length <= NAMED_HIT_MAX_ONSETS
  )
    return { kind: 'one-shot', confidence: 0.85, source: 'name', score };
  // One note held throughout, never struck again, is a one-shot however long it lasts or
  // however its timbre moves (a filtered or "vowel" bass, a drone, a pad): nothing repeats.
  const held = p >= 0.5 ? (e.heldNote?.() ?? null) : null;
  if (held) return { kind: 'one-shot', confidence: 0.9, source: 'audio', score, heldNote: held };
  // Nor is one strike dying away (a piano note ringing for 20 s, its strings beating).
  if (p >= 0.5 && e.singleDecay?.() === true)
    return { kind: 'one-shot', confidence: 0.9, source: 'audio', score };
  return p >= 0.5
    ? { kind: 'loop', confidence: p, source: 'audio', score }
    : { kind: 'one-shot', confidence: 1 - p, source: 'audio', score };
}
