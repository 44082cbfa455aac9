/**
 * Native FLAC, decoded in TypeScript: frames are read straight from the file's bytes into
 * reused planar float blocks (no wasm instance per file, no copies, no per-frame garbage).
 * A damaged frame is skipped with a warning and the decoder looks for the next frame
 * (gaps stay gaps, as with the other decoders); a file without one decodable frame is
 * CORRUPT_FILE (TRUNCATED_FILE when it holds hardly more than its headers).
 */
import { AppError } from '../../../../shared/result';
import { flacLayout } from '../channelLayout';
import type { AudioBlock, AudioBytes, AudioSource } from '../types';
import { BadFrame, FlacFrameDecoder, OutOfData } from './frameDecoder';
import {
  isFrameSync,
  parseFrameHeader,
  type FlacDefaults,
  type FlacFrameHeader,
} from './frameHeader';

/** Bytes read from the file at a time (files up to 4 MB are in memory already). */
const READ_BYTES = 1 << 20;
/** Frames per yielded block (a block holds whole FLAC frames; a bigger frame gets its own). */
const BLOCK_FRAMES = 32768;
const MAX_WARNINGS = 5;

export interface FlacStreamFacts extends FlacDefaults {
  bitDepth: number;
  totalFrames: number | null;
  /** File offset of the first frame (after 'fLaC' and the metadata blocks). */
  firstFrame: number;
}

/** A window over the file's bytes that grows on demand. */
class ByteWindow {
  bytes: Uint8Array = new Uint8Array(0);
  /** File offset of bytes[0]. */
  base = 0;
  end = 0;
  private eof = false;

  constructor(private readonly source: AudioBytes) {}

  get atEof(): boolean {
    return this.eof;
  }

  /** Keeps bytes from file offset `keepFrom` on and appends the next read. False at the end of the file. */
  more(keepFrom: number): boolean {
    const fileEnd = this.base + this.end;
    if (fileEnd >= this.source.size) {
      this.eof = true;
      return false;
    }
    const chunk = this.source.read(fileEnd, READ_BYTES);
    if (chunk.length === 0) {
      this.eof = true;
      return false;
    }
    const keep = this.bytes.subarray(keepFrom - this.base, this.end);
    if (keep.length === 0 && this.bytes.length === 0) {
      // A plain Uint8Array view, not the file's Buffer: the decoder's loops then see one
      // array type only (a Buffer here made their byte loads polymorphic).
      this.bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
      this.end = chunk.length;
    } else {
      const next = new Uint8Array(keep.length + chunk.length);
      next.set(keep);
      next.set(chunk, keep.length);
      this.bytes = next;
      this.end = next.length;
    }
    this.base = keepFrom;
    return true;
  }
}

/**
 * Opens a native FLAC stream whose first frame is at `firstFrame`. Decodes the first frame
 * now (rate and channels come from it; undecodable files fail here).
 */
