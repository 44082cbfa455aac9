import { fetchAudioBytes } from '../api/media';
import { decodePcmFile } from '../../shared/formats/pcmFile';
import { Lru } from '../lib/lru';

/** Files up to this size are decoded ahead of time so a click plays them at once. */
export const PREDECODE_MAX_BYTES = 1_500_000;
const BUDGET_BYTES = 96 * 1024 * 1024;

export interface Decodable {
  id: number;
  format: string;
  sizeBytes: number;
}

/**
 * Decoded audio of the short samples on screen (one-shots): auditioning them is then
 * a buffer start (a few ms) instead of an HTTP round trip and a media pipeline start.
 * This is for playback only; waveforms are always drawn from stored peaks.
 */
export class BufferCache {
  private readonly cache = new Lru<number, AudioBuffer>(BUDGET_BYTES);
  private readonly pending = new Map<number, Promise<AudioBuffer | null>>();
  private readonly queue: Decodable[] = [];
  private active = 0;

  constructor(private readonly ctx: () => AudioContext) {}

  get(id: number): AudioBuffer | undefined {
    return this.cache.get(id);
  }

  /** Decodes a sample now (or joins the decode under way). */
  load(s: Decodable): Promise<AudioBuffer | null> {
    const hit = this.cache.get(s.id);
    if (hit) return Promise.resolve(hit);
    const running = this.pending.get(s.id);
    if (running) return running;
    const p = this.decode(s).finally(() => this.pending.delete(s.id));
    this.pending.set(s.id, p);
    return p;
  }

  /** Queues short samples for decoding, nearest first, two at a time. */
  prefetch(samples: readonly Decodable[]): void {
    this.queue.length = 0;
    for (const s of samples) {
      if (s.sizeBytes > PREDECODE_MAX_BYTES || this.cache.has(s.id) || this.pending.has(s.id))
        continue;
      this.queue.push(s);
    }
    this.pump();
  }

  private pump(): void {
    while (this.active < 2 && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.active++;
      void this.load(next).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async decode(s: Decodable): Promise<AudioBuffer | null> {
    try {
      const bytes = await fetchAudioBytes(s.id);
      const ctx = this.ctx();
      let buffer: AudioBuffer;
      if (s.format === 'aiff') {
        const pcm = decodePcmFile(new Uint8Array(bytes));
        const frames = Math.max(1, pcm.channels[0]?.length ?? 0);
        buffer = ctx.createBuffer(pcm.channels.length, frames, pcm.sampleRate);
        pcm.channels.forEach((ch, i) => buffer.copyToChannel(new Float32Array(ch), i));
      } else {
        buffer = await ctx.decodeAudioData(bytes);
      }
      this.cache.set(s.id, buffer, buffer.length * buffer.numberOfChannels * 4);
      return buffer;
    } catch {
      return null;
    }
  }
}
