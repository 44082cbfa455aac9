/**
 * The proposed time–frequency block (electron/analysis/vector/timeFrequencyVector.ts) of a
 * file, computed from exactly the inputs `analyzeFile` would give it: the mono excerpt at
 * the analysis rate (ExcerptCollector) and its envelope.
 */
import { openAudio } from '../../electron/analysis/decode/openAudio';
import { envelopeFeatures } from '../../electron/analysis/features/envelope';
import { timeFrequencyFeatures } from '../../electron/analysis/features/timeFrequency';
import { EXCERPT_SECONDS, ExcerptCollector } from '../../electron/analysis/stream/excerptCollector';
import { timeFrequencyVector } from '../../electron/analysis/vector/timeFrequencyVector';

export async function timeFrequencyOfFile(path: string): Promise<Float32Array> {
  const source = await openAudio(path);
  try {
    const { sampleRate, channels, declaredFrames } = source.info;
    const excerpt = new ExcerptCollector(sampleRate, channels, EXCERPT_SECONDS, declaredFrames);
    for await (const block of source.blocks()) if (block.frames > 0) excerpt.push(block);
    const x = excerpt.result();
    const rate = excerpt.analysisRate;
    return timeFrequencyVector(timeFrequencyFeatures(x, rate, envelopeFeatures(x, rate)));
  } finally {
    await source.close();
  }
}
