import type { AudioFormat, EmbeddedMetadata } from '../contract';

/**
 * What a file's header says, without decoding audio: format (from magic bytes, not the
 * extension), stream facts, embedded metadata, and where the audio payload lies.
 */
export interface ParsedStream {
  format: AudioFormat;
  /** e.g. pcm_s16le, pcm_s24le, pcm_s32le, pcm_f32le, pcm_f64le, pcm_u8, pcm_s16be, pcm_s24be, flac, vorbis, opus, mp3 */
  codec: string;
  sampleRate: number;
  channels: number;
  /** Bits per sample for PCM/FLAC; null for lossy codecs. */
  bitDepth: number | null;
  /** Sample frames per channel, when known from the header. */
  frames: number | null;
  /**
   * Frames the header states up front (WAV/AIFF: the data size; FLAC: STREAMINFO), more
   * than `frames` when the file is cut short; null when the header states none (Ogg, MP3).
   */
  declaredFrames: number | null;
  durationSec: number | null;
  /** Byte range of the audio payload (WAV data chunk, AIFF SSND, FLAC frames, OGG pages after headers, MP3 frames). */
  audioOffset: number;
  audioLength: number;
  embedded: EmbeddedMetadata;
  /** Non-fatal findings, e.g. "extension .wav but content is FLAC", "data chunk shorter than declared". */
  warnings: string[];
  /** WAVE_FORMAT_EXTENSIBLE speaker mask (which speaker each channel feeds); 0 when none. */
  channelMask: number;
}

/** Duration from frames and rate (null when either is unknown). */
export function durationOf(frames: number | null, sampleRate: number): number | null {
  return frames === null || sampleRate <= 0 ? null : frames / sampleRate;
}
