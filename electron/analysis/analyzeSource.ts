import type { AnalysisFields, AnalysisResult } from '../../shared/contract/analysis';
import type { EmbeddedMetadata, NameHints } from '../../shared/contract/library';
import { AppError } from '../../shared/result';
import type { AudioSource } from './decode/types';
import { summarizeDescriptors } from './features/descriptors';
import { envelopeFeatures } from './features/envelope';
import { analyzeFrames } from './features/frameAnalysis';
import { melPatch } from './features/melPatch';
import { detectOnsets, onsetStrengths } from './features/onsets';
import { resolveKey } from './hints/resolveKey';
import { resolveRoot } from './hints/resolveRoot';
import { resolveTempo } from './hints/resolveTempo';
import { computeChroma } from './key/chroma';
import { estimateKeyFromChroma, type KeyEstimate } from './key/estimateKey';
import { classifyKind } from './kind/classifyKind';
import { heldNote, pitchOfHeldNote, type HeldNote } from './kind/heldNote';
import { envelopePeaks } from './kind/envelopePeaks';
import { isSingleCycle } from './kind/singleCycle';
import { singleDecay } from './kind/singleDecay';
import { amplitudeDb } from './loudness/truePeak';
import { encodePeaks } from './peaks/peaksCodec';
import { pitchTrack } from './pitch/pitchTrack';
import { estimatePitch, type PitchEstimate } from './pitch/rootNote';
import { subBassPitch } from './pitch/subBassPitch';
import { activeSeconds } from './quality/activeSeconds';
import { assessSignal } from './quality/assessSignal';
import { guardFields } from './quality/labelGuard';
import { localFlatness } from './quality/localFlatness';
import { isCrackle } from './quality/crackle';
import { isSteadyNoise } from './quality/steadyNoise';
import { measureStream } from './stream/measureStream';
import { deriveTags } from './tags/deriveTags';
import { estimateTempo } from './tempo/estimateTempo';
import { novelty } from './tempo/novelty';
import { hasPulse } from './tempo/pulseReality';
import { FEATURE_VECTOR_VERSION, featureVector } from './vector/featureVector';
import { ANALYZER_VERSION } from './version';

export interface AnalyzeOptions {
  /** BPM / key / note / loop words found in the file and folder names. */
  hints?: NameHints;
  /** Metadata read from the file (acid, smpl, tags). */
  embedded?: EmbeddedMetadata;
  /** Seconds from the start used for tempo, key, kind and descriptors (default 120). */
  excerptSeconds?: number;
  signal?: AbortSignal;
  /** Called while the file is being decoded, as a sign of progress. */
  onProgress?: () => void;
}

/** Minimum pitch confidence for a measured root note. */
export const ROOT_MIN_CONFIDENCE = 0.5;
/** A loop decided with less confidence than this … */
const UNSURE_LOOP = 0.75;
/** … whose pitch is at least this clear still gets a root note. */
const HELD_NOTE_PITCH = 0.7;
/** Files up to this long (s) are checked for one note held throughout (kind/heldNote.ts). */
const HELD_NOTE_MAX_SEC = 30;
/** A measured key needs this key-profile correlation … */
export const KEY_MIN_CORRELATION = 0.55;
/** … and this share of the chroma on its scale (drum loops sit around 0.64–0.72). */
export const KEY_MIN_SCALE_SHARE = 0.74;
/** Material at least this long gets a key even as a one-shot (pads, drones, phrases) … */
const KEY_MIN_ONESHOT_SEC = 4;
/**
 * … when a pitch is heard in it: a cymbal's long wash has a chroma that fits some key
 * (a ride read as G# minor) but no stable pitch (pitch confidence 0–0.2, pads 0.7–1).
 */
export const KEY_MIN_ONESHOT_PITCH = 0.5;

