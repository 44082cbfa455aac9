import { audioUrl } from '../api/client';
import type { SyncPlan } from '../lib/sync';
import type { VoiceKind } from '../../shared/userTiming';
import { markVoice } from '../lib/userTiming';
import { BufferCache, PREDECODE_MAX_BYTES, type Decodable } from './bufferCache';

export interface PlayRequest {
  id: number;
  format: string;
  sizeBytes: number;
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
  /** What is sounding now (each change is a User Timing mark: renderer/lib/userTiming.ts). */
  voice: VoiceKind = null;
  readonly buffers = new BufferCache(() => this.context());

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
    markVoice({ voice: this.voice, playing: s.playing });
    for (const l of this.listeners) l(s);
  }

  private context(): AudioContext {
    return (this.ctx ??= new AudioContext({ latencyHint: 'interactive' }));
  }

  /** Decode the short samples the user is likely to play next. */
  prefetch(samples: readonly Decodable[]): void {
    this.buffers.prefetch(samples);
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
        this.voice = 'tone';
        await tone.playSynced(audioUrl(req.id), req.plan, req.loop, req.volume);
        if (token === this.token) this.emit({ playing: true, error: null });
        return;
      }
      const ready = this.buffers.get(req.id);
      if (ready) {
        this.media.pause();
        this.playBuffer(ready, req);
        return;
      }
      if (req.format === 'aiff' || req.sizeBytes <= PREDECODE_MAX_BYTES / 4) {
        // Chromium cannot stream AIFF; tiny files decode faster than a media pipeline starts.
        this.media.pause();
        const buffer = await this.buffers.load(req);
        if (token !== this.token) return;
        if (buffer) {
          this.playBuffer(buffer, req);
          return;
        }
        if (req.format === 'aiff') throw new Error('this AIFF file could not be decoded');
      }
      this.voice = 'media';
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

  private playBuffer(buffer: AudioBuffer, req: PlayRequest): void {
    const ctx = this.context();
    if (ctx.state !== 'running') void ctx.resume();
    const src = ctx.createBufferSource();
    src.buffer = buffer;
    src.loop = req.loop;
    this.gain ??= ctx.createGain();
    this.gain.gain.value = req.volume;
    this.gain.connect(ctx.destination);
    src.connect(this.gain);
    src.onended = () => {
      if (this.buffered === src) {
        this.buffered = null;
        this.voice = null;
        this.emit({ playing: false, error: null });
      }
    };
    src.start();
    this.buffered = src;
    this.voice = 'buffer';
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
    this.voice = null;
  }

  stop(): void {
    this.token++;
    this.stopOthers();
    this.media.pause();
    this.emit({ playing: false, error: null });
  }

  /** Space: resume what is loaded (from the start when it had ended). */
  async resume(): Promise<boolean> {
    if (!this.media.src || this.toneActive || this.voice !== 'media') return false;
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
  engine ??= new AuditionEngine();
  return engine;
}
