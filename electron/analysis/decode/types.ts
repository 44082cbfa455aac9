import type { AudioFormat } from '../../../shared/contract/library';
import type { ByteSource } from '../../../shared/formats/byteSource';

/** Loudspeaker positions, as in WAVE_FORMAT_EXTENSIBLE channel masks (BS.1770 weights depend on them). */
export type Speaker =
  'FL' | 'FR' | 'FC' | 'LFE' | 'BL' | 'BR' | 'FLC' | 'FRC' | 'BC' | 'SL' | 'SR' | 'TC' | 'OTHER';

export interface AudioInfo {
  format: AudioFormat;
  /** e.g. pcm_s16le, pcm_f32be, flac, vorbis, mp3 */
  codec: string;
  sampleRate: number;
  channels: number;
  /** Bits per sample for PCM/FLAC; null for lossy codecs. */
  bitDepth: number | null;
  /** Frames per channel the header declares (null when unknown, e.g. MP3 without Xing). */
  declaredFrames: number | null;
  /** Speaker of each channel, in channel order. */
  layout: Speaker[];
}

/** A block of decoded audio: one Float32Array per channel, all of `frames` length. */
export interface AudioBlock {
  channels: Float32Array[];
  frames: number;
}

/**
 * An opened audio file. `blocks()` yields decoded audio in order, block by block, so a
 * file of any length is analysed in bounded memory. Blocks may be reused after the
 * consumer's loop body returns: copy what you keep. Call `close()` when done (also after
 * a partial read); it is safe to call twice.
 */
export interface AudioSource {
  readonly info: AudioInfo;
  blocks(): AsyncIterable<AudioBlock>;
  /** Non-fatal problems found while reading (truncation, decoder errors, odd headers). */
  readonly warnings: string[];
  close(): Promise<void>;
}

/** The bytes of an opened file (or of a buffer, in tests) that decoding reads; `close` releases them. */
export interface AudioBytes extends ByteSource {
  close(): void;
}