function round(v: number | null, digits: number): number | null {
  if (v === null) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Analyses an opened audio source (does not close it). */
export async function analyzeSource(
  source: AudioSource,
  opts: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  const info = source.info;
  const m = await measureStream(source, {
    ...(opts.excerptSeconds !== undefined ? { excerptSeconds: opts.excerptSeconds } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  if (m.frames === 0) throw new AppError('EMPTY_FILE', 'the file holds no audio frames');
  const durationSec = m.frames / info.sampleRate;
  const rate = m.analysisRate;
  const x = m.excerpt;
  const excerptSec = x.length / rate;
  // A whole file of a second or more may be a loop: analyse it as one (wrapped) period.
  const mayLoop = m.excerptIsWhole && durationSec >= 1;
  const frames = analyzeFrames(x, rate, { wrap: mayLoop, overlap: mayLoop ? 2 : 1 });
  const env = envelopeFeatures(x, rate);
  const onsets = detectOnsets(frames.flux, frames.frameRate);
  const activeSec = activeSeconds(x, rate);
  const quality = assessSignal({
    frames: m.frames,
    sampleRate: info.sampleRate,
    bitDepth: info.codec.startsWith('pcm_f') ? null : info.bitDepth,
    swing: m.stats.swing,
    nonFinite: m.nonFinite,
    activeSec,
  });
  const events = envelopePeaks(env);
  const heard = estimatePitch(x, rate, env);
  let flatness: number | null = null;
  const flat = (): number => (flatness ??= localFlatness(x, rate));
  const noise =
    quality.length === 0 &&
    (isSteadyNoise({
      durationSec: excerptSec,
      frameEnergy: frames.energy,
      events,
      pitchConfidence: heard?.confidence ?? 0,
      localFlatness: flat,
    }) ||
      isCrackle({
        durationSec: mayLoop ? excerptSec : 0,
        frameEnergy: frames.energy,
        frameRate: frames.frameRate,
        events,
        pitchConfidence: heard?.confidence ?? 0,
        activeShare: activeSec / excerptSec,
        localFlatness: flat,
        pulse: () =>
          hasPulse(
            novelty(frames.flux, frames.frameRate),
            frames.frameRate,
            onsets,
            onsetStrengths(frames.flux, frames.frameRate, onsets),
            { loop: mayLoop, durationSec: excerptSec },
          ),
      }));
  const pitch = noise ? null : heard;
  const singleCycle = m.excerptIsWhole && isSingleCycle(x, rate, pitch);
  const loopTempo = estimateTempo(frames, { durationSec: excerptSec, loop: mayLoop });
  const held = (): HeldNote | null =>
    m.excerptIsWhole && durationSec <= HELD_NOTE_MAX_SEC && !noise
      ? heldNote(pitchTrack(x, rate), frames, x.length)
      : null;
  const kind = classifyKind({
    heldNote: held,
    singleDecay: () => m.excerptIsWhole && singleDecay(frames, x.length, env.endLevelDb),
    noise,
    singleCycle,
    durationSec,
    onsets,
    onsetStrengths: onsetStrengths(frames.flux, frames.frameRate, onsets),
    envelope: env,
    tempo: loopTempo,
    hints: opts.hints,
    embedded: opts.embedded,
  });
  const isLoop = kind.kind === 'loop';
  const tempo = resolveTempo(
    isLoop ? loopTempo : null,
    durationSec,
    isLoop,
    opts.embedded,
    opts.hints,
  );

  let keyEstimate: KeyEstimate | null = null;
  const pitched = (pitch?.confidence ?? 0) >= KEY_MIN_ONESHOT_PITCH;
  if (!noise && (isLoop || (durationSec >= KEY_MIN_ONESHOT_SEC && pitched))) {
    const chroma = computeChroma(x, rate);
    const est = estimateKeyFromChroma(chroma, excerptSec);
    if (est && est.correlation >= KEY_MIN_CORRELATION && est.scaleShare >= KEY_MIN_SCALE_SHARE)
      keyEstimate = est;
  }
  const key = resolveKey(keyEstimate, opts.embedded, opts.hints);
  // Root notes are for one-shots; a "loop" the kind model is unsure of that holds one
  // clear pitch (typically a long pad note) gets one too.
  const unsureLoopNote =
    isLoop &&
    kind.source === 'audio' &&
    kind.confidence < UNSURE_LOOP &&
    (pitch?.confidence ?? 0) >= HELD_NOTE_PITCH;
  // The note held throughout where the kind check found one; else YIN's pitch, and for a
  // sub-bass YIN cannot follow, one long spectrum of its decay (pitch/subBassPitch.ts).
  const rootPitch = (): PitchEstimate | null => {
    if (kind.heldNote) return pitchOfHeldNote(kind.heldNote);
    if (noise || (pitch?.confidence ?? 0) >= ROOT_MIN_CONFIDENCE) return pitch;
    return subBassPitch(x, rate, env) ?? pitch;
  };
  const root =
    isLoop && !unsureLoopNote
      ? resolveRoot(null, 1, undefined, undefined)
      : resolveRoot(rootPitch(), ROOT_MIN_CONFIDENCE, opts.embedded, opts.hints);

  const descriptors = summarizeDescriptors({
    frames,
    envelope: env,
    stats: m.stats,
    excerpt: x,
    onsets,
    excerptSec,
    samplePeak: m.samplePeak,
    pitchConfidence: pitch?.confidence ?? 0,
  });
  const lufs = round(m.loudness.lufs, 2);
  const tags = deriveTags({
    descriptors,
    kind: kind.kind,
    channels: info.channels,
    lufs,
    tonal: root.rootNote !== null || (key.key !== null && key.source === 'audio'),
    noise,
    singleCycle,
  });
  // The label guard goes last: nothing to label → no labels, whatever decided them.
  const fields: AnalysisFields = guardFields({
    analyzerVersion: ANALYZER_VERSION,
    format: info.format,
    codec: info.codec,
    durationSec: Math.round(durationSec * 1e6) / 1e6,
    frames: m.frames,
    sampleRate: info.sampleRate,
    channels: info.channels,
    bitDepth: info.bitDepth,
    kind: kind.kind,
    kindConfidence: Math.round(kind.confidence * 1000) / 1000,
    bpm: tempo.bpm,
    bpmConfidence: tempo.confidence,
    bpmSource: tempo.source,
    beats: tempo.beats,
    bpmAlternates:
      tempo.bpm === null ? [] : [tempo.bpm / 2, tempo.bpm * 2].map((b) => round(b, 2) as number),
    key: key.key,
    keyConfidence: key.confidence,
    keySource: key.source,
    rootNote: root.rootNote,
    rootMidi: root.rootMidi,
    rootCents: root.rootCents,
    rootConfidence: root.confidence,
    rootSource: root.source,
    lufs,
    loudnessMethod: m.loudness.method,
    maxMomentaryLufs: round(m.loudness.maxMomentaryLufs, 2),
    truePeakDb: round(amplitudeDb(m.truePeak), 2),
    samplePeakDb: round(amplitudeDb(m.samplePeak), 2),
    descriptors,
    tags,
    excerptSec: Math.round(excerptSec * 1000) / 1000,
    warnings: [...source.warnings, ...quality],
  });
  return {
    ...fields,
    peaks: encodePeaks(m.peaks),
    featureVector: featureVector(fields),
    featureVectorVersion: FEATURE_VECTOR_VERSION,
    melPatch: melPatch(x, rate, env),
  };
}
