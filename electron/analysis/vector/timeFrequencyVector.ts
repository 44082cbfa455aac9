/**
 * PROPOSED (not yet part of the stored feature vector): the onset-aligned time–frequency
 * block (features/timeFrequency.ts) as 122 fixed transforms into [0, 1], meant to be
 * appended to FEATURE_DIMENSIONS as vector version 2 once a model trained on it beats
 * version 1 (see models/training/README.md, "Experiment: time–frequency block"). The
 * training pipeline can already use it (`--features engine-tf`).
 */
import {
  TF_BANDS,
  TF_DECAY_DB,
  TF_DECAY_GROUPS,
  TF_END_SEC,
  TF_FLOOR_DB,
  TF_WINDOW_EDGES,
  type TimeFrequencyFeatures,
} from '../features/timeFrequency';

export const TIME_FREQUENCY_VECTOR_VERSION = 1;

export interface TimeFrequencyDimension {
  name: string;
  compute(tf: TimeFrequencyFeatures): number;
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
}
/** Frequency on a log axis, 20 Hz → 0, 20 kHz → 1 (as in featureVector.ts). */
function freq(hz: number): number {
  return hz > 0 ? clamp01(Math.log10(hz / 20) / 3) : 0;
}

const WINDOW_NAMES = TF_WINDOW_EDGES.map(
  (from, w) =>
    `${Math.round(from * 1000)}–${Math.round((TF_WINDOW_EDGES[w + 1] ?? TF_END_SEC) * 1000)} ms`,
);
const BANDS = Array.from({ length: TF_BANDS }, (_, b) => b);
const DECAY = Array.from({ length: TF_DECAY_GROUPS * TF_DECAY_DB.length }, (_, i) => i);

export const TIME_FREQUENCY_DIMENSIONS: readonly TimeFrequencyDimension[] = [
  ...WINDOW_NAMES.flatMap((win, w) =>
    BANDS.map((b) => ({
      name: `t–f mel band ${b + 1}/${TF_BANDS}, ${win} after attack start ((dB re loudest cell + 80) / 80)`,
      compute: (tf: TimeFrequencyFeatures): number =>
        clamp01(((tf.melDb[w * TF_BANDS + b] ?? TF_FLOOR_DB) - TF_FLOOR_DB) / -TF_FLOOR_DB),
    })),
  ),
  ...WINDOW_NAMES.map((win, w) => ({
    name: `t–f centroid ${win} (log Hz)`,
    compute: (tf: TimeFrequencyFeatures): number => freq(tf.centroidHz[w] ?? 0),
  })),
  ...WINDOW_NAMES.map((win, w) => ({
    name: `t–f flatness ${win}`,
    compute: (tf: TimeFrequencyFeatures): number => clamp01(tf.flatness[w] ?? 1),
  })),
  ...DECAY.map((i) => ({
    name: `t–f decay of band group ${Math.floor(i / TF_DECAY_DB.length) + 1}/${TF_DECAY_GROUPS} to −${TF_DECAY_DB[i % TF_DECAY_DB.length]} dB (log10 s, 1 ms…3 s)`,
    compute: (tf: TimeFrequencyFeatures): number =>
      clamp01((Math.log10((tf.decaySec[i] ?? 0) + 1e-3) + 3) / 3.5),
  })),
  { name: 'bursts in the first 60 ms (count / 6)', compute: (tf) => clamp01(tf.bursts / 6) },
  {
    name: 'envelope roughness, first 60 ms (dB per ms / 10)',
    compute: (tf) => clamp01(tf.roughness / 10),
  },
  { name: 'low peak 0–93 ms (log Hz)', compute: (tf) => freq(tf.lowPeakHz[0]) },
  { name: 'low peak 93–186 ms (log Hz)', compute: (tf) => freq(tf.lowPeakHz[1]) },
  { name: 'sub share (< 90 Hz) 0–93 ms', compute: (tf) => clamp01(tf.subShare[0]) },
  { name: 'sub share (< 90 Hz) 93–186 ms', compute: (tf) => clamp01(tf.subShare[1]) },
];

export const TIME_FREQUENCY_VECTOR_LENGTH = TIME_FREQUENCY_DIMENSIONS.length;

/** Index of the first dimension whose name starts with `prefix` (throws when none does). */
export function timeFrequencyIndex(prefix: string): number {
  const i = TIME_FREQUENCY_DIMENSIONS.findIndex((d) => d.name.startsWith(prefix));
  if (i < 0) throw new Error(`no time–frequency dimension named '${prefix}…'`);
  return i;
}

/** The block as a vector (length TIME_FREQUENCY_VECTOR_LENGTH, values in [0, 1]). */
export function timeFrequencyVector(tf: TimeFrequencyFeatures): Float32Array {
  const out = new Float32Array(TIME_FREQUENCY_VECTOR_LENGTH);
  TIME_FREQUENCY_DIMENSIONS.forEach((d, i) => {
    out[i] = d.compute(tf);
  });
  return out;
}
