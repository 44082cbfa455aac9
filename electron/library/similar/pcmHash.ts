/**
 * A fingerprint of decoded audio: the same PCM in a WAV and a FLAC (or an AIFF) hashes
 * alike, whatever the container, tags or file name. Used to confirm exact duplicates
 * across containers among candidates the near-duplicate pass found (decoding every file
 * of a library just to hash it would be far too slow).
 */
import { createHash } from 'node:crypto';
import { openAudio } from '../../analysis/decode/openAudio';

/** sha1 of rate, channel count and the samples rounded to the file's bit depth; null for lossy files. */
export async function pcmHash(path: string): Promise<string | null> {
  const source = await openAudio(path);
  try {
    const { sampleRate, channels, bitDepth } = source.info;
    if (bitDepth === null) return null;
    const full = 2 ** (Math.min(bitDepth, 24) - 1);
    // Decoders differ in how they map integers to floats (÷ 2^(b−1) or ÷ (2^(b−1) − 1)):
    // find which one this file's decoder used, so the integers come back exactly.
    let scale = 0;
    const hash = createHash('sha1');
    hash.update(`pcm-v1/${sampleRate}/${channels}/`);
    let buf = new Int32Array(0);
    for await (const block of source.blocks()) {
      if (scale === 0) scale = integerScale(block.channels, full);
      const n = block.frames * channels;
      if (buf.length < n) buf = new Int32Array(n);
      for (let c = 0; c < channels; c++) {
        const ch = block.channels[c]!;
        for (let f = 0; f < block.frames; f++) buf[f * channels + c] = Math.round(ch[f]! * scale);
      }
      hash.update(new Uint8Array(buf.buffer, 0, n * 4));
      // This runs on the main thread and file reads are synchronous: let other work in between blocks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return hash.digest('hex');
  } finally {
    await source.close();
  }
}

/** The scale at which the block's samples are integers: 2^(b−1), or 2^(b−1) − 1 (e.g. the FLAC decoder). */
export function integerScale(channels: readonly Float32Array[], full: number): number {
  let seen = 0;
  let fullOk = true;
  for (const ch of channels) {
    for (let i = 0; i < ch.length && seen < 256; i++) {
      const x = ch[i]!;
      if (x === 0) continue;
      seen++;
      const v = x * full;
      if (Math.abs(v - Math.round(v)) > 1e-3) fullOk = false;
    }
  }
  return fullOk ? full : full - 1;
}
