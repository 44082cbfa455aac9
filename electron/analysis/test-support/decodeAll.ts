import { openAudio } from '../decode/openAudio';
import type { AudioSource } from '../decode/types';
import { concatSamples } from './concatSamples';

/** Reads a whole source into planar arrays and closes it (test and dataset files only). */
export async function decodeAll(source: AudioSource): Promise<Float32Array[]> {
  try {
    const parts: Float32Array[][] =
      source.info.channels > 0 ? Array.from({ length: source.info.channels }, () => []) : [];
    for await (const block of source.blocks()) {
      block.channels.forEach((ch, c) => parts[c]?.push(ch.slice(0, block.frames)));
    }
    return parts.map(concatSamples);
  } finally {
    await source.close();
  }
}

/** Opens and reads a whole file: its sample rate and planar channels (test, bench and dataset files only). */
export async function decodeFile(
  path: string,
): Promise<{ sampleRate: number; channels: Float32Array[] }> {
  const source = await openAudio(path);
  const sampleRate = source.info.sampleRate;
  return { sampleRate, channels: await decodeAll(source) };
}
