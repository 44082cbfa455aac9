/**
 * Instrument classes and the tag vocabulary. Names are part of the public contract
 * (CLI JSON, database values, model outputs): do not rename them.
 */

/** The drum classes: the first one-shot classes. */
const DRUMS = ['kick', 'snare', 'clap', 'hihat', 'cymbal', 'tom', 'percussion'] as const;

export const ONE_SHOT_CLASSES = [
  ...DRUMS,
  'bass',
  'keys',
  'synth',
  'pad',
  'strings',
  'guitar',
  'brass',
  'woodwind',
  'vocal',
  'fx',
] as const;
export type OneShotClass = (typeof ONE_SHOT_CLASSES)[number];

export const LOOP_CLASSES = ['drums', 'bass', 'melodic', 'vocal', 'fx'] as const;
export type LoopClass = (typeof LOOP_CLASSES)[number];

export type SampleClass = OneShotClass | LoopClass;

export const ALL_CLASSES: readonly SampleClass[] = [
  ...ONE_SHOT_CLASSES,
  ...LOOP_CLASSES.filter((c) => !(ONE_SHOT_CLASSES as readonly string[]).includes(c)),
];

export const DRUM_CLASSES: readonly OneShotClass[] = DRUMS;

/** Tonal classes: these get a root note (one-shots) or a key (loops). */
export const TONAL_CLASSES: readonly SampleClass[] = [
  ...ONE_SHOT_CLASSES.filter((c) => !DRUM_CLASSES.includes(c) && c !== 'fx'),
  'melodic',
];

/**
 * How far a class given by the audio can be trusted (electron/analysis/classify/decision.ts):
 * `sure` and `likely` are what search filters take by default, a `guess` is the model's
 * best candidate below its class's likely threshold (shown dimmed, searchable on request).
 */
export const CLASS_TIERS = ['sure', 'likely', 'guess'] as const;
export type ClassTier = (typeof CLASS_TIERS)[number];

/**
 * Whether a class counts in default filters and against a name's class: sure, likely, or
 * a class without a tier (read from a name, or stored before tiers existed).
 */
export function isTrustedTier(tier: ClassTier | null | undefined): boolean {
  return tier !== 'guess';
}

export const SAMPLE_KINDS = ['one-shot', 'loop'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

export function isSampleClass(value: string): value is SampleClass {
  return (ALL_CLASSES as readonly string[]).includes(value);
}

/** Tags derived from descriptors by the analysis engine (marked automatic in the library). */
export const DESCRIPTOR_TAGS = [
  'bright',
  'dark',
  'punchy',
  'soft',
  'long-tail',
  'short',
  'noisy',
  'tonal',
  'wide',
  'mono',
  'clipped',
  'sub',
  'airy',
  'distorted',
  /** Steady noise: hiss, white / pink noise (electron/analysis/quality/steadyNoise.ts). */
  'noise',
  /** A single cycle or a few cycles of a periodic waveform (a wavetable / oscillator shape). */
  'single-cycle',
] as const;
export type DescriptorTag = (typeof DESCRIPTOR_TAGS)[number];