export function flacSource(bytes: AudioBytes, facts: FlacStreamFacts): AudioSource {
  const { firstFrame } = facts;
  const warnings: string[] = [];
  let errors = 0;
  /** After a damaged frame the search for the next one is not a second problem. */
  let resyncing = false;
  const problem = (message: string): void => {
    errors++;
    if (errors <= MAX_WARNINGS) warnings.push(`decoder: ${message}`);
  };
  const win = new ByteWindow(bytes);
  win.base = firstFrame;
  const decoder = new FlacFrameDecoder();
  let pos = firstFrame;
  let channels = 0;
  let sampleRate = 0;
  let out: Float32Array[] = [];
  let filled = 0;
  let ended = false;
  const expected = facts.totalFrames ?? BLOCK_FRAMES;

  /** Room for `need` frames in the output block, keeping what it holds. */
  const ensureOut = (need: number): void => {
    const have = out[0]?.length ?? 0;
    if (have >= need) return;
    const size = Math.max(need, Math.min(BLOCK_FRAMES, expected) + 4608, 2 * have);
    out = Array.from({ length: channels }, (_, c) => {
      const a = new Float32Array(size);
      if (filled > 0) a.set((out[c] as Float32Array).subarray(0, filled));
      return a;
    });
  };

  const decodeAt = (h: FlacFrameHeader, at: number): number => {
    ensureOut(filled + h.blockSize);
    for (;;) {
      try {
        const next = decoder.decode(win.bytes, at, win.end, h, out, filled);
        pos = win.base + next;
        resyncing = false;
        return h.blockSize;
      } catch (error) {
        if (error instanceof OutOfData) {
          if (win.more(pos)) {
            at = pos - win.base;
            continue;
          }
          problem(`the last frame is truncated (byte ${pos})`);
          ended = true;
          return 0;
        }
        if (error instanceof BadFrame) {
          problem(`${error.message} (frame at byte ${pos})`);
          resyncing = true;
          pos += 1;
          return 0;
        }
        throw error;
      }
    }
  };

  /**
   * Decodes the next frame at or after `pos` into out[·][filled …]. Returns its frames,
   * or 0 for a skipped frame; sets `ended` at the end of the stream.
   */
  const nextFrame = (): number => {
    for (;;) {
      const at = pos - win.base;
      if (at + 2 > win.end) {
        if (!win.more(pos)) {
          ended = true;
          return 0;
        }
        continue;
      }
      if (!isFrameSync(win.bytes, at)) {
        // Lost sync: look for the next sync code.
        let k = at + 1;
        while (k + 1 < win.end && !isFrameSync(win.bytes, k)) k++;
        if (channels > 0 && !resyncing) problem(`lost sync at byte ${pos}`);
        resyncing = true;
        pos = win.base + k;
        continue;
      }
      const h = parseFrameHeader(win.bytes, at, win.end, facts);
      if (h === 'more') {
        if (!win.more(pos)) {
          ended = true;
          return 0;
        }
        continue;
      }
      if (h === null) {
        pos += 1;
        continue;
      }
      if (channels === 0) {
        channels = h.channels;
        sampleRate = h.sampleRate;
      }
      if (h.sampleRate !== sampleRate) {
        warnings.push(
          `sample rate changes mid-stream (${sampleRate} → ${h.sampleRate}); rest ignored`,
        );
        ended = true;
        return 0;
      }
      if (h.channels !== channels) {
        problem(`frame at byte ${pos} has ${h.channels} channels, not ${channels}`);
        resyncing = true;
        pos += 1;
        return 0;
      }
      return decodeAt(h, at);
    }
  };

  // Prime: decode until the first frame that decodes.
  try {
    while (filled === 0 && !ended) filled += nextFrame();
  } catch (error) {
    bytes.close();
    throw error;
  }
  if (filled === 0) {
    bytes.close();
    if (errors > 0 || bytes.size > 8192)
      throw new AppError(
        'CORRUPT_FILE',
        `no decodable flac audio (${warnings[0] ?? 'no valid frames'})`,
      );
    throw new AppError('TRUNCATED_FILE', `no flac audio frames in the file (${bytes.size} bytes)`);
  }

  return {
    info: {
      format: 'flac',
      codec: 'flac',
      sampleRate,
      channels,
      bitDepth: facts.bitDepth,
      declaredFrames: facts.totalFrames,
      layout: flacLayout(channels),
    },
    warnings,
    async *blocks(): AsyncGenerator<AudioBlock> {
      const block = (): AudioBlock => ({
        frames: filled,
        channels: out.map((c) => (c.length === filled ? c : c.subarray(0, filled))),
      });
      while (!ended) {
        if (filled >= BLOCK_FRAMES) {
          yield block();
          filled = 0;
        }
        filled += nextFrame();
      }
      if (filled > 0) yield block();
      filled = 0;
      if (errors > MAX_WARNINGS) warnings.push(`decoder: ${errors - MAX_WARNINGS} more errors`);
    },
    close: () => {
      bytes.close();
      return Promise.resolve();
    },
  };
}
