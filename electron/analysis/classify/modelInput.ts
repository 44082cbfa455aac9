/**
 * The input of a classifier that reads the log-mel patch: the feature vector followed by
 * the patch. Inference (classifier.ts) and training (models/training/features.ts) both
 * build it here, so that they agree exactly.
 */
export function vectorWithPatch(featureVector: Float32Array, melPatch: Float32Array): Float32Array {
  const x = new Float32Array(featureVector.length + melPatch.length);
  x.set(featureVector);
  x.set(melPatch, featureVector.length);
  return x;
}
