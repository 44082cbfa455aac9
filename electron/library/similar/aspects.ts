/**
 * Which dimensions of the analysis feature vector (electron/analysis/vector, version 1)
 * describe which aspect of a sound. Loudness-dependent dimensions (integrated loudness,
 * true peak, MFCC 0 = log energy), clipping and DC offset belong to no aspect, so that a
 * gain change does not move a sample in similarity space.
 */
import { SIMILAR_ASPECTS, type SimilarAspect } from '../../../shared/contract/similar';
import { FEATURE_DIMENSIONS, FEATURE_VECTOR_VERSION } from '../../analysis/vector/featureVector';

/** The feature-vector layout these groups were written for. */
export const ASPECTS_FOR_VECTOR_VERSION = 1;

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Feature-vector dimension indices per aspect (vector version 1). */
export const ASPECT_DIMENSIONS: Record<SimilarAspect, readonly number[]> = {
  // spectral shape (centroid … zero crossings), stereo image, MFCC 1–12 means, all MFCC
  // stds, attack and late centroid
  timbre: [...range(7, 16), 21, 22, ...range(28, 39), ...range(40, 52), 61, 62],
  // duration, attack, decay, tail, effective length, temporal centroid, end level, crest
  // factor, the 8-point envelope after the peak
  envelope: [...range(0, 6), 18, ...range(53, 60)],
  // pitch confidence (+ root note from the samples table, see PITCH_EXTRA)
  pitch: [23],
  // onset rate, loop flag, tempo
  rhythm: [17, 24, 63],
};

/** Extra pitch dimensions computed from samples.root_midi: has-root, pitch class (cos, sin), register. */
export const PITCH_EXTRA = 4;

export function pitchExtra(rootMidi: number | null, out: Float32Array, at: number): void {
  if (rootMidi === null || !Number.isFinite(rootMidi)) {
    out.fill(0, at, at + PITCH_EXTRA);
    return;
  }
  const angle = (2 * Math.PI * (((rootMidi % 12) + 12) % 12)) / 12;
  out[at] = 1;
  out[at + 1] = Math.cos(angle);
  out[at + 2] = Math.sin(angle);
  out[at + 3] = Math.max(-1, Math.min(1, (rootMidi - 48) / 36));
}

/** Width of each aspect's raw block (feature dims + extras). */
export function aspectWidth(aspect: SimilarAspect): number {
  return ASPECT_DIMENSIONS[aspect].length + (aspect === 'pitch' ? PITCH_EXTRA : 0);
}

/**
 * Copies the aspect dimensions of a feature vector into `out` in aspect order
 * (timbre | envelope | pitch + extras | rhythm); returns the number written.
 */
export function aspectBlocks(
  vector: ArrayLike<number>,
  rootMidi: number | null,
  out: Float32Array,
  at = 0,
): number {
  let w = at;
  for (const aspect of SIMILAR_ASPECTS) {
    for (const d of ASPECT_DIMENSIONS[aspect]) out[w++] = vector[d] ?? 0;
    if (aspect === 'pitch') {
      pitchExtra(rootMidi, out, w);
      w += PITCH_EXTRA;
    }
  }
  return w - at;
}

export const ASPECT_TOTAL_WIDTH = SIMILAR_ASPECTS.reduce((n, a) => n + aspectWidth(a), 0);

/** True when the running analysis engine writes the layout these groups expect. */
export function layoutMatches(): boolean {
  return (
    FEATURE_VECTOR_VERSION === ASPECTS_FOR_VECTOR_VERSION &&
    FEATURE_DIMENSIONS[23]!.name.startsWith('pitch confidence') &&
    FEATURE_DIMENSIONS[17]!.name.startsWith('onset rate') &&
    FEATURE_DIMENSIONS[63]!.name.startsWith('tempo')
  );
}
