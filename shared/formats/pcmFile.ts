import { bufferSource } from './byteSource';
import { unsupported } from './errors';
import { parseStream } from './parseStream';
import { decodePcm, pcmEncodingOf } from './pcm';

/** A whole file's audio as planar floats. */
export interface DecodedPcm {
  sampleRate: number;
  channels: Float32Array[];
}

/**
 * Decodes a whole WAV or AIFF file held in memory to planar floats: the renderer plays
 * AIFF this way, since Chromium's decodeAudioData does not read it. The header is read by
 * the same parser as import and analysis; a cut-off file gives the frames that are there.
 * Throws AppError (NOT_AUDIO, TRUNCATED_FILE, CORRUPT_FILE, UNSUPPORTED_FORMAT).
 */
export function decodePcmFile(bytes: Uint8Array): DecodedPcm {
  const stream = parseStream(bufferSource(bytes));
  if (stream.format !== 'wav' && stream.format !== 'aiff') {
    throw unsupported(`${stream.format} is compressed, not PCM`);
  }
  const encoding = pcmEncodingOf(stream.codec);
  const blockAlign = encoding.bytesPerSample * stream.channels;
  const frames = stream.frames ?? Math.floor(stream.audioLength / blockAlign);
  const channels = Array.from({ length: stream.channels }, () => new Float32Array(frames));
  const data = bytes.subarray(stream.audioOffset, stream.audioOffset + frames * blockAlign);
  decodePcm(data, encoding, stream.channels, frames, channels);
  return { sampleRate: stream.sampleRate, channels };
}
