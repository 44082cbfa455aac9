import type { ValueSource } from '../../../shared/contract/analysis';
import type { SampleClass } from '../../../shared/taxonomy';

/** What the classifier said about one analysed file (computed in the analysis worker). */
export interface SampleClassification {
  /** The class, or null when the model is not confident enough (candidates still given). */
  class: SampleClass | null;
  /**
   * Where the class comes from: the audio (the classifier), or the file or folder name
   * the audio did not contradict (electron/analysis/hints/resolveClass.ts); null with no class.
   */
  classSource: Extract<ValueSource, 'name' | 'audio'> | null;
  /** Probability of the top candidate; for a class from the name, the name's confidence. */
  confidence: number;
  candidates: Array<{ class: SampleClass; p: number }>;
  /** Loops: their content class (drums, bass, melodic, vocal, fx), null when unsure or not a loop. */
  loopClass: SampleClass | null;
  /** Similarity embedding (the model's penultimate layer), float32. */
  embedding: Float32Array;
  /** Identifies the model that produced the embedding (feature version + model file hash). */
  embeddingVersion: string;
}
