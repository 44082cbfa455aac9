import { audioUrl } from '../api/client';
import { fetchAudioBytes } from '../api/media';
import { decodeAiff } from '../lib/aiff';
import type { SyncPlan } from '../lib/sync';

export interface PlayRequest {
  id: number;
  format: string;
  loop: boolean;
  volume: number;
  plan: SyncPlan;
}

export type EngineState = { playing: boolean; error: string | null };
type Listener = (s: EngineState) => void;

/**
 * The one audition voice. Plain files stream through a single <audio> element (starts
 * in a few ms from the local server, Range requests, no decode up front); AIFF, which
 * Chromium cannot play, is decoded here and played through Web Audio; sync mode hands
 * over to the lazily loaded Tone.js voice.
 */
class AuditionEngine {
  readonly media: HTMLAudioElement;
  private ctx: AudioContext | null = null;
  private buffered: AudioBufferSourceNode | null = null;
  private gain: GainNode | null = null;
  private listeners = new Set<Listener>();
  private token = 0;
  private toneActive = false;

  constructor() {
    this.media = document.createElement('audio');
    this.media.preload = 'auto';
    this.media.dataset.testid = 'audition';
    this.media.hidden = true;
    document.body.appendChild(this.media);
    this.media.addEventListener('playing', () => this.emit({ playing: true, error: null }));
    this.media.addEventListener('pause', () => this.emit({ playing: false, error: null }));
    this.media.addEventListener('ended', () => this.emit({ playing: false, error: null }));
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(s: EngineState): void {
    for (const l of this.listeners) l(s);
  }

  async play(req: PlayRequest): Promise<void> {
    const token = ++this.token;
    this.stopOthers();
    try {
      if (req.plan.engine !== 'direct') {
        const tone = await import('./toneVoice');
        if (token !== this.token) return;
        this.media.pause();
        this.toneActive = true;
        await tone.playSynced(audioUrl(req.id), req.plan, req.loop, req.volume);
        if (token === this.token) this.emit({ playing: true, error: null });
        return;
      }
      if (req.format === 'aiff') {
        this.media.pause();
        await this.playDecodedAiff(req, token);
        return;
      }
      this.media.loop = req.loop;
      this.media.volume = req.volume;
      this.media.src = audioUrl(req.id);
      await this.media.play();
    } catch (error) {
      if (token !== this.token) return;
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.emit({ playing: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async playDecodedAiff(req: PlayRequest, token: number): Promise<void> {
    const bytes = new Uint8Array(await fetchAudioBytes(req.id));
    if (token !== this.token) return;
    const pcm = decodeAiff(bytes);
    const ctx = (this.ctx ??= new AudioContext());
    await ctx.resume();
    const frames = pcm.channels[0]?.length ?? 0;
    const buffer = ctx.createBuffer(pcm.channels.length, Math.max(1, frames), pcm.sampleRate);
    pcm.channels.forEach((ch, i) => buffer.copyToChannel(new Float32Array(ch), i));
    const src = ctx.createBufferSource();
    src.buffer = buffer;
    src.loop = req.loop;
    this.gain ??= ctx.createGain();
    this.gain.gain.value = req.volume;
    this.gain.connect(ctx.destination);
    src.connect(this.gain);
    src.onended = () => {
      if (this.buffered === src) this.emit({ playing: false, error: null });
    };
    src.start();
    this.buffered = src;
    this.emit({ playing: true, error: null });
  }

  private stopOthers(): void {
    if (this.buffered) {
      const b = this.buffered;
      this.buffered = null;
      try {
        b.stop();
      } catch {
        /* already stopped */
      }
    }
    if (this.toneActive) {
      this.toneActive = false;
      void import('./toneVoice').then((t) => t.stopSynced());
    }
  }

  stop(): void {
    this.token++;
    this.stopOthers();
    this.media.pause();
    this.emit({ playing: false, error: null });
  }

  /** Space: resume what is loaded (from the start when it had ended). */
  async resume(): Promise<boolean> {
    if (!this.media.src || this.toneActive) return false;
    if (this.media.ended) this.media.currentTime = 0;
    await this.media.play();
    return true;
  }

  setLoop(loop: boolean): void {
    this.media.loop = loop;
    if (this.buffered) this.buffered.loop = loop;
  }

  setVolume(volume: number): void {
    this.media.volume = volume;
    if (this.gain) this.gain.gain.value = volume;
    if (this.toneActive) void import('./toneVoice').then((t) => t.setSyncedVolume(volume));
  }

  seekBy(seconds: number): void {
    const d = this.media.duration;
    if (!Number.isFinite(d)) return;
    this.media.currentTime = Math.max(0, Math.min(d, this.media.currentTime + seconds));
  }
}

let engine: AuditionEngine | null = null;

export function audition(): AuditionEngine {
  return (engine ??= new AuditionEngine());
}
