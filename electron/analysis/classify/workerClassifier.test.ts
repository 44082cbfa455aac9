import { afterEach, describe, expect, it } from 'vitest';
import { analyzeFile } from '../analyzeFile';
import { KICK } from '../test-support/audioFolder';
import { classifyResult, forgetClassifier, workerClassifier } from './workerClassifier';

afterEach(() => forgetClassifier());

describe('the classifier in the analysis worker', () => {
  it('classifies a real kick and gives a float32 embedding tagged with the model version', async () => {
    const result = await analyzeFile(KICK);
    const c = await classifyResult(result);
    expect(c).not.toBeNull();
    expect(c!.class).toBe('kick');
    expect(c!.confidence).toBeGreaterThan(0.5);
    expect(c!.loopClass).toBeNull();
    expect(c!.candidates[0]?.class).toBe('kick');
    expect(c!.embedding).toBeInstanceOf(Float32Array);
    expect(c!.embedding.length).toBe(64);
    expect(c!.embeddingVersion).toMatch(/^engine-v\d+(@[\d.]+)?(\+[\w-]+)*\/[0-9a-f]{12}$/);
    // The model is loaded once.
    expect(await workerClassifier()).toBe(await workerClassifier());
  }, 60_000);

  it('gives null (no class) when there is no model, or the vector does not fit it', async () => {
    const result = await analyzeFile(KICK);
    expect(await classifyResult(result, '/nonexistent/models')).toBeNull();
    forgetClassifier();
    expect(await classifyResult({ ...result, featureVectorVersion: 999 })).toBeNull();
  }, 60_000);
});
