/**
 * What the analysis engine says about one audio file. Crosses to the UI and the CLI
 * (JSON), and is what the library stores. Binary parts (waveform peaks, feature vector)
 * are kept apart from the JSON-friendly fields.
 */
import type { z } from 'zod';
import type { ErrorData } from '../result';
import type { analysisSchemas } from '../schemas/analysis';
import type { ClassTier, DescriptorTag, SampleClass, SampleKind } from '../taxonomy';
import type { AudioFormat } from './library';

/** Where a value came from: the file's own metadata, its name/folder, or the audio itself. */
export type ValueSource = 'embedded' | 'name' | 'audio';

/** How `lufs` was measured (see docs/analysis.md). */
export type LoudnessMethod = 'gated' | 'short' | 'silent';

export interface Descriptors {
  /** 10 % → 90 % rise time of the RMS envelope around the main peak (s). */
  attackSec: number;
  /** Main peak → last time the envelope is within 20 dB of the peak (s). */
  decaySec: number;
  /** Main peak → last time the envelope is within 60 dB of the peak (s): the audible tail. */
  tailSec: number;
  /** First → last time the envelope is within 60 dB of the peak (s). */
  effectiveLengthSec: number;
  /** Energy-weighted mean time of the envelope (s). */
  temporalCentroidSec: number;
  /** RMS of the last 50 ms relative to the envelope peak (dB, ≥ −120). */
  endLevelDb: number;
  /** Envelope level relative to the peak at 5, 10, 20, 40, 80, 160, 320, 640 ms after it (dB, ≥ −120). */
  envelopeDb: number[];
  /** Energy-weighted mean spectral centroid (Hz). */
  spectralCentroidHz: number;
  /** Standard deviation of the centroid over active frames (Hz). */
  spectralCentroidStdHz: number;
  /** Centroid of the first 60 ms from the main peak (Hz): the colour of the attack. */
  centroidEarlyHz: number;
  /** Centroid from 200 ms after the main peak on (Hz; = early when the sound is shorter). */
  centroidLateHz: number;
  /** Mean spectral flatness over active frames (0 tonal … 1 white noise). */
  spectralFlatness: number;
  /** Energy-weighted mean 85 % roll-off frequency (Hz). */
  spectralRolloffHz: number;
  /** Share of the energy below 80 Hz. */
  subRatio: number;
  /** Share of the energy below 250 Hz. */
  lowRatio: number;
  /** Share of the energy 250 Hz – 4 kHz. */
  midRatio: number;
  /** Share of the energy above 4 kHz. */
  highRatio: number;
  /** Share of the energy above 10 kHz. */
  airRatio: number;
  /** MFCC 0–12 means over active frames (orthonormal DCT of natural-log mel energies, 40 bands). */
  mfccMean: number[];
  /** MFCC 0–12 standard deviations over active frames. */
  mfccStd: number[];
  /** Side / (mid + side) energy: 0 mono … 0.5 uncorrelated … 1 anti-phase; null for mono files. */
  stereoWidth: number | null;
  /** Correlation of left and right (−1 … 1); null for mono or silent files. */
  stereoCorrelation: number | null;
  /** Samples at ≥ 0.999 full scale in runs of ≥ 3. */
  clippedSamples: number;
  /** Zero crossings per sample of the mono mix (0 … 1). */
  zeroCrossingRate: number;
  /** Detected onsets per second. */
  onsetRate: number;
  onsetCount: number;
  /** Peak-to-RMS ratio of the whole file (dB). */
  crestFactorDb: number;
  /** Mean sample value (DC offset), −1 … 1. */
  dcOffset: number;
  /** Strength of a stable pitch (0 … 1; YIN periodicity of the sustained part). */
  pitchConfidence: number;
}

/**
 * Warnings meaning the file holds nothing to label (electron/analysis/quality/): it gets
 * no class, tempo, key or root note. 'silent': digital silence, dither, a bare DC offset;
 * 'too-short': a few samples, isolated clicks; 'invalid-samples': NaN or ±Infinity data.
 */
export type QualityWarning = 'silent' | 'too-short' | 'invalid-samples';

