import type { AudioSource } from '../decode/types';

/** Reads a whole source into planar arrays (small test files only). */
export async function decodeAll(source: AudioSource): Promise<Float32Array[]> {
  const parts: Float32Array[][] =
    source.info.channels > 0 ? Array.from({ length: source.info.channels }, () => []) : [];
  for await (const block of source.blocks()) {
    block.channels.forEach((ch, c) => parts[c]?.push(ch.slice(0, block.frames)));
  }
  await source.close();
  return parts.map((list) => {
    const out = new Float32Array(list.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of list) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  });
}
