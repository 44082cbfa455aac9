/** Decodes a whole file with the app's own decoder into one Float32Array per channel (dataset tools only). */
import { openAudio } from '../../electron/analysis/decode/openAudio';

/** The blocks of one channel joined into one array. */
export function concatChunks(list: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(list.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of list) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function decodeAllChannels(
  path: string,
): Promise<{ channels: Float32Array[]; sampleRate: number }> {
  const src = await openAudio(path);
  try {
    const parts: Float32Array[][] = Array.from({ length: src.info.channels }, () => []);
    for await (const b of src.blocks())
      b.channels.forEach((c, i) => parts[i]?.push(c.slice(0, b.frames)));
    return { channels: parts.map(concatChunks), sampleRate: src.info.sampleRate };
  } finally {
    await src.close();
  }
}
