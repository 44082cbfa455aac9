import type { ParsedStream } from './stream';

/**
 * What decoding needs from a file's header: small, plain data, so the import probe can
 * store it with the sample and the analysis worker can decode without parsing the header
 * again.
 */
export type HeaderFacts = Pick<
  ParsedStream,
  | 'format'
  | 'codec'
  | 'sampleRate'
  | 'channels'
  | 'bitDepth'
  | 'frames'
  | 'declaredFrames'
  | 'audioOffset'
  | 'audioLength'
  | 'channelMask'
>;

/** Header facts of a file as it was when they were read: stale once its size or mtime differ. */
export interface KnownHeader {
  size: number;
  /** The file's mtime then; compared in whole milliseconds (the library stores it so). */
  mtimeMs: number;
  facts: HeaderFacts;
}

/** The header facts of a parsed stream (the metadata and warnings left out). */
export function headerFactsOf(stream: ParsedStream): HeaderFacts {
  return {
    format: stream.format,
    codec: stream.codec,
    sampleRate: stream.sampleRate,
    channels: stream.channels,
    bitDepth: stream.bitDepth,
    frames: stream.frames,
    declaredFrames: stream.declaredFrames,
    audioOffset: stream.audioOffset,
    audioLength: stream.audioLength,
    channelMask: stream.channelMask,
  };
}

/** True when the facts were read from the file as it is now (same size, same mtime to the millisecond). */
export function isFresh(known: KnownHeader, size: number, mtimeMs: number): boolean {
  return known.size === size && Math.floor(known.mtimeMs) === Math.floor(mtimeMs);
}
