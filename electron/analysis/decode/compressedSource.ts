import { AppError } from '../../../shared/result';
import type { AudioFormat } from '../../../shared/contract/library';
import { flacLayout, vorbisLayout, defaultLayout } from './channelLayout';
import {
  acquireDecoder,
  releaseDecoder,
  type DecodedChunk,
  type StreamDecoder,
  type WasmCodec,
} from './wasmDecoders';
import type { AudioBlock, AudioSource, AudioBytes, Speaker } from './types';

export interface CompressedOptions {
  format: AudioFormat;
  codec: WasmCodec;
  /** Codec name reported in AudioInfo (e.g. 'flac', 'vorbis', 'mp3'). */
  codecName: string;
  bitDepth: number | null;
  declaredFrames: number | null;
  /** Channels the stream really has when the decoder pads (MP3 output is always stereo). */
  channelsHint?: number;
  /** Bytes read per decode call. */
  chunkBytes?: number;
}

function layoutFor(codec: WasmCodec, channels: number): Speaker[] {
  if (codec === 'flac') return flacLayout(channels);
  if (codec === 'vorbis') return vorbisLayout(channels);
  return defaultLayout(channels);
}

/**
 * Streams a compressed file through a wasm decoder. The first chunk(s) are decoded on
 * open so that `info` (rate, channels) is known and undecodable files fail early with
 * CORRUPT_FILE. Decoder errors in the middle become warnings; gaps stay gaps.
 */
export async function compressedSource(
  bytes: AudioBytes,
  opts: CompressedOptions,
): Promise<AudioSource> {
  const chunkBytes = opts.chunkBytes ?? (opts.codec === 'flac' ? 256 * 1024 : 64 * 1024);
  const decoder: StreamDecoder = await acquireDecoder(opts.codec);
  let healthy = true;
  let released = false;
  let flushed = false;
  const warnings: string[] = [];
  let errorCount = 0;
  let offset = 0;
  let ended = false;

  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    await releaseDecoder(opts.codec, decoder, healthy, flushed);
  };

  const note = (chunk: DecodedChunk): void => {
    for (const e of chunk.errors) {
      errorCount++;
      if (errorCount <= 5) warnings.push(`decoder: ${e.message}`);
    }
  };

  const next = async (): Promise<DecodedChunk | null> => {
    if (ended) return null;
    try {
      if (offset >= bytes.size) {
        ended = true;
        if (!decoder.flush) return null;
        const tail = await decoder.flush();
        flushed = true;
        return tail;
      }
      const data = bytes.read(offset, chunkBytes);
      offset += data.length;
      if (data.length === 0) {
        ended = true;
        return null;
      }
      // Decoders keep a view of their input; hand them a copy they own.
      return await decoder.decode(data.slice());
    } catch (error) {
      healthy = false;
      ended = true;
      throw new AppError(
        'CORRUPT_FILE',
        `${opts.codecName} decoder failed: ${(error as Error).message}`,
      );
    }
  };

  // Prime: decode until the first audio appears.
  const primed: DecodedChunk[] = [];
  let first: DecodedChunk | null = null;
  try {
    while (!first) {
      const chunk = await next();
      if (chunk === null) break;
      note(chunk);
      if (chunk.samplesDecoded > 0) first = chunk;
    }
  } catch (error) {
    await release();
    bytes.close();
    throw error;
  }
  if (!first) {
    await release();
    bytes.close();
    // Plenty of bytes but nothing decodable is corruption; a stub of headers is truncation.
    if (errorCount > 0 || bytes.size > 8192) {
      throw new AppError(
        'CORRUPT_FILE',
        `no decodable ${opts.codecName} audio (${warnings[0] ?? 'no valid frames'})`,
      );
    }
    throw new AppError(
      'TRUNCATED_FILE',
      `no ${opts.codecName} audio frames in the file (${bytes.size} bytes)`,
    );
  }
  primed.push(first);
  const decodedChannels = first.channelData.length;
  const channels = Math.min(decodedChannels, opts.channelsHint ?? decodedChannels);
  const sampleRate = first.sampleRate;

  const toBlock = (chunk: DecodedChunk): AudioBlock => {
    const frames = chunk.samplesDecoded;
    const out: Float32Array[] = [];
    for (let c = 0; c < channels; c++) {
      const data = chunk.channelData[c];
      out.push(data ? data.subarray(0, frames) : new Float32Array(frames));
    }
    return { channels: out, frames };
  };

  return {
    info: {
      format: opts.format,
      codec: opts.codecName,
      sampleRate,
      channels,
      bitDepth: opts.bitDepth,
      declaredFrames: opts.declaredFrames,
      layout: layoutFor(opts.codec, channels),
    },
    warnings,
    async *blocks(): AsyncGenerator<AudioBlock> {
      try {
        for (const chunk of primed.splice(0)) yield toBlock(chunk);
        for (;;) {
          const chunk = await next();
          if (chunk === null) break;
          note(chunk);
          if (chunk.sampleRate !== sampleRate && chunk.samplesDecoded > 0) {
            warnings.push(
              `sample rate changes mid-stream (${sampleRate} → ${chunk.sampleRate}); rest ignored`,
            );
            break;
          }
          if (chunk.samplesDecoded > 0) yield toBlock(chunk);
        }
        if (errorCount > 5) warnings.push(`decoder: ${errorCount - 5} more errors`);
      } finally {
        await release();
      }
    },
    async close(): Promise<void> {
      await release();
      bytes.close();
    },
  };
}
