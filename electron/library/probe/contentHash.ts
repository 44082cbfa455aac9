import { createHash } from 'node:crypto';
import { readInto } from '../../formats/fileBytes';

/**
 * Fast fingerprint of a file's AUDIO PAYLOAD (not its header or tags), computed at index
 * time for relinking moved/renamed/re-tagged files and for finding exact duplicates.
 *
 * sha1 over: a version prefix, an optional stream tag (e.g. "pcm_s16le/44100/2", so the
 * same bytes declared at another rate do not collide), the payload length, and the
 * payload itself when it is at most 48 KiB, else three 16 KiB blocks at its start, middle
 * and end. Blocks that lie inside the already-read head buffer are not read again.
 *
 * It is a fingerprint, not a proof of identity: two payloads that differ only outside the
 * sampled blocks hash alike (rare for real audio, whose length must match too). A hash of
 * decoded PCM, which also matches the same audio across containers (WAV vs FLAC), belongs
 * to the analysis engine, not here.
 */

const BLOCK = 16_384;
const WHOLE_LIMIT = 3 * BLOCK;
const VERSION = 'sm-audio-v1';

export interface ContentHashOptions {
  /** Bytes [0, head.length) of the file, already read. */
  head?: Buffer;
  /** Stream facts mixed into the hash (codec, rate, channels). */
  streamTag?: string;
}

let scratch: Buffer | null = null;

export function contentHash(
  fd: number,
  audioOffset: number,
  audioLength: number,
  options: ContentHashOptions = {},
): string {
  const hash = createHash('sha1');
  hash.update(`${VERSION}\n${options.streamTag ?? ''}\n${audioLength}\n`);
  const length = Math.max(0, audioLength);
  if (length <= WHOLE_LIMIT) {
    hash.update(bytesAt(fd, audioOffset, length, options.head));
  } else {
    const middle = audioOffset + Math.floor((length - BLOCK) / 2);
    for (const at of [audioOffset, middle, audioOffset + length - BLOCK]) {
      hash.update(bytesAt(fd, at, BLOCK, options.head));
    }
  }
  return hash.digest('hex');
}

/** The bytes [offset, offset + length), from the head when it holds them, else read. */
function bytesAt(fd: number, offset: number, length: number, head: Buffer | undefined): Buffer {
  if (head !== undefined && offset + length <= head.length)
    return head.subarray(offset, offset + length);
  if (scratch === null || scratch.length < length)
    scratch = Buffer.allocUnsafe(Math.max(length, WHOLE_LIMIT));
  const got = readInto(fd, scratch, length, offset);
  return scratch.subarray(0, got);
}