/** JSON-friendly analysis fields (what the CLI prints and the browser lists). */
export interface AnalysisFields {
  analyzerVersion: string;
  format: AudioFormat;
  codec: string;
  durationSec: number;
  frames: number;
  sampleRate: number;
  channels: number;
  bitDepth: number | null;
  kind: SampleKind;
  /** 0.5 … 1: how sure the kind decision is. */
  kindConfidence: number;
  /** Tempo of loops (null for one-shots or when no tempo is found). */
  bpm: number | null;
  bpmConfidence: number | null;
  bpmSource: ValueSource | null;
  /** Beats the loop spans at `bpm` (null when not a whole number of beats). */
  beats: number | null;
  /**
   * The other octaves a producer might count the loop at: half and double `bpm`, in
   * that order ([] when there is no tempo).
   */
  bpmAlternates: number[];
  /** "A minor" style; null unless the material is tonal and long enough. */
  key: string | null;
  keyConfidence: number | null;
  keySource: ValueSource | null;
  /** Root of tonal one-shots, e.g. "C#2"; null otherwise. */
  rootNote: string | null;
  rootMidi: number | null;
  /** Deviation of the measured pitch from rootNote, in cents (−50 … 50); null when not measured. */
  rootCents: number | null;
  rootConfidence: number | null;
  rootSource: ValueSource | null;
  /** Integrated loudness (LUFS); null when silent. See `loudnessMethod`. */
  lufs: number | null;
  loudnessMethod: LoudnessMethod;
  /** Loudest 400 ms block (LUFS), or the short-file value; null when silent. */
  maxMomentaryLufs: number | null;
  /** dBTP; null when silent. */
  truePeakDb: number | null;
  /** dBFS; null when silent. */
  samplePeakDb: number | null;
  descriptors: Descriptors;
  /** Tags derived from the descriptors (marked automatic in the library). */
  tags: DescriptorTag[];
  /** Seconds of audio (from the start) that tempo, key, kind and descriptors looked at. */
  excerptSec: number;
  /**
   * Non-fatal findings (truncated data, decoder errors, …), and the QualityWarning codes
   * ('silent', 'too-short', 'invalid-samples') as they are.
   */
  warnings: string[];
}

/** The full result, including the binary parts. */
export interface AnalysisResult extends AnalysisFields {
  /** Waveform peaks in the SMPK binary layout (docs/analysis.md). */
  peaks: Uint8Array;
  /** Feature vector for the classifier and similarity (FEATURE_VECTOR_VERSION layout). */
  featureVector: Float32Array;
  featureVectorVersion: number;
  /**
   * The attack-aligned log-mel patch the classifier reads (MEL_PATCH_VERSION layout,
   * electron/analysis/features/melPatch.ts). Not stored: the library keeps the class and
   * the embedding the classifier derives from it.
   */
  melPatch: Float32Array;
}

/** One line of `samplemind analyze --json`. */
export type AnalyzeLine =
  | ({
      path: string;
      ok: true;
      class: SampleClass | null;
      classConfidence: number | null;
      /** Where the class comes from: the audio, or the file or folder name. */
      classSource: 'audio' | 'name' | null;
      /** How far the class can be trusted (sure / likely / guess); null with no class. */
      classTier: ClassTier | null;
      /** The audio's most probable classes (up to 3, best first), with probabilities. */
      classCandidates: Array<{ class: SampleClass; p: number }>;
    } & AnalysisFields)
  | { path: string; ok: false; error: ErrorData };

/** Background analysis of the library: where it stands (event 'analysis.progress'). */
export interface AnalysisProgress {
  /** idle: nothing to do; running; paused by the user; off: not running in this process (CLI). */
  state: 'idle' | 'running' | 'paused' | 'off';
  /** Samples waiting in the queue. */
  queued: number;
  /** Samples being analysed right now. */
  running: number;
  /** Analysed / failed since the app started. */
  completed: number;
  failed: number;
  /** Files per second over the last few seconds. */
  filesPerSec: number;
  /** Seconds until the queue is empty at the current rate (null when unknown). */
  etaSec: number | null;
  workers: number;
}

export interface AnalysisStatusInfo {
  progress: AnalysisProgress;
  /** The whole library: samples analysed, failed, waiting. */
  library: { done: number; failed: number; queued: number; running: number };
}

type In<K extends keyof typeof analysisSchemas> = z.infer<(typeof analysisSchemas)[K]>;

export interface AnalysisContract {
  'analysis.status': { input: In<'analysis.status'>; output: AnalysisStatusInfo };
  'analysis.pause': { input: In<'analysis.pause'>; output: AnalysisProgress };
  'analysis.resume': { input: In<'analysis.resume'>; output: AnalysisProgress };
  /** The samples the user is looking at jump the queue. */
  'analysis.prioritize': { input: In<'analysis.prioritize'>; output: { queued: number } };
  /** Queue every failed sample again. */
  'analysis.retryFailed': { input: In<'analysis.retryFailed'>; output: { queued: number } };
  /** Analyse samples again (all of them when no ids are given); user tags and edits are kept. */
  'analysis.reanalyze': { input: In<'analysis.reanalyze'>; output: { queued: number } };
  /** Take samples (all when no ids are given) out of the queue; they stay unanalysed. */
  'analysis.cancel': { input: In<'analysis.cancel'>; output: { cancelled: number } };
}

/** Results land in the library as 'library.changed' with reason 'analysis'. */
export interface AnalysisEvents {
  'analysis.progress': AnalysisProgress;
}
