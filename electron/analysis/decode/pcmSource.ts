import { decodePcm, pcmCodecName } from '../../../shared/formats/pcm';
import type { PcmLayout } from './pcmLayout';
import type { AudioBlock, AudioSource, AudioBytes } from './types';

/** Frames per block: about 0.75 s at 44.1 kHz, bounded in bytes for wide files. */
export function pcmBlockFrames(blockAlign: number): number {
  const maxBytes = 1 << 20;
  return Math.max(256, Math.min(32768, Math.floor(maxBytes / blockAlign)));
}

/** Streams the PCM payload of a WAV/AIFF file as planar float blocks (buffers are reused). */
export function pcmSource(bytes: AudioBytes, layout: PcmLayout): AudioSource {
  const warnings = [...layout.warnings];
  return {
    info: {
      format: layout.format,
      codec: pcmCodecName(layout.encoding),
      sampleRate: layout.sampleRate,
      channels: layout.channels,
      bitDepth: layout.bitDepth,
      declaredFrames: layout.declaredFrames,
      layout: layout.layout,
    },
    warnings,
    async *blocks(): AsyncGenerator<AudioBlock> {
      // Short files get buffers of their own length, not a full block (less garbage).
      const per = Math.max(1, Math.min(pcmBlockFrames(layout.blockAlign), layout.frames));
      const out: Float32Array[] = [];
      for (let c = 0; c < layout.channels; c++) out.push(new Float32Array(per));
      let done = 0;
      while (done < layout.frames) {
        const want = Math.min(per, layout.frames - done);
        const raw = bytes.read(
          layout.dataOffset + done * layout.blockAlign,
          want * layout.blockAlign,
        );
        const frames = Math.floor(raw.length / layout.blockAlign);
        if (frames === 0) {
          warnings.push(`file shrank while reading: ${layout.frames - done} frames missing`);
          return;
        }
        decodePcm(raw, layout.encoding, layout.channels, frames, out);
        done += frames;
        yield {
          frames,
          channels: frames === per ? out : out.map((ch) => ch.subarray(0, frames)),
        };
      }
    },
    close: async () => bytes.close(),
  };
}
