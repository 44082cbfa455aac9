// The decoder packages (each embeds its wasm) load on first use: most files are PCM or
// native FLAC, which need none of them.

export type WasmCodec = 'flac' | 'vorbis' | 'mp3';

export interface DecodedChunk {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: Array<{ message: string }>;
}

/** The common shape of the three wasm decoders (MP3's decode is synchronous). */
export interface StreamDecoder {
  decode(data: Uint8Array): Promise<DecodedChunk> | DecodedChunk;
  flush?: () => Promise<DecodedChunk>;
  reset(): Promise<void>;
  free(): void;
}

const idle = new Map<WasmCodec, StreamDecoder>();

async function create(codec: WasmCodec): Promise<StreamDecoder> {
  switch (codec) {
    case 'flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      const d = new FLACDecoder();
      await d.ready;
      return d;
    }
    case 'vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      const d = new OggVorbisDecoder();
      await d.ready;
      return d;
    }
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      const d = new MPEGDecoder();
      await d.ready;
      return d;
    }
  }
}

/**
 * Takes a ready decoder for `codec`: the thread's cached one (compiling wasm once per
 * thread, not per file) or a new one. Give it back with `releaseDecoder`.
 */
export async function acquireDecoder(codec: WasmCodec): Promise<StreamDecoder> {
  const cached = idle.get(codec);
  if (cached) {
    idle.delete(codec);
    return cached;
  }
  return create(codec);
}

/**
 * Returns a decoder to the cache after resetting it; a decoder that failed is freed instead.
 * `flushed`: the decoder's flush() completed, which already resets the FLAC and Vorbis
 * decoders (re-instantiating their wasm), so a second reset is skipped.
 */
export async function releaseDecoder(
  codec: WasmCodec,
  decoder: StreamDecoder,
  healthy: boolean,
  flushed = false,
): Promise<void> {
  if (healthy && !idle.has(codec)) {
    try {
      if (!(flushed && decoder.flush)) await decoder.reset();
      idle.set(codec, decoder);
      return;
    } catch {
      // fall through: free it
    }
  }
  try {
    decoder.free();
  } catch {
    // already unusable
  }
}
