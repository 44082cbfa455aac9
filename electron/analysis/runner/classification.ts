import type { SampleClass } from '../../../shared/taxonomy';

/** What the classifier said about one analysed file (computed in the analysis worker). */
export interface SampleClassification {
  /** The class, or null when the model is not confident enough (candidates still given). */
  class: SampleClass | null;
  /** Probability of the top candidate. */
  confidence: number;
  candidates: Array<{ class: SampleClass; p: number }>;
  /** Loops: their content class (drums, bass, melodic, vocal, fx), null when unsure or not a loop. */
  loopClass: SampleClass | null;
  /** Similarity embedding (the model's penultimate layer), float32. */
  embedding: Float32Array;
  /** Identifies the model that produced the embedding (feature version + model file hash). */
  embeddingVersion: string;
}
