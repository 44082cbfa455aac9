import type { AudioBlock } from '../decode/types';

/**
 * Replaces NaN and ±Infinity samples of a decoded block with 0 (in place) and returns how
 * many there were. Float WAV/AIFF files can hold them; left in, one NaN poisons every
 * meter (loudness, peaks, descriptors) and the classifier then labels noise.
 */
export function scrubNonFinite(block: AudioBlock): number {
  let bad = 0;
  for (const ch of block.channels) {
    const n = Math.min(ch.length, block.frames);
    for (let i = 0; i < n; i++) {
      const v = ch[i] as number;
      // v − v is 0 for every finite number and NaN for NaN and ±Infinity.
      if (v - v !== 0) {
        ch[i] = 0;
        bad++;
      }
    }
  }
  return bad;
}
