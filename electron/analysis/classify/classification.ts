import type { ValueSource } from '../../../shared/contract/analysis';
import type { ClassTier, SampleClass } from '../../../shared/taxonomy';

/** What the classifier said about one analysed file (computed in the analysis worker). */
export interface SampleClassification {
  /** The class: the model's top class (or the name's); null only where a check vetoed it. */
  class: SampleClass | null;
  /**
   * How far the class can be trusted: sure / likely / guess (decision.ts) for the audio's
   * class; a class read from a file name is sure, from a folder name likely. Null with no class.
   */
  tier: ClassTier | null;
  /**
   * Where the class comes from: the audio (the classifier), or the file or folder name
   * the audio did not contradict (electron/analysis/hints/resolveClass.ts); null with no class.
   */
  classSource: Extract<ValueSource, 'name' | 'audio'> | null;
  /** Probability of the top candidate; for a class from the name, the name's confidence. */
  confidence: number;
  candidates: Array<{ class: SampleClass; p: number }>;
  /** Loops: their content class (drums, bass, melodic, vocal, fx), any tier; null for one-shots. */
  loopClass: SampleClass | null;
  /** Similarity embedding (the model's penultimate layer), float32. */
  embedding: Float32Array;
  /** Identifies the model that produced the embedding (feature version + model file hash). */
  embeddingVersion: string;
}
