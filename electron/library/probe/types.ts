import type { ParsedStream } from '../../../shared/formats/stream';

/**
 * What the index phase learns from a file's header, without decoding audio: the parsed
 * stream (shared/formats) and a fingerprint of its audio payload.
 */
export interface ProbeResult extends ParsedStream {
  /** Fingerprint of the audio payload (not the metadata): survives renames, moves and re-tagging. */
  contentHash: string;
}
